"""The visible text of a text dump written in Markdown (a static site's source, a converter's output).

Only syntax that plain prose never writes is read: a line that is an image ("![alt](src)") becomes the dump's
image marker, a link-reference comment ("[//]: # (…)") is dropped, a heading's "#" marks, emphasis markers
("**…**", "*…*", "__…__") and inline links ("[text](url)" -> "text") give way to their text.
"""

from __future__ import annotations

import re

IMAGE_MARKER = "[img]"  # what image-aware dumps print where a picture stood
_IMAGE_LINE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")
_COMMENT_LINE = re.compile(r"^\[(?://|comment)\]:\s*#")
_HEADING = re.compile(r"^#{1,6}\s+(?=\w)")
_INLINE_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^)\s]*\)")
_INLINE_LINK = re.compile(r"\[([^\[\]]+)\]\((?:https?://|/|\.)[^)\s]*\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S) ?\1")
_WRAPPED = re.compile(r"^([*_])(?=\S)(.+)(?<=\S)\1$")  # a whole line in italics: a caption


def markdown_text(line: str) -> str:
    """The line as a reader sees it; lines without Markdown syntax come back as they are."""
    text = line.strip()
    if not text or not any(mark in text for mark in "*_[!#"):
        return line
    if _IMAGE_LINE.match(text):
        return IMAGE_MARKER
    if _COMMENT_LINE.match(text):
        return ""
    text = _HEADING.sub("", text)
    text = _INLINE_LINK.sub(r"\1", _INLINE_IMAGE.sub(" ", text))
    text = _STRONG.sub(r"\2", text)
    wrapped = _WRAPPED.match(text)
    return wrapped.group(2) if wrapped else text
