"""The visible text of a text dump written in Markdown (a static site's source, a converter's output).

Only syntax that plain prose never writes is read: a line that is an image ("![alt](src)", also with a title or a
kramdown attribute list: '![alt](src "Bản đồ"){: width="800"}') becomes the dump's image marker (its address may
hold a pair of parentheses: "…/ban-ve%20(1).jpg"), a link-reference comment ("[//]: # (…)"), a reference
definition ("[1]: https://…") and a table's rule row ("| --- | :---: |") are dropped, a heading's "#" marks, a
quote's "> " mark, emphasis markers ("**…**", "*…*", "__…__"), inline and reference links ("[text](url)",
"[text][1]" -> "text") give way to their text.
A doubled mark (">> headline", "> > headline") is a pointer to another article, left for the teaser rules.

A static site's source also holds what its generator renders and a reader never reads as text: HTML tags
written into the Markdown ('<a href="…">Tải về</a>' -> "Tải về"; a picture, a frame or a video -> the image
marker where it stands alone, else nothing), HTML comments, template tags ("{% include map.html %}",
"{{ site.url }}") and kramdown attribute lists ("{: .center}"). A line that is a web address alone is a link, not
the article's text. `hidden_blocks` blanks the lines of a comment, script, style or frame that spans lines.
"""

from __future__ import annotations

import re

IMAGE_MARKER = "[img]"  # what image-aware dumps print where a picture stood
_ADDRESS = r"(?:[^()\s]|\([^()\s]*\))*"  # a link target; one level of parentheses inside ("…%20(1).jpg")
_TITLE = r"(?:\s+(?:\"[^\"]*\"|'[^']*'))?"  # a link's optional title: ![alt](src "title")
_IMAGE_LINE = re.compile(rf"^!\[[^\]]*\]\({_ADDRESS}{_TITLE}\)$")
_COMMENT_LINE = re.compile(r"^\[(?://|comment)\]:\s*#")
_REFERENCE_DEFINITION = re.compile(r"^\[[^\[\]]+\]:\s*(?:https?://|/|\.|#|mailto:)\S*(?:\s+[\"'(].*)?$")
_HEADING = re.compile(r"^#{1,6}\s+(?=\w)")
_INLINE_IMAGE = re.compile(rf"!\[[^\[\]]*\]\({_ADDRESS}{_TITLE}\)")
_INLINE_LINK = re.compile(rf"\[([^\[\]]+)\]\((?:https?://|/|\.|#|mailto:)[^)\s]*{_TITLE}\)")
_REFERENCE_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S) ?\1")
_QUOTE = re.compile(r"^>(?:\s+(?=[^\s>])|\s*$)")  # "> text" or a bare ">", not ">>" or "> >"
_TABLE_RULE = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?(?:-{3,}:?)?\s*$")
_WRAPPED = re.compile(r"^([*_])(?=\S)(.+)(?<=\S)\1$")  # a whole line in italics: a caption

# What a site generator renders and a reader never sees as words. Each pattern stops at the next brace or angle
# bracket, so that a line of unclosed marks costs one pass, not one per mark.
_TEMPLATE_TAG = re.compile(r"\{%[^{}]*%\}|\{\{[^{}]*\}\}")
_ATTRIBUTE_LIST = re.compile(r"\{:[^{}\n]*\}")
# An HTML tag as markup writes it: a name, then ASCII attributes ("<a href='…' target=_blank>", "</p>", "<br/>"),
# so that prose's "<" and ">" ("a < b và c > d") are never taken for one.
_ATTRIBUTE = r"""\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))?"""
_TAG = rf"</?[A-Za-z][A-Za-z0-9]*(?:{_ATTRIBUTE})*\s*/?>"
_HTML_TAG = re.compile(_TAG)
_MEDIA = "iframe|script|style|video|audio|object|svg|noscript|canvas"
_MEDIA_TAG = re.compile(rf"<(?:img|embed|source|{_MEDIA})\b(?:{_ATTRIBUTE})*\s*/?>", re.IGNORECASE)
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]+)>")
_ADDRESS_LINE = re.compile(r"^(?:https?://|www\.|/[\w.-]+/)\S+$")  # "https://…", "/img/post/a.png"
_BLOCK_OPEN = re.compile(rf"<!--|<({_MEDIA})\b", re.IGNORECASE)
_PICTURE = re.compile(r"<(?:img|iframe|video|object|embed|svg|canvas)\b", re.IGNORECASE)


def link_line_text(line: str) -> str | None:
    """The text of a line that is one inline link and nothing else ("[Sớm đưa …](https://bao.vn/…)"), else None."""
    found = _INLINE_LINK.fullmatch(line.strip())
    return found.group(1) if found else None


def without_tags(text: str) -> str:
    """A short field's text without the inline HTML written into it ("Bà <b>Bùi Thị Hoa</b> giữ chức …")."""
    return " ".join(_HTML_TAG.sub(" ", text).split()) if "<" in text else text


def _closer(mark: str) -> re.Pattern[str]:
    return re.compile(re.escape(mark), re.IGNORECASE)


def _block_close(line: str) -> tuple[re.Pattern[str], int] | None:
    """The closing mark of a comment or media element that the line opens and does not close, with where it
    opens; None when every one it opens it closes."""
    start = 0
    while (opened := _BLOCK_OPEN.search(line, start)) is not None:
        close = _closer("-->" if opened.group(0) == "<!--" else f"</{opened.group(1)}")
        found = close.search(line, opened.end())
        if found is None:
            return close, opened.start()
        start = found.end()
    return None


def _without_blocks(text: str) -> str:
    """The line without its comments and media elements (a frame, a script), each from its opening mark through
    its closing tag; one left open runs to the line's end. A closed media element leaves a space."""
    kept: list[str] = []
    start = 0
    while (opened := _BLOCK_OPEN.search(text, start)) is not None:
        kept.append(text[start : opened.start()])
        close = _closer("-->" if opened.group(0) == "<!--" else f"</{opened.group(1)}")
        found = close.search(text, opened.end())
        if found is None:
            return "".join(kept)
        end = text.find(">", found.end() - 1)
        start = end + 1 if end >= 0 else len(text)
        kept.append(" " if opened.group(1) else "")
    return "".join(kept) + text[start:]


def _generated(text: str) -> str:
    """The line without what the site's generator renders as no words (tags, comments, template code)."""
    if "{" in text:
        text = _ATTRIBUTE_LIST.sub("", _TEMPLATE_TAG.sub("", text))
    if "<" not in text:
        return text
    stripped = _HTML_TAG.sub(" ", _MEDIA_TAG.sub(" ", _without_blocks(_AUTOLINK.sub(r"\1", text))))
    if not stripped.strip() and _PICTURE.search(text):
        return IMAGE_MARKER  # a picture or a frame alone on its line, as "![](src)" is
    return stripped


def markdown_text(line: str) -> str:
    """The line as a reader sees it; lines without Markdown syntax come back as they are."""
    text = line.strip()
    changed = text.startswith(">")
    if changed:
        text = _QUOTE.sub("", text)
    if "<" in text or "{" in text:
        generated = _generated(text)
        if generated != text:
            text, changed = " ".join(generated.split()), True
    if _ADDRESS_LINE.match(text):
        return ""
    if not text or not any(mark in text for mark in "*_[!#|"):
        return text if changed else line
    if _TABLE_RULE.match(text):
        return ""
    if _IMAGE_LINE.match(text):
        return IMAGE_MARKER
    if _COMMENT_LINE.match(text) or _REFERENCE_DEFINITION.match(text):
        return ""
    text = _HEADING.sub("", text)
    text = _INLINE_LINK.sub(r"\1", _INLINE_IMAGE.sub(" ", text))
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    wrapped = _WRAPPED.match(text)
    return wrapped.group(2) if wrapped else text


def hidden_blocks(lines: list[str]) -> list[str]:
    """The lines with a comment, script, style or frame that spans several lines blanked from its opening mark
    to its closing one (a one-line one is left to `markdown_text`). Each line is searched once."""
    out: list[str] = []
    closing: re.Pattern[str] | None = None
    for line in lines:
        if closing is not None:
            found = closing.search(line)
            if found is None:
                out.append("")
                continue
            after = line.find(">", found.start())
            line = line[after + 1 :] if after >= 0 else ""
            closing = None
        if "<" in line:
            open_at = _block_close(line)
            if open_at is not None:
                closing = open_at[0]
                line = line[: open_at[1]]
        out.append(line)
    return out
