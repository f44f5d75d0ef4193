"""Related-article teasers that a news aggregator writes inline into a plain-text body.

Two forms are read, each only where it stands between sentences (at a line's start or after a sentence's end):

- a headline in square brackets: "… tại Hà Nội.  [Khánh thành cầu Tân An nối hai huyện]  Cầu dài …";
- a headline after a link mark ("»", ">>", ">>>") or a related-story label ("TIN LIÊN QUAN", "Video:"): "… 30/4. »
  Huyện Tân An đón bằng công nhận nông thôn mới  Sáng 2/5, …", sometimes glued to the body's next sentence ("» Tân
  An khánh thành cầu mới Nhân dịp …", "… cầu mớiĐây là …").

A bracket that holds a citation ("[1]"), a note ("[sic]"), a picture mark ("[img]"), a sentence of its own
("[Tòa soạn lược trích.]") or words inside a sentence stays. A mark's headline ends at a double space, at the
next mark, at its own "?"/"!", at a word that opens a news sentence ("Sáng 2/5", "Nhân dịp", "15h30:"), at a seam
where a dump glued the next block to it (read before the seams are spaced) or at the line's end; where none is
found within a headline's length the line is left as it is.

A dataset's body cell (a CSV field, written between quotation marks as a whole, its own quotes doubled) may hold
the aggregator's related headlines glued after the body's last sentence, before the cell's closing mark ("… trên
thế giới. Điều chỉnh quy hoạch chung TP. Y: Từ … đến … TP. Y đầu tư hơn 8.550 tỷ đồng cải tạo rạch Z""): text that
ends the cell without a stop of its own and reads as headlines (eight words or more) is cut (`drop_cell_tail`).
Only the cell's last characters are read, and only a body quoted as a whole (a thousand characters or more: a lead
that is one quotation is shorter): in running text a closing line without a stop is as often a caption or the
writer's name.

An outlet's closing call to read more, which the aggregator glues after the body's last sentence or its writer's
name ("… sự việc. Đỗ Lực Báo Gia đình và Xã hội cập nhật tin tức trong ngày liên tục, mới nhất", "… của xã./.
Xem thêm:"), is cut at the line's end (`drop_closing_promo`), so that the writer's name closes the line again.
"""

from __future__ import annotations

import re

from extractors.page.seams import CASE_SEAM, case_seam
from extractors.page.vocab import ends_sentence

MIN_HEADLINE_WORDS = 4
MAX_HEADLINE_CHARS = 200

_CAPITALS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper())
_OPENS = rf"[\"“‘(]?[0-9{_CAPITALS}]"  # a sentence's first character, after an opening quote
_BRACKETED = re.compile(rf"\[([^\[\]\n]{{1,{MAX_HEADLINE_CHARS}}})\](?=\s*$|\s+{_OPENS})")
# A label an aggregator puts before a related story's headline, read as a link mark: "TIN LIÊN QUAN", "Bài liên
# quan:", and a video's "Video:" (its headline ends where a news sentence opens, as any teaser's).
RELATED_LABELS = (
    r"(?:TIN|BÀI|TIN BÀI) LIÊN QUAN",
    r"(?:Tin|Bài|Tin bài) liên quan",
    r"(?:Video|VIDEO|Clip|CLIP)(?=\s*:)",
)
_MARK = re.compile(rf"(?:»|>>>?|(?:{'|'.join(RELATED_LABELS)})\s*:?)\s*(?={_OPENS})")
# Words every label holds: a line with none of them and no mark is left as it is at the cost of a substring test
# (a regular expression of the labels, tried on every line, was most of the teasers' time).
LABEL_WORDS = ("LIÊN QUAN", "liên quan", "Video", "VIDEO", "Clip", "CLIP")
_CLOSERS = '"”’)'
_STOPS = ".!?…"
_NEXT_MARK = re.compile(r"\s?(?:»|>>>?)\s")  # the next mark, glued to the headline's last word or not
_DOUBLE_SPACE = re.compile(r"\s{2,}")
_OWN_STOP = re.compile(rf"[?!][\"”’]?(?=\s*{_OPENS})")  # a headline's "?" or "!", spaced or glued to what follows
# words that open a news sentence and are not written with a capital inside a sentence-case headline
_OPENER = re.compile(
    r"\s(?=(?:(?:Sáng|Chiều|Tối|Trưa|Đêm|Ngày|Hôm) (?:nay|qua|mai|cùng|\d)"
    r"|Nhân (?:dịp|lễ|kỷ niệm|chuyến|ngày)|Theo |Tại (?:buổi|hội nghị|lễ|đây|kỳ họp|cuộc|phiên)"
    r"|Phát biểu|Thực hiện|Trước đó|Sau đó|Sau khi|Cùng ngày|Trong (?:đó|thời gian|năm|buổi|dịp)"
    r"|\d{1,2}h\d{0,2}:"
    # words written with a capital only where they open a sentence: "ông", "bà" before a name, a plural's "các",
    # "những", and the connectives of news prose
    rf"|(?:Ông|Bà) [{_CAPITALS}]|(?:Các|Những) [a-zà-ỹđ]|Đây là|Tuy nhiên|Được biết|Ngoài ra|Bên cạnh|Hiện nay"
    r"|Đáng (?:chú ý|nói|ngạc nhiên|lưu ý|tiếc)))"
)
_WORD_STOP = re.compile(r"(\w+)[.;](?=\s)")
_NOT_HEADLINE = re.compile(r"^(?:[Ảả]nh|Nguồn|Theo|Video|Clip)\b")

# Closing calls to read more, as data: each runs to the line's end and follows a space.
CLOSING_PROMOS = (
    # "Báo Gia đình và Xã hội cập nhật tin tức trong ngày liên tục, mới nhất",
    # "Đọc báo Pháp luật Đời Sống trong ngày cập nhật liên tục từng giờ tại chuyên mục Pháp Luật"
    rf"(?:Đọc báo|Báo) (?=[{_CAPITALS}])[^.!?]{{2,60}}? cập nhật (?:tin tức )?(?:trong ngày )?liên tục[^.!?]{{0,80}}",
    r"Nhập list tin",  # a content system's leftover button
    # "*Mời bạn đọc vào chuyên mục Quốc phòng an ninh xem các tin, bài liên quan.": a call to the section's stories
    r"\*?Mời (?:bạn đọc|độc giả|quý độc giả|quý vị) (?:vào|xem|đón đọc|theo dõi|đọc)[^.!?]{0,150}[.!]?",
    r"(?:Xem|XEM) (?:thêm|THÊM)(?: [Vv]ideo| [Cc]lip)?(?: tại đây)?\s*[:.]?",  # a label whose links the dump lost
)
MAX_PROMO_CHARS = 220
_CLOSING_PROMO = re.compile(rf"(?:^|\s)(?:{'|'.join(CLOSING_PROMOS)})\s*$")


def _between_sentences(line: str, lo: int, start: int, colon: bool) -> bool:
    """What precedes a teaser from `lo` on: nothing, or a sentence's end (a colon too before a link mark).
    Read backwards from `start` over spaces and closing quotes only, so each teaser costs a few characters."""
    i = start
    while i > lo and (line[i - 1].isspace() or line[i - 1] in _CLOSERS):
        i -= 1
    glued_mark = colon and i == start and line[i - 1 : i].isalpha()  # "… Ảnh: Hùng Lê>>> …": a dump's seam
    return i == lo or line[i - 1] in _STOPS or (colon and line[i - 1] == ":") or glued_mark


def _prose_stop(text: str) -> bool:
    """A lower-case word closed by a full stop: a sentence ends inside, so this is prose, not a headline."""
    return any(m.group(1).islower() and len(m.group(1)) > 1 for m in _WORD_STOP.finditer(text + " "))


def headline_like(text: str) -> bool:
    words = text.split()
    first = text.lstrip('"“‘')[:1]
    return (
        len(words) >= MIN_HEADLINE_WORDS
        and (first.isupper() or first.isdigit())
        and not text.rstrip(_CLOSERS + " ").endswith(".")
        and "://" not in text
        and not _NOT_HEADLINE.match(text)
        and not _prose_stop(text)
    )


def _drop_bracketed(line: str) -> str:
    def keep_or_drop(m: re.Match[str]) -> str:
        teaser = _between_sentences(line, 0, m.start(), colon=False) and headline_like(m.group(1))
        return " " if teaser else m.group(0)

    return _BRACKETED.sub(keep_or_drop, line)


def _headline_end(line: str, start: int) -> int | None:
    """Where the headline that begins at `start` ends (the next sentence's start), or None if no end is seen."""
    window = line[start : start + MAX_HEADLINE_CHARS + 1]
    ends = [m.start() for m in (_DOUBLE_SPACE.search(window), _NEXT_MARK.search(window)) if m]
    stop = _OWN_STOP.search(window)
    if stop:
        ends.append(stop.end())
    ends += [m.start() for m in _OPENER.finditer(window)]
    # where a dump glued the next block to the headline's last word ("… mới khả thiTheo TS …")
    seam = next((m.start() for m in CASE_SEAM.finditer(window) if case_seam(line, start + m.start())), None)
    ends += [] if seam is None else [seam]
    if len(line) - start <= MAX_HEADLINE_CHARS:
        ends.append(len(window.rstrip()))
    enough = [end for end in ends if len(window[:end].split()) >= MIN_HEADLINE_WORDS]
    return start + min(enough) if enough else None


# A media credit after "Video:" names where the clip is from ("Video:YouTube/Kenji Tanaka"), and the writer and the
# story's source may follow it to the line's end: no headline.
_CREDITED_SOURCE = re.compile(r"[^\W\d_]+/[^\W\d_]")


def _media_credit(text: str) -> bool:
    return _CREDITED_SOURCE.match(text) is not None or _SOURCE_NOTE_CLOSING.search(text.rstrip()) is not None


def _drop_marked(line: str) -> str:
    kept: list[str] = []
    pos = 0
    for mark in _MARK.finditer(line):
        if mark.start() < pos or not _between_sentences(line, pos, mark.start(), colon=True):
            continue  # at `pos` a teaser dropped just before: the next one may follow it
        end = _headline_end(line, mark.end())
        if end is None or not headline_like(line[mark.end() : end]) or _media_credit(line[mark.end() : end]):
            continue
        kept.append(line[pos : mark.start()])
        pos = end
    return "".join(kept) + line[pos:] if kept else line


# A digest's link to the full story after each summary ("… công bố thông tin. (Xem tiếp) Vụ Nhà máy …"): a
# button's words, not the text's, wherever a sentence's stop comes before them.
_READ_ON = re.compile(r"(?<=[.!?…\"”])\s*\((?:Xem|Đọc|xem|đọc) (?:tiếp|thêm)(?:\.\.\.|…)?\)(?=\s|$)")


def drop_teasers(line: str) -> str:
    """The line without the other stories' headlines an aggregator put into it, nor a digest's "(Xem tiếp)";
    other text as it was."""
    if "(" in line:
        line = _READ_ON.sub("", line)
    if "[" not in line and "»" not in line and ">>" not in line and not any(word in line for word in LABEL_WORDS):
        return line
    return _drop_marked(_drop_bracketed(line))


# What an outlet announces after the body's last sentence, with no stop of its own, to the line's end: the series'
# next part ("… cá nhân. Bài 2: Quyết tâm thực hiện") or a video's headline ("… của ông Nhuận. Video: Tây Lâm yêu cầu
# kỷ luật …"). A short credit ("Clip: Thu Hà") is no headline and stays for the byline reader.
# (Opening on the white space, the stop checked behind it, the search skips to white space in C.)
_CLOSING_TEASER = re.compile(
    r"\s(?<=[.!?…\"”]\s)\s*(?:(?:Bài|Kỳ) \d{1,2}\s*:\s*[^.!?]{8,150}|(?:Video|VIDEO|Clip|CLIP)\s*:\s*[^.!?]{20,150})$"
)


# A teaser's headline never closes on the story's source in brackets; a media credit, the writer and that source
# do ("Video:Instagram/Takato Ishida Hồng Hạnh(TheoJapan Today)"): the byline reader takes them.
_SOURCE_NOTE_CLOSING = re.compile(r"\((?:[Tt]heo|THEO|[Nn]guồn|NGUỒN)[^()]*\)$")


def drop_closing_promo(line: str) -> str:
    """The line without an outlet's closing call to read more or its teaser of what comes next; only its last
    characters are searched."""
    cut = max(0, len(line) - MAX_PROMO_CHARS)
    found = _CLOSING_PROMO.search(line, cut)
    if found is None:
        teaser = _CLOSING_TEASER.search(line.rstrip(), cut)
        found = teaser if teaser is not None and not _SOURCE_NOTE_CLOSING.search(teaser.group()) else None
    return line[: found.start()].rstrip() if found else line


MAX_CELL_TAIL_CHARS = 2 * MAX_HEADLINE_CHARS  # two related headlines, the most a cell was seen to end on
MIN_CELL_CHARS = 1000  # a whole body: a quoted lead or a quotation standing as a paragraph is shorter


def _quoted_cell(line: str) -> bool:
    """A whole body between quotation marks whose inner quotes, if any, are doubled: a CSV field as written."""
    inner = line[1:-1]
    return len(line) >= MIN_CELL_CHARS and line[0] == line[-1] == '"' and inner.replace('""', "").count('"') == 0


def drop_cell_tail(line: str) -> str:
    """A quoted body cell without the headlines glued after its last sentence; any other line as it was."""
    stripped = line.strip()
    if not _quoted_cell(stripped):
        return line
    cut = max(1, len(stripped) - 1 - MAX_CELL_TAIL_CHARS)
    words = stripped[cut:-1].split(" ")
    ends = [i for i, word in enumerate(words) if ends_sentence(word)]
    if not ends or (cut > 1 and ends[-1] == 0):
        return line  # no sentence ends in the window (its first word may be cut): a long run, not a tail
    tail = " ".join(words[ends[-1] + 1 :]).strip()
    if len(tail.split()) < 2 * MIN_HEADLINE_WORDS or not headline_like(tail):
        return line
    return stripped[: len(stripped) - 1 - len(" ".join(words[ends[-1] + 1 :]))].rstrip() + '"'
