"""A news site's own notices that a crawler's record glues into the article's one-line body.

A record that keeps a page's visible text as one line (a dataset's `content` cell: 24h.com.vn rows, for one)
carries the site's furniture along with the article:

- at the line's start, the message of its "save this article" button ("Lưu bài viết thành công Bạn có thể xem lại
  bài viết đã lưu ở trangTin bài đã lưu"), which the page prints above every article;
- anywhere in it, a widget's message (a poll's "Bạn có thể chọn 1 mục. Bình chọn của bạn sẽ được công khai.");
- at the line's end, the box of one related story: its lead, cut to about 150 characters and closed by "...", or
  whole when shorter, then the box's source link, which the crawler wrote as a placeholder ("Nguồn: [Link
  nguồn]", once or twice). The lead is glued to the article's last sentence, so it is read back from the
  placeholder: a cut lead from the earliest sentence start within a lead's length, a whole one (shorter, most
  often one sentence) from the last. Its people, documents and dates are another story's, never the article's.

Both are read only where the placeholder or the notice stands; a line without them is left as it is.
"""

from __future__ import annotations

import re

# The save button's message, as data: at the line's start, the glued "trangTin" as the crawler wrote it.
OPENING_NOTICES = (r"Lưu bài viết thành công\s*Bạn có thể xem lại bài viết đã lưu ở trang\s*Tin bài đã lưu",)
_OPENING_NOTICE = re.compile(rf"^\s*(?:{'|'.join(OPENING_NOTICES)})\s*")

# A widget's message glued anywhere into the line: a poll's instructions ("Bạn có thể chọn 1 mục. Bình chọn của bạn sẽ
# được công khai."), which the page prints under its question, between two paragraphs.
INLINE_NOTICES = (r"Bạn có thể chọn \d+ mục\.\s*Bình chọn của bạn sẽ được công khai\.",)
_INLINE_NOTICE = re.compile(rf"\s*(?:{'|'.join(INLINE_NOTICES)})")

# The related box's source link, written as a placeholder: it closes the line.
_PLACEHOLDER_TEXT = "[Link nguồn]"
_LINK_PLACEHOLDER = re.compile(rf"(?:\s*Nguồn\s*:\s*{re.escape(_PLACEHOLDER_TEXT)})+\s*$")
_CUT_MARKS = ("...", "…")
MAX_RELATED_LEAD_CHARS = 170  # the site cuts a lead at about 150 characters (145-165 measured) and adds "..."
_CAPITALS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper())
# A sentence's start: after a stop (and a closing quote or bracket) or after a caption's bracketed credit ("(Ảnh:
# Minh Khoa)"), a space, then a capital or a number, after any opening quote or bracket. A lead may open on a
# bracketed label itself ("(Vòng 24) MU thắng …"): a bracket without a credit is no start.
_SENTENCE_START = re.compile(
    rf"(?:[.!?…][\"”’)]?|\((?:Ảnh|Video|Clip|Nguồn|Theo)\b[^()]{{0,60}}\))\s+(?=[\"“‘(]?[0-9{_CAPITALS}])"
)


def drop_opening_notice(line: str) -> str:
    """The line without the site's notice at its start; any other line as it was."""
    return _OPENING_NOTICE.sub("", line, count=1)


def drop_inline_notices(line: str) -> str:
    """The line without a widget's message glued into it; any other line as it was."""
    return _INLINE_NOTICE.sub("", line) if "Bình chọn" in line else line


def drop_related_lead(line: str) -> str:
    """The line without the related story's lead and the source placeholder that close it; a line that does not
    end on the placeholder, or whose lead has no sentence start within a lead's length, as it was."""
    placeholder = _LINK_PLACEHOLDER.search(line) if _PLACEHOLDER_TEXT in line else None  # most lines hold none
    if placeholder is None:
        return line
    body = line[: placeholder.start()].rstrip()
    cut = body.endswith(_CUT_MARKS)
    starts = [found.end() for found in _SENTENCE_START.finditer(body, max(0, len(body) - MAX_RELATED_LEAD_CHARS))]
    if not starts and cut:
        starts = _word_starts_at_cut_length(body)
    if not starts:
        return line
    # A cut lead runs the whole window: its start is the earliest one there. A whole lead is shorter than the cut
    # and most often one sentence: only the last is taken, so that the article's own last sentences stay.
    return body[: starts[0] if cut else starts[-1]].rstrip()


CUT_LEAD_CHARS = 150
MIN_CUT_LEAD_CHARS = 135
_CAPITALISED_START = re.compile(rf"\s(?=[{_CAPITALS}])")


def _word_starts_at_cut_length(body: str) -> list[int]:
    """A cut lead glued after a line without a stop ("… 4 năm 6 tháng tù Thứ trưởng …..."): the capitalised word
    whose distance to the end is nearest the site's cut, within the span the cut was measured in."""
    low, high = len(body) - MAX_RELATED_LEAD_CHARS, len(body) - MIN_CUT_LEAD_CHARS
    starts = [found.end() for found in _CAPITALISED_START.finditer(body, max(0, low), max(0, high))]
    return sorted(starts, key=lambda at: abs(len(body) - at - CUT_LEAD_CHARS))[:1]
