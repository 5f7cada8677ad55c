"""HTML → plain text for comment bodies and post titles.

WordPress hands out HTML (`content.rendered`, `title.rendered`) and even the raw text of a
comment may carry the tags a commenter was allowed to type (`<a>`, `<b>`, `<blockquote>`).
The inbox shows untrusted plain text only, so every piece of it goes through here: tags go,
entities are decoded, line breaks survive, and a link keeps its target so a moderator can see
where a spam link really points.
"""

import re
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset(
    {"p", "div", "blockquote", "li", "ul", "ol", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}
)
_SKIP_TAGS = frozenset({"script", "style", "template"})
_SPACES = re.compile(r"[ \t\r\f\v]+")
_NEWLINES = re.compile(r"\n{3,}")


def html_to_text(html: str, *, keep_newlines: bool = False) -> str:
    """Plain text of `html`.

    `keep_newlines`: newlines in the text itself are line breaks (WordPress's raw comment
    text, which `wpautop` turns into `<br>` on display); otherwise whitespace collapses as a
    browser would collapse it (rendered HTML, where only tags break lines).
    """
    if "<" not in html and "&" not in html:
        return _tidy(html if keep_newlines else _SPACES.sub(" ", html.replace("\n", " ")))
    parser = _TextParser(keep_newlines=keep_newlines)
    parser.feed(html)
    parser.close()
    return _tidy(parser.text())


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _NEWLINES.sub("\n\n", "\n".join(lines)).strip()


class _TextParser(HTMLParser):
    def __init__(self, *, keep_newlines: bool) -> None:
        super().__init__(convert_charrefs=True)
        self._keep_newlines = keep_newlines
        self._parts: list[str] = []
        self._skipping = 0
        self._links: list[tuple[str, int]] = []  # href, index of the first part inside

    def text(self) -> str:
        return "".join(self._parts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag == "br" or tag in _BLOCK_TAGS:
            self._parts.append("\n")
        elif tag == "a":
            href = next((v for k, v in attrs if k == "href" and v), "")
            self._links.append((href.strip(), len(self._parts)))
        elif tag == "img":
            alt = next((v for k, v in attrs if k == "alt" and v), "")
            if alt:
                self._parts.append(alt)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _SKIP_TAGS:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self._parts.append("\n\n" if tag == "p" else "\n")
        elif tag == "a" and self._links:
            href, start = self._links.pop()
            label = "".join(self._parts[start:]).strip()
            if href and href not in label:
                self._parts.append(f" ({href})" if label else href)

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        self._parts.append(data if self._keep_newlines else data.replace("\n", " "))
