"""The visible text of a text dump written in Markdown (a static site's source, a converter's output).

Only syntax that plain prose never writes is read: a line that is an image ("![alt](src)") becomes the dump's
image marker (its address may hold a pair of parentheses: "…/ban-ve%20(1).jpg"), a link-reference comment
("[//]: # (…)") and a table's rule row ("| --- | :---: |") are dropped, a heading's "#" marks, a quote's "> " mark,
emphasis markers ("**…**", "*…*", "__…__") and inline links ("[text](url)" -> "text") give way to their text.
A doubled mark (">> headline", "> > headline") is a pointer to another article, left for the teaser rules.
"""

from __future__ import annotations

import re

IMAGE_MARKER = "[img]"  # what image-aware dumps print where a picture stood
_ADDRESS = r"(?:[^()\s]|\([^()\s]*\))*"  # a link target; one level of parentheses inside ("…%20(1).jpg")
_IMAGE_LINE = re.compile(rf"^!\[[^\]]*\]\({_ADDRESS}\)$")
_COMMENT_LINE = re.compile(r"^\[(?://|comment)\]:\s*#")
_HEADING = re.compile(r"^#{1,6}\s+(?=\w)")
_INLINE_IMAGE = re.compile(rf"!\[[^\[\]]*\]\({_ADDRESS}\)")
_INLINE_LINK = re.compile(r"\[([^\[\]]+)\]\((?:https?://|/|\.)[^)\s]*\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S) ?\1")
_QUOTE = re.compile(r"^>(?:\s+(?=[^\s>])|\s*$)")  # "> text" or a bare ">", not ">>" or "> >"
_TABLE_RULE = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?(?:-{3,}:?)?\s*$")
_WRAPPED = re.compile(r"^([*_])(?=\S)(.+)(?<=\S)\1$")  # a whole line in italics: a caption


def markdown_text(line: str) -> str:
    """The line as a reader sees it; lines without Markdown syntax come back as they are."""
    text = line.strip()
    quoted = text.startswith(">")
    if quoted:
        text = _QUOTE.sub("", text)
    if not text or not any(mark in text for mark in "*_[!#|"):
        return text if quoted else line
    if _TABLE_RULE.match(text):
        return ""
    if _IMAGE_LINE.match(text):
        return IMAGE_MARKER
    if _COMMENT_LINE.match(text):
        return ""
    text = _HEADING.sub("", text)
    text = _INLINE_LINK.sub(r"\1", _INLINE_IMAGE.sub(" ", text))
    text = _STRONG.sub(r"\2", text)
    wrapped = _WRAPPED.match(text)
    return wrapped.group(2) if wrapped else text
