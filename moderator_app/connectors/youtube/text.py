"""Comment text as plain text. YouTube's `textDisplay` may be HTML (links, `<br>`, entities);
the inbox shows untrusted text verbatim, so markup is turned into text, never passed on."""

from html.parser import HTMLParser

_BREAKS = frozenset({"br", "p", "div", "li"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or (tag in _BREAKS and self.parts):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Tags dropped (`<br>` and block tags become line breaks), entities unescaped."""
    if "<" not in markup and "&" not in markup:
        return markup
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return "".join(collector.parts)


def comment_text(original: str | None, display: str | None) -> str:
    """`textOriginal` is the author's raw text; `textDisplay` is the fallback, de-HTML-ed
    (Google only guarantees `textOriginal` to the comment's author)."""
    if original is not None:
        return original
    return html_to_text(display or "")


def same_text(a: str, b: str) -> bool:
    """Equal up to whitespace: YouTube trims and may re-wrap what it stores."""
    return " ".join(a.split()) == " ".join(b.split())
