"""Report reasons: the words a moderator (or the UI) may use, mapped to `wall.reportComment`'s
reason numbers from the official schema."""

REASONS: dict[str, int] = {
    "spam": 0,
    "child_pornography": 1,
    "extremism": 2,
    "violence": 3,
    "drugs": 4,
    "drug_propaganda": 4,
    "adult": 5,
    "porn": 5,
    "insult": 6,
    "abuse": 6,
    "harassment": 6,
    "toxic": 6,
    "suicide": 8,
    "weapons": 11,
}
VALID_NUMBERS = frozenset(REASONS.values())
DEFAULT_REASON = REASONS["insult"]  # the app's reports are about toxic comments


def report_reason(reason: str) -> int:
    text = reason.strip().lower().replace(" ", "_").replace("-", "_")
    if text.isdigit() and int(text) in VALID_NUMBERS:
        return int(text)
    return REASONS.get(text, DEFAULT_REASON)
