"""Related-article boxes that a news site prints after the article's last paragraph, as a text dump keeps them.

A dump of a VietNamNet-style record writes each related story as a box of two lines, a headline without a stop and
its one-paragraph teaser, set off from the article and from each other by runs of blank lines (three or more: the
article's own blocks, captions and fact boxes, lie one or two blank lines apart), and the writer's name last:

    … the article's last paragraph.
    (three blank lines)
    Headline of another story
    Its teaser paragraph.
    (four blank lines)
    Headline of a third story
    Its teaser paragraph.
    Writer Name

The last box is sometimes written with its headline glued to its teaser ("… tại Hà NộiSáng 2/5, …") on the line
right above the writer's name, after a blank line. Only boxes that close the dump are read, from its end backwards,
and each must have this exact shape; a dump without such runs of blank lines (every other layout seen) is left as
it is.
"""

from __future__ import annotations

import re

from extractors.page.seams import CASE_SEAM, word_seam
from extractors.page.teasers import headline_like

MIN_BOX_GAP = 3  # blank lines before a related box; the article's own blocks lie one or two apart
MIN_GLUED_GAP = 1  # a glued box sits after one blank line at least
MAX_BOX_HEADLINE_WORDS = 30
MIN_TEASER_WORDS = 5
MAX_CLOSING_LINES = 3  # the writer's name, a credit and a job line ("Nhà báo") under the boxes
MAX_CLOSING_WORDS = 6
MAX_GLUED_HEADLINE_CHARS = 220
MIN_LONE_BOX_HEADLINE_WORDS = 6  # a box glued anywhere: a story's headline, not a label ("Tình hình lực lượng")
MIN_LONE_TEASER_WORDS = 8
MAX_LONE_TEASER_WORDS = 70  # a teaser is one paragraph of a sentence or two
MAX_LONE_BOX_WORDS = 90  # an aggregator's body glued into one line runs to hundreds of words
_OPENING_QUOTES = "'\"“‘"
# The seams below are matched from a character of their own (the stop before the seam, the quote after it), so
# that the search skips in C to the next such character: patterns opening on a look-behind are tried everywhere.
_STOP_THEN_CAPITAL = re.compile(r"[?!](?=[\"“‘']?[A-ZÀ-ỸĐ])")  # the seam is where the match ends
# a teaser that opens on a quote glued to its headline's last word ("… đi hẹn hò'Biểu tượng sexy' một thời …")
_WORD_THEN_QUOTE = re.compile(r"[\"“‘'](?<=[a-zà-ỹđ][\"“‘'])(?=[A-ZÀ-ỸĐ])")  # the seam is where it starts


def _words(text: str) -> int:
    return len(text.split())


def _box_headline(text: str) -> bool:
    """A headline: short, without a sentence's stop, opening on a capital or a number after any quote mark."""
    bare = text.strip().lstrip(_OPENING_QUOTES)
    return 0 < _words(text) <= MAX_BOX_HEADLINE_WORDS and headline_like(bare[:1].upper() + bare[1:])


def _closing_line(text: str) -> bool:
    """The writer's name or a short credit under the last box: a few words and no sentence."""
    return _words(text) <= MAX_CLOSING_WORDS and not text.rstrip().endswith((".", "!", "?", "…", ":"))


def _glued_box(text: str) -> bool:
    """A box's headline glued to its teaser without a separator ("… tại Hà NộiSáng 2/5, …")."""
    window = text[:MAX_GLUED_HEADLINE_CHARS]
    seams = [m.start() for m in CASE_SEAM.finditer(window) if word_seam(text, m.start())]
    seams += [m.end() for m in _STOP_THEN_CAPITAL.finditer(window)]
    seams += [m.start() for m in _WORD_THEN_QUOTE.finditer(window)]
    return any(_box_headline(text[:at]) and _words(text[at:]) >= MIN_TEASER_WORDS for at in sorted(seams))


def _sentence_from_capital(text: str) -> bool:
    bare = text.strip().lstrip(_OPENING_QUOTES)
    return bare[:1].isupper() and text.rstrip().rstrip("\"”’'").endswith((".", "!", "?", "…"))


def lone_glued_box(text: str) -> bool:
    """A related box written as one line, wherever it stands: another story's headline glued to its teaser
    ("… tại Samsung, Intel tại Việt Nam?Chính sách thuế …"), a full headline of six words or more and a teaser of
    a sentence or two from a capital to its stop. Body lines glued at a seam (a subhead to its paragraph, "Cá lóc:
    500gDứa: 1/4 quả", "tỷ lệ0,49%") fail one of these; in the pools and the tune dumps every line that passes was a
    box, in a VietNamNet record's body, closing it, or in a live report."""
    if _words(text) > MAX_LONE_BOX_WORDS:
        return False
    window = text[:MAX_GLUED_HEADLINE_CHARS]
    seams = [m.start() for m in CASE_SEAM.finditer(window) if word_seam(text, m.start())]
    seams += [m.end() for m in _STOP_THEN_CAPITAL.finditer(window)]
    seams += [m.start() for m in _WORD_THEN_QUOTE.finditer(window)]
    for at in sorted(seams):
        headline, teaser = text[:at], text[at:]
        if _words(headline) < MIN_LONE_BOX_HEADLINE_WORDS or not _box_headline(headline):
            continue
        if MIN_LONE_TEASER_WORDS <= _words(teaser) <= MAX_LONE_TEASER_WORDS and _sentence_from_capital(teaser):
            return True
    return False


def drop_lone_glued_boxes(lines: list[str]) -> list[str]:
    """The dump's lines with each one-line related box blanked (the layout stays for the closing boxes' reader)."""
    return ["" if lone_glued_box(line.strip()) else line for line in lines]


# A series' list of its parts under the lead ("Bài 1: Nội dung … tràn lan" / "Bài 2: …"): links, one a line.
_SERIES_PART = re.compile(r"^(?:Bài|Kỳ|Phần) (\d{1,2})\s*[:.-]\s*\S")
MIN_SERIES_PARTS = 2


def _series_part(text: str) -> int | None:
    found = _SERIES_PART.match(text)
    if found is None or _words(text) > MAX_BOX_HEADLINE_WORDS or text.rstrip().endswith((".", "…", ":")):
        return None
    return int(found.group(1))


def drop_series_links(lines: list[str]) -> list[str]:
    """The dump's lines without a series' list of parts: two lines or more in a row, numbered from one on
    ("Bài 1: …", "Bài 2: …"), each a headline without a stop (blanked). A part named alone is a subheading."""
    kept = list(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _series_part(lines[j].strip()) == j - i + 1:
            j += 1
        if j - i >= MIN_SERIES_PARTS:
            kept[i:j] = [""] * (j - i)
        i = max(j, i + 1)
    return kept


def _blanks_before(lines: list[str], index: int) -> int:
    count = 0
    while index - count - 1 >= 0 and not lines[index - count - 1].strip():
        count += 1
    return count


def _boxes_from(lines: list[str], content: list[int], end: int) -> list[int]:
    """Indices (into `lines`) of the boxes closing `content[:end]`, read backwards; empty when none is."""
    dropped: list[int] = []
    k = end - 1
    if k >= 1:
        line = content[k]
        if _blanks_before(lines, line) >= MIN_GLUED_GAP and _glued_box(lines[line].strip()):
            dropped.append(line)
            k -= 1
    while k >= 2:  # a box, with at least one line of the article above it
        headline, teaser = content[k - 1], content[k]
        if teaser != headline + 1 or _blanks_before(lines, headline) < MIN_BOX_GAP:
            break
        if not _box_headline(lines[headline].strip()) or _words(lines[teaser]) < MIN_TEASER_WORDS:
            break
        dropped += [teaser, headline]
        k -= 2
    return dropped


def drop_closing_boxes(lines: list[str]) -> list[str]:
    """The dump's lines without the related boxes that close its article (blanked, so the layout stays)."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    if len(content) < 3:
        return lines
    closing = 0
    while closing < min(MAX_CLOSING_LINES, len(content)) and _closing_line(lines[content[-1 - closing]].strip()):
        closing += 1
    best: list[int] = []
    for skipped in range(closing + 1):  # the writer's name may sign under the boxes, or there may be none
        found = _boxes_from(lines, content, len(content) - skipped)
        if len(found) > len(best):
            best = found
    if not best:
        return lines
    gone = set(best)
    return ["" if i in gone else line for i, line in enumerate(lines)]
