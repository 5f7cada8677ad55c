"""A seeded, realistic comment stream: mostly ordinary talk, some rudeness, some disguised abuse.

Deterministic for a given seed and world history, so tests can rely on what appears. Roughly
60% ordinary (friendly, neutral, questions), 20% rude, 20% toxic (obscene, disguised or
transliterated); about 30% are replies; a few are very long or contain literal HTML.
"""

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from moderator_app.sandbox import obfuscate, phrases
from moderator_app.sandbox.model import CommentRecord, Community, Draft, Person, Post

REPLY_SHARE = 0.3
OK_SHARE = 0.6
RUDE_SHARE = 0.2
LONG_SHARE = 0.04
HTML_SHARE = 0.035
EMOJI_SHARE = 0.2
AUTHORS_PER_LANGUAGE = 40

Thread = Callable[[str], Sequence[CommentRecord]]
"""Looks up the comments already published under a post, oldest first."""


@dataclass(frozen=True, slots=True)
class _Context:
    language: str
    post: Post
    parent: CommentRecord | None


def make_authors(rng: random.Random) -> tuple[Person, ...]:
    """A fixed cast of commenters: real-looking names and nicknames in both languages."""
    names: dict[str, set[str]] = {"ru": set(), "en": set()}
    while len(names["ru"]) < AUTHORS_PER_LANGUAGE:
        names["ru"].add(_russian_name(rng))
    while len(names["en"]) < AUTHORS_PER_LANGUAGE:
        names["en"].add(_english_name(rng))
    people: list[Person] = []
    for language in ("ru", "en"):
        for name in sorted(names[language]):
            people.append(Person(id=f"u{len(people) + 1}", name=name, language=language))
    return tuple(people)


def _russian_name(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(phrases.RU_NICK_STEMS) + rng.choice(phrases.RU_NICK_SUFFIXES)
    surname = rng.choice(phrases.RU_SURNAMES)
    if rng.random() < 0.5:
        return f"{rng.choice(phrases.RU_FEMALE_FIRST)} {surname}а"
    return f"{rng.choice(phrases.RU_MALE_FIRST)} {surname}"


def _english_name(rng: random.Random) -> str:
    if rng.random() < 0.55:
        return rng.choice(phrases.EN_NICK_STEMS) + rng.choice(phrases.EN_NICK_SUFFIXES)
    return f"{rng.choice(phrases.EN_FIRST)} {rng.choice(phrases.EN_SURNAMES)}"


class CommentGenerator:
    """Writes the next comment. Not thread-safe: the world calls it under its lock."""

    def __init__(self, seed: int, communities: Sequence[Community]) -> None:
        # Seeded on purpose (S311): the stream must repeat exactly for a given seed.
        self._rng = random.Random(seed)  # noqa: S311
        self._edit_rng = random.Random(f"edits-{seed}")  # noqa: S311
        self.authors = make_authors(random.Random(f"authors-{seed}"))  # noqa: S311
        self._posts = [post for community in communities for post in community.posts]
        self._languages = {community.id: community.language for community in communities}
        self._by_language = {
            language: [a for a in self.authors if a.language == language]
            for language in ("ru", "en")
        }

    def draft(self, thread: Thread) -> Draft:
        rng = self._rng
        post = rng.choice(self._posts)
        language = self._language_for(post)
        earlier = thread(post.id)
        parent = rng.choice(earlier[-12:]) if earlier and rng.random() < REPLY_SHARE else None
        author = rng.choice(self._by_language[language])
        if parent is not None and author == parent.author:
            author = rng.choice(self._by_language[language])
        text = self._text(_Context(language, post, parent))
        return Draft(
            post=post, author=author, text=text, parent_id=None if parent is None else parent.id
        )

    def edited(self, record: CommentRecord) -> str:
        """The text an author might change their comment to: the original plus an update."""
        edits = phrases.RU_EDITS if _looks_russian(record.text) else phrases.EN_EDITS
        return f"{record.text}\n\n{self._edit_rng.choice(edits)}"

    def _language_for(self, post: Post) -> str:
        home = self._languages[post.community_id]
        if home == "both":
            return self._rng.choice(("ru", "en"))
        foreign = "en" if home == "ru" else "ru"
        return foreign if self._rng.random() < 0.1 else home

    def _text(self, ctx: _Context) -> str:
        rng = self._rng
        roll = rng.random()
        if roll < OK_SHARE:
            text = self._ordinary(ctx)
            if rng.random() < LONG_SHARE / OK_SHARE:
                text = self._long(ctx.language)
        elif roll < OK_SHARE + RUDE_SHARE:
            text = self._rude(ctx)
        else:
            text = self._toxic(ctx)
        if rng.random() < HTML_SHARE:
            payload = rng.choice(phrases.HTML_PAYLOADS)
            text = payload if rng.random() < 0.5 else f"{text} {payload}"
        if rng.random() < EMOJI_SHARE:
            text = f"{text} {rng.choice(phrases.EMOJI)}"
        if ctx.parent is not None and rng.random() < 0.5:
            text = f"{ctx.parent.author.name}, {_decapitalize(text)}"
        return text

    def _topic(self, ctx: _Context) -> str:
        return ctx.post.topic_ru if ctx.language == "ru" else ctx.post.topic_en

    def _ordinary(self, ctx: _Context) -> str:
        rng = self._rng
        ru = ctx.language == "ru"
        if rng.random() < 0.3:
            specific = ctx.post.questions_ru if ru else ctx.post.questions_en
            generic = phrases.RU_QUESTIONS if ru else phrases.EN_QUESTIONS
            pool = specific if specific and rng.random() < 0.7 else generic
            return rng.choice(pool).format(topic=self._topic(ctx))
        opener = rng.choice(phrases.RU_OPENERS if ru else phrases.EN_OPENERS)
        template = rng.choice(phrases.RU_OK_TEMPLATES if ru else phrases.EN_OK_TEMPLATES)
        return template.format(opener=opener, opener_lower=opener.lower(), topic=self._topic(ctx))

    def _rude(self, ctx: _Context) -> str:
        rng = self._rng
        if ctx.language == "ru":
            return rng.choice(phrases.RU_RUDE_TEMPLATES).format(
                noun=rng.choice(phrases.RU_RUDE_NOUNS),
                adj=rng.choice(phrases.RU_RUDE_ADJ),
                topic=self._topic(ctx),
                target=rng.choice(phrases.RU_TARGETS),
            )
        noun = rng.choice(phrases.EN_RUDE_NOUNS)
        article = "an" if noun[0] in "aeiou" else "a"
        return rng.choice(phrases.EN_RUDE_TEMPLATES).format(
            noun=noun,
            a_noun=f"{article} {noun}",
            adj=rng.choice(phrases.EN_RUDE_ADJ),
            topic=self._topic(ctx),
            target=rng.choice(phrases.EN_TARGETS),
        )

    def _toxic(self, ctx: _Context) -> str:
        rng = self._rng
        if ctx.language == "ru":
            if rng.random() < 0.25:
                return rng.choice(phrases.RU_TRANSLIT)
            text = rng.choice(phrases.RU_TOXIC_TEMPLATES).format(
                word=self._maybe_disguise(rng.choice(phrases.RU_TOXIC_WORDS), 0.75),
                excl=self._maybe_disguise(rng.choice(phrases.RU_EXCLAMATIONS), 0.5),
                nahui=self._maybe_disguise(rng.choice(phrases.RU_NAHUI), 0.5),
                target=rng.choice(phrases.RU_TARGETS),
                topic=self._topic(ctx),
                emoji=rng.choice(phrases.EMOJI),
            )
            return obfuscate.transliterate(text) if rng.random() < 0.1 else text
        return rng.choice(phrases.EN_TOXIC_TEMPLATES).format(
            word=self._maybe_disguise(rng.choice(phrases.EN_TOXIC_WORDS), 0.5),
            fucking=self._maybe_disguise("fucking", 0.7),
            fuck=self._maybe_disguise("fuck", 0.6),
            shit=self._maybe_disguise("shit", 0.6),
            target=rng.choice(phrases.EN_TARGETS),
            emoji=rng.choice(phrases.EMOJI),
        )

    def _maybe_disguise(self, word: str, share: float) -> str:
        return obfuscate.disguise(word, self._rng) if self._rng.random() < share else word

    def _long(self, language: str) -> str:
        """1–3 KB of rambling, measured in UTF-8 bytes like a platform's limit would be."""
        rng = self._rng
        pool = phrases.RU_LONG_SENTENCES if language == "ru" else phrases.EN_LONG_SENTENCES
        target = rng.randint(1024, 3072)
        sentences: list[str] = []
        while len(" ".join(sentences).encode()) < target:
            sentences.append(rng.choice(pool))
        while len(" ".join(sentences).encode()) > 3072:
            sentences.pop()
        return " ".join(sentences)


def _decapitalize(text: str) -> str:
    """'Thanks' → 'thanks' after an addressee's name; 'I', 'OP' and 'EDIT' stay as they are."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    keep = first in {"I", "I'm", "I've", "I'd", "I'll"} or (len(first) > 1 and first.isupper())
    if keep or not first[:1].isupper():
        return text
    return text[0].lower() + text[1:]


def _looks_russian(text: str) -> bool:
    return any("а" <= ch.lower() <= "я" for ch in text)
