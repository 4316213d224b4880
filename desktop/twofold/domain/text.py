"""What an entry says, as its reader sees it: stored Markdown to plain text, passages
found by their words (not by Markdown layout), and the direction of a text.

Entries are stored as Markdown. Entries written before issue 14 were hard-wrapped at
80 columns by Qt's writer; Markdown reads a single line break inside a paragraph as a
space, so ``markdown_to_plain`` gives both the old and the new form back as the
author wrote them."""

from __future__ import annotations

import html
import re
import unicodedata

_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s+|$)")
_BULLET = re.compile(r"^(\s*)[-+*]\s+")
_NUMBER = re.compile(r"^(\s*)(\d{1,9})[.)]\s+")
_QUOTE = re.compile(r"^ {0,3}>\s?")
_INLINE = re.compile(r"\\([!-/:-@\[-`{-~])|(\*+|~~|`+)|(?<![0-9A-Za-z])_+|_+(?![0-9A-Za-z])")
_SPACES = re.compile(r"\s+")
_NBSP_LINE = {"&nbsp;", "\u00a0", "&#160;"}


def _inline(line: str) -> str:
    """Escapes resolved, emphasis marks dropped, entities decoded."""
    out: list[str] = []
    pos = 0
    for match in _INLINE.finditer(line):
        out.append(html.unescape(line[pos : match.start()]))
        if match.group(1):
            out.append(match.group(1))
        pos = match.end()
    out.append(html.unescape(line[pos:]))
    return "".join(out)


def _hard_break(line: str) -> bool:
    trailing = len(line) - len(line.rstrip("\\"))
    return trailing % 2 == 1 or line.endswith("  ")


def markdown_to_plain(markdown: str) -> str:
    """The text a reader sees: one line per paragraph, list item or line break;
    bullets as "• ", numbers kept; no markup. Wrapped lines of a paragraph join."""
    paragraphs: list[str] = []
    for chunk in re.split(r"\n[ \t]*\n", markdown.replace("\r\n", "\n").strip("\n")):
        lines: list[str] = []
        joining = False  # the next line continues the current one (a soft wrap)
        for raw in chunk.split("\n"):
            if not raw.strip():
                continue
            stripped = raw.strip()
            if stripped in _NBSP_LINE:
                lines.append("")
                joining = False
                continue
            text = _QUOTE.sub("", raw)
            marker = ""
            bullet = _BULLET.match(text)
            number = _NUMBER.match(text)
            if bullet:
                marker, text = "• ", text[bullet.end() :]
            elif number:
                marker, text = f"{number.group(2)}. ", text[number.end() :]
            elif _HEADING.match(text):
                text = _HEADING.sub("", text).rstrip("# ")
            hard = _hard_break(text)
            text = text.rstrip()
            if hard and text.endswith("\\"):
                text = text[:-1]
            content = _inline(text.strip())
            if joining and not marker and lines:
                lines[-1] = f"{lines[-1]} {content}".strip()
            else:
                lines.append(marker + content)
            joining = not hard
        paragraphs.extend(lines)
    return "\n".join(paragraphs).replace("\u00a0", " ").strip("\n")


def words(text: str) -> str:
    """A text reduced to its words and punctuation, for finding a passage: markup,
    bullets and every kind of white space or line break do not count."""
    plain = text.replace("\u2029", "\n").replace("\u2028", "\n").replace("\u00a0", " ")
    lines = [re.sub(r"^\s*(?:•|[-+*])\s+", "", line) for line in plain.split("\n")]
    return _SPACES.sub(" ", " ".join(lines)).strip()


def contains_passage(markdown: str, passage: str) -> bool:
    """Whether a passage (as selected in the editor, plain text) is part of an entry
    stored as Markdown, whatever the line layout of either."""
    wanted = words(passage)
    return bool(wanted) and wanted in words(markdown_to_plain(markdown))


def is_right_to_left(text: str) -> bool:
    """The direction of a text, from its first strong character (as Qt and the
    Unicode bidi algorithm decide a paragraph's direction)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False
