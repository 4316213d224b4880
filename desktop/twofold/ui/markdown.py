"""The editor's document as Markdown, written so nothing the author typed is lost.

Qt's own writer (``QTextDocument.toMarkdown``) hard-wraps every paragraph at 80
columns, drops empty paragraphs and line breaks (Shift+Enter), and escapes too
little (``_word_`` turns italic on the way back) or wrongly (``\\**bold**``). This
writer keeps one paragraph per line, writes a line break as a backslash break and an
empty paragraph as ``&nbsp;``, and escapes every character Markdown could read as
markup, so ``setMarkdown(to_markdown(doc))`` gives the author's text back exactly.
``twofold.domain.text.markdown_to_plain`` reads it (and the older wrapped form)."""

from __future__ import annotations

import re

from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFragment,
    QTextListFormat,
)

EMPTY_PARAGRAPH = "&nbsp;"
_ESCAPE = re.compile(r"([\\`*_\[\]<~&])")
_LINE_START = re.compile(r"^([ \t]*)(?:(\d+)([.)])|([#>+\-=]))")
_NUMBERED = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}


def _escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text)


def _escape_start(match: re.Match[str]) -> str:
    if match.group(2):
        return f"{match.group(1)}{match.group(2)}\\{match.group(3)}"
    return f"{match.group(1)}\\{match.group(4)}"


def _fragment(fragment: QTextFragment) -> str:
    fmt = fragment.charFormat()
    text = fragment.text()
    core = text.strip(" ")
    if not core:
        return text.replace("\u2028", "\\\n")
    lead = text[: len(text) - len(text.lstrip(" "))]
    trail = text[len(text.rstrip(" ")) :]
    marks = ""
    if fmt.fontWeight() >= QFont.Weight.DemiBold:
        marks += "**"
    if fmt.fontItalic():
        marks += "*"
    if fmt.fontStrikeOut():
        marks += "~~"
    body = "\\\n".join(_escape(part) for part in core.split("\u2028"))
    return f"{lead}{marks}{body}{marks[::-1]}{trail}"


def _block_text(block: QTextBlock) -> str:
    parts: list[str] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid():
            parts.append(_fragment(fragment))
        it += 1
    text = "".join(parts)
    # A line that starts like a list, a heading or a quote stays a paragraph.
    text = _LINE_START.sub(_escape_start, text)
    # Leading blanks would make an indented code block, trailing ones a line break;
    # Markdown keeps neither as text, so neither is written.
    return text.strip(" \t")


def to_markdown(document: QTextDocument) -> str:
    """The document as Markdown: paragraphs on one line each, separated by a blank
    line; list items on consecutive lines; nothing wrapped."""
    out: list[str] = []
    previous_list = False
    block = document.begin()
    while block.isValid():
        text = _block_text(block)
        text_list = block.textList()
        heading = block.blockFormat().headingLevel()
        if text_list is not None:
            fmt = text_list.format()
            depth = max(fmt.indent() - 1, 0)
            numbered = fmt.style() in _NUMBERED
            marker = f"{text_list.itemNumber(block) + 1}. " if numbered else "- "
            line = "    " * depth + marker + text
            if out and not previous_list:
                out.append("")
            out.append(line)
            previous_list = True
        else:
            if out:
                out.append("")
            if heading:
                out.append("#" * min(heading, 6) + " " + (text or EMPTY_PARAGRAPH))
            else:
                out.append(text if text.strip() else EMPTY_PARAGRAPH)
            previous_list = False
        block = block.next()
    while out and out[-1] in ("", EMPTY_PARAGRAPH):
        out.pop()
    return "\n".join(out)


def set_markdown(document: QTextDocument, markdown: str) -> None:
    """Load stored Markdown; the empty paragraphs ``to_markdown`` wrote as ``&nbsp;``
    come back empty."""
    document.setMarkdown(markdown)
    block = document.begin()
    while block.isValid():
        if block.text() == "\u00a0":
            cursor = QTextCursor(block)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.removeSelectedText()
        block = block.next()
