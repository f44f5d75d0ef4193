"""Paragraph breaks that a page's markup put inside a sentence, undone for the officials rules.

Static copies of portal pages (the SharePoint "Lạc Việt" copies of press articles) cut a sentence where the lead
ends and the body begins ("… bà Thị H’Nhó" / "– P.CT UBND huyện cùng …"), wrap an image caption across two
paragraphs ("Đồng chí A, Phó Chủ tịch UBND" / "huyện phát biểu"), and lose the first letter of a paragraph that
was set as a drop capital ("ại biểu B (Đoàn ĐBQH tỉnh C) chất vấn …"). The officials rules end a title and a
name at a line break and read "ại biểu" as no cue, so both are mended here, character for character: a lost
initial takes the place of the newline before it, and a break inside a sentence becomes spaces. The text keeps
its length, so every offset found in the mended text is an offset of the original.
"""

from __future__ import annotations

import re

# Paragraph openings that lost a drop capital: the fragment left, the letter lost, the words that may follow
# ("ại biểu" for "Đại biểu", "hủ tịch" for "Chủ tịch", "ng Nguyễn …" for "Ông Nguyễn …").
LOST_INITIALS: tuple[tuple[str, str, str], ...] = (
    ("ại", "Đ", r"biểu|tá|tướng|úy|sứ"),
    ("ồng", "Đ", r"chí"),
    ("hủ", "C", r"tịch|nhiệm"),
    ("hủ", "T", r"tướng"),
    ("í", "B", r"thư"),
    ("hó", "P", r"[Cc]hủ|[Bb]í|[Gg]iám|[Tt]rưởng|[Tt]hủ|[Tt]ổng|[Cc]hánh|[Vv]iện|[Cc]ục|[Vv]ụ|[Cc]hỉ|[Tt]ư|[Hh]iệu"),
    ("hứ", "T", r"trưởng"),
    ("iám", "G", r"đốc"),
    ("ộ", "B", r"trưởng"),
    ("hượng", "T", r"tá|tướng|úy"),
    ("hiếu", "T", r"tá|tướng|úy"),
    ("rung", "T", r"tá|tướng|úy"),
    ("ổng", "T", r"[Bb]í|[Gg]iám|[Tt]hư"),
    ("hánh", "C", r"án|[Vv]ăn|[Tt]hanh"),
    ("ng", "Ô", r"[A-ZĐ]\w*"),
    ("à", "B", r"[A-ZĐ]\w*"),
)
_LOST_INITIAL = re.compile(
    r"\n(?:"
    + "|".join(rf"(?P<g{k}>{fragment} (?:{after})\b)" for k, (fragment, _, after) in enumerate(LOST_INITIALS))
    + ")"
)
# A paragraph end that is no sentence end (no final mark, no closing quote or bracket), the break, and the word
# opening the next paragraph (the look-ahead, first, fails fast where no break starts).
_PARAGRAPH_BREAK = re.compile(r"(?=[ \t\u00a0\n])(?<=[^\s.!?…:;\"”’)\]»|])([ \t\u00a0]*\n[\s\u00a0]*)(\S+)")
DASHES = "–—-"
MIN_LEAD_CHARS = 60  # a paragraph going on with a dash does so only after one this long, not after a heading


def mended(text: str) -> str:
    """`text` with lost drop capitals put back and breaks inside sentences turned to spaces (same length)."""
    if "\n" not in text:
        return text
    # Each change is kept as (offset, replacement of the same length) and the text rebuilt once from slices: a
    # list of its characters would cost a string object per character of a long body.
    initials = [
        (match.start(), LOST_INITIALS[int(match.lastgroup[1:])][1])
        for match in _LOST_INITIAL.finditer(text)
        if match.lastgroup is not None
    ]
    text = _replaced(text, initials)
    spaces = []
    for match in _PARAGRAPH_BREAK.finditer(text):
        start, end = match.span(1)
        if "\n" in text[start:end] and _goes_on(text, start, match.group(2)):
            spaces.append((start, " " * (end - start)))
    return _replaced(text, spaces)


def _replaced(text: str, changes: list[tuple[int, str]]) -> str:
    """`text` with each (offset, replacement) written over it; the changes are in order and never overlap."""
    if not changes:
        return text
    pieces, last = [], 0
    for start, replacement in changes:
        pieces += [text[last:start], replacement]
        last = start + len(replacement)
    pieces.append(text[last:])
    return "".join(pieces)


def _goes_on(text: str, end: int, opening: str) -> bool:
    """Whether the paragraph opening with `opening` goes on the sentence of the one ending at `end`: it opens in
    lower case ("huyện phát biểu"), or with a dash after a paragraph long enough to be a sentence's start."""
    if len(opening) >= 2 and opening[:2].isalpha() and opening[:2].islower():
        return True
    if opening in DASHES or (opening[0] in DASHES and opening[1:2].isspace()):
        start = text.rfind("\n", 0, end) + 1
        return end - start >= MIN_LEAD_CHARS
    return False
