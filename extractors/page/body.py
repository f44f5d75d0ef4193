"""From a page's blocks (HTML paragraphs or the lines of a text dump) to the article body.

Both inputs meet here so that the same widget pruning applies to each: classify every line by meaning,
find the run of prose, stop at the first sidebar/related-list heading after it, and read the byline and the
date stamp on the way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.facts.staff_tables import staff_table_lines
from extractors.page.byline import (
    Byline,
    closing_signature,
    glued_byline,
    is_photo_credit,
    looks_like_name,
    parse_byline,
    parse_leading_byline,
    parse_unit_byline,
    writer_above_outlet,
    writer_before_stamp,
)
from extractors.page.dates import FoundDate, has_date_label, has_weekday, labelled_date, parse_date
from extractors.page.urls import agrees_with_slug
from extractors.page.vocab import (
    MAX_CATEGORY_WORDS,
    LineKind,
    asks_or_exclaims,
    card_person,
    classify_line,
    continues_headline,
    ends_sentence,
    is_card_contact,
    is_card_label,
    is_inline_box_heading,
    is_sentence_prose,
    is_weak_heading,
    strip_bullets,
    word_count,
)

MAX_FURNITURE_LINES = 3  # category, tag line and outlet under an aggregator's closing stamp
MAX_TAIL_LINES = 6  # lines after the last paragraph (closing captions, then the byline) that may sign it
MAX_RUN_GAP = 12  # captions, list items and short lines a run of paragraphs may hold between two paragraphs
MAX_BOX_ITEMS = 6  # headlines a related box between two paragraphs may list
MAX_ITEM_WORDS = 30
MIN_RESUMED = 2  # paragraphs that must follow an inline box for the article to go on after it
MAX_LEAD_PARAGRAPHS = 1  # a credit line under the headline may follow the sapo, not the body's paragraphs
MAX_RUN_JUNK = 2  # widget lines that end a run (a sidebar's "Xem tất cả", a breadcrumb)
MIN_LISTED_NAMES = 2  # closing lines of a short post holding a name alone that make it a list, not a signature
MAX_CELL_WORDS = 20  # a table's cell or its caption ("CLB CÁC NGÂN HÀNG … (ĐVT: TRIỆU ĐỒNG)") as a dump writes it
MAX_TABLE_NOTES = 2  # lines beside a table's cells that are no cell: its caption, the sentence leading to it
MIN_NUMERIC_SHARE = 1 / 3  # cells holding a figure, among a closing table's lines (header rows hold words)


_RUN_BREAKS = frozenset({LineKind.SECTION_END, LineKind.DATESTAMP})


@dataclass
class Block:
    """One visible paragraph; `link_ratio` is None for text dumps (no markup to tell links apart)."""

    text: str
    link_ratio: float | None = None
    tag: str = "p"

    @property
    def linky(self) -> bool:
        return self.link_ratio is not None and self.link_ratio > 0.5


@dataclass
class BodyParts:
    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    category: str | None = None
    byline: Byline | None = None
    date: FoundDate | None = None
    prose_chars: int = 0
    linky_blocks: int = 0


@dataclass
class _Lines:
    blocks: list[Block]
    kinds: list[LineKind]
    staff_rows: set[int] = field(default_factory=set)  # lines of a staff table: body although not prose

    def prose_at(self, index: int, min_words: int = 12) -> bool:
        if index in self.staff_rows:
            return True
        block = self.blocks[index]
        return self.kinds[index] is LineKind.PROSE and not block.linky and is_sentence_prose(block.text, min_words)


def split_blocks(blocks: list[Block]) -> _Lines:
    """One entry per visible line, each classified."""
    lines: list[Block] = []
    for block in blocks:
        for raw in block.text.split("\n"):
            text = " ".join(raw.split())
            if text:
                lines.append(Block(text=text, link_ratio=block.link_ratio, tag=block.tag))
    kinds = [classify_line(line.text) for line in lines]
    staff_rows = staff_table_lines([line.text for line in lines])
    for index in staff_rows:
        kinds[index] = LineKind.PROSE
    return _Lines(blocks=lines, kinds=kinds, staff_rows=staff_rows)


@dataclass
class _Run:
    start: int
    last: int
    chars: int = 0
    junk: int = 0  # widget lines seen since the last paragraph


def _breaks(lines: _Lines, run: _Run, i: int, kind: LineKind) -> bool:
    """A sidebar or header lies between: a heading, a date stamp, widget lines, or a long stretch that is not
    one of the article's tables."""
    if kind in _RUN_BREAKS or run.junk >= MAX_RUN_JUNK:
        return True
    # the stretch is judged whole, when the next paragraph comes: a table's header rows, read alone, hold no figures
    if not lines.prose_at(i) or i - run.last <= MAX_RUN_GAP:
        return False
    return not _table_stretch([b.text for b in lines.blocks[run.last + 1 : i]])


def _table_stretch(texts: list[str]) -> bool:
    """A table between two paragraphs: its cells, with at most a caption or a sentence introducing it."""
    cells = [text for text in texts if word_count(text) <= MAX_CELL_WORDS and not _ends_sentence(text)]
    return len(texts) - len(cells) <= MAX_TABLE_NOTES and _table_cells(cells)


def _first_prose(lines: _Lines) -> int | None:
    """Start of the longest run of prose paragraphs: a sidebar's lone sentence does not start the body."""
    runs: list[_Run] = []
    current: _Run | None = None
    for i, kind in enumerate(lines.kinds):
        if kind is LineKind.SECTION_END and _subheading(lines, i):
            kind = LineKind.PROSE
        if current is not None and _breaks(lines, current, i, kind):
            runs.append(current)
            current = None
        if lines.prose_at(i):
            current = current or _Run(start=i, last=i)
            current.last, current.junk = i, 0
            current.chars += len(lines.blocks[i].text)
        elif current is not None and kind is LineKind.JUNK:
            current.junk += 1
    runs += [current] if current is not None else []
    best = max(runs, key=lambda run: (run.chars, -run.start), default=None)
    return best.start if best else None


def _box_item(lines: _Lines, index: int) -> bool:
    kind, text = lines.kinds[index], lines.blocks[index].text
    return kind is LineKind.JUNK or (
        kind is LineKind.PROSE and not lines.prose_at(index) and word_count(text) <= MAX_ITEM_WORDS
    )


def _closes_article(lines: _Lines, index: int) -> bool:
    """No paragraph just above, or a byline there: the article has ended before this box."""
    above = range(max(index - 3, 0), index)
    if not any(lines.prose_at(i) for i in above):
        return True
    return any(not lines.prose_at(i) and parse_byline(lines.blocks[i].text) for i in above[-2:])


def _inline_box_end(lines: _Lines, index: int) -> int | None:
    """The line after a related-links or ad box that sits between two paragraphs; None elsewhere."""
    if lines.kinds[index] is LineKind.PROSE or not is_inline_box_heading(lines.blocks[index].text):
        return None
    if _closes_article(lines, index):
        return None
    end = index + 1
    while end < len(lines.blocks) and end - index <= MAX_BOX_ITEMS and _box_item(lines, end):
        end += 1
    resumed = [i for i in range(end, min(end + MIN_RESUMED + 1, len(lines.blocks))) if lines.prose_at(i, 15)]
    if not resumed or resumed[0] != end or len(resumed) < MIN_RESUMED:
        return None
    return end


def drop_inline_boxes(lines: _Lines) -> _Lines:
    """Without the related lists and ads a text dump shows between paragraphs (the body goes on after them)."""
    keep = [True] * len(lines.blocks)
    for i in range(len(lines.blocks)):
        end = _inline_box_end(lines, i) if keep[i] else None
        if end is not None:
            keep[i:end] = [False] * (end - i)
    kept_at = [i for i, kept in enumerate(keep) if kept]
    return _Lines(
        blocks=[lines.blocks[i] for i in kept_at],
        kinds=[lines.kinds[i] for i in kept_at],
        staff_rows={new for new, old in enumerate(kept_at) if old in lines.staff_rows},
    )


def directory_lines(lines: _Lines) -> list[str]:
    """The body of an article container that holds no paragraph of prose: an organisation page listing its
    leaders ("Chủ tịch UBND huyện: Ông A", a table "1 | A | Phó Chủ tịch UBND huyện"), a photo page of captions.
    Its own short lines are its body, outside any related list (a stub's one line, "ĐÂY LÀ GIỚI THIỆU VỀ …",
    too: the portal published it). No byline is read from them: a line holding only a name is one of the
    people listed."""
    skipped = _section_end(lines, 0, resumable=True)
    return [
        block.text
        for block, kind, skip in zip(lines.blocks, lines.kinds, skipped, strict=True)
        if kind is LineKind.PROSE and not block.linky and not skip
    ]


def _only_staff_rows(lines: _Lines) -> bool:
    """A container whose only "prose" is staff-table rows holds no paragraph: it is read as a directory."""
    return bool(lines.staff_rows) and not any(
        lines.prose_at(i) for i in range(len(lines.blocks)) if i not in lines.staff_rows
    )


def _subheading(lines: _Lines, index: int) -> bool:
    """A weak heading word ("Thông báo", "Video") followed by two long paragraphs is the article's own."""
    if not is_weak_heading(lines.blocks[index].text):
        return False
    following = [i for i in range(index + 1, min(index + 5, len(lines.blocks))) if lines.prose_at(i, 15)]
    return len(following) >= 2


def _section_end(lines: _Lines, start: int, resumable: bool) -> list[bool]:
    """Which lines lie in a sidebar or related list opened by a heading after `start`."""
    skipped = [False] * len(lines.blocks)
    inside = False
    for i in range(start, len(lines.blocks)):
        if lines.kinds[i] is LineKind.SECTION_END:
            inside = not _subheading(lines, i)
        elif inside and resumable and lines.blocks[i].tag != "li" and lines.prose_at(i, 20):
            # markup tells us the related box ended and the article goes on (an inline "Tin liên quan")
            inside = lines.blocks[i].link_ratio is None
        skipped[i] = inside
    return skipped


MAX_CARD_LINES = 24  # label, person and contact lines of the leaders' cards above a staff table


def _card_person_line(text: str) -> bool:
    """A card's line naming its person and nothing else ("Ông: Lê Văn A"), not a headline about one."""
    name = card_person(text)
    return name is not None and looks_like_name(name)


def _cards_start(lines: _Lines, first: int) -> int:
    """Where the leaders' cards right above the body begin ("- Chánh Thanh tra:", "Ông: A", "ĐT: …"), else
    `first`: an organisation page lists its leaders as cards before the tables of its departments."""
    start, k, people = first, first - 1, 0
    while k >= 0 and first - k <= MAX_CARD_LINES and lines.kinds[k] is not LineKind.SECTION_END:
        text = lines.blocks[k].text
        if lines.blocks[k].linky:
            break
        if _card_person_line(text):
            people += 1
        elif not (is_card_label(text) or is_card_contact(text)):
            break
        if not is_card_contact(text):
            start = k
        k -= 1
    return start if people else first


# Headlines ran to 29 words in the tune gold and to 47 in a portal's conference headline of the dev set; a lead
# printed without its stop, or glued to the body's first words ("… kết quả yếu kém.“Kẻ gian” ngay trong nhà"),
# runs to 58 and more in the 2013 press pools, and reads as no paragraph.
MAX_TITLE_WORDS = 55


def _title_before(lines: _Lines, first_prose: int, url: str | None, article_only: bool = False) -> int | None:
    """The nearest headline-like line above the first paragraph (categories and menus are shorter, leads that
    lost their stop longer); where the page's address is known, one its slug could have been made from."""
    for min_words in (5, 3):
        for i in range(first_prose - 1, -1, -1):
            block = lines.blocks[i]
            headline_like = lines.kinds[i] is LineKind.PROSE and not block.linky and not lines.prose_at(i)
            if not headline_like or not min_words <= word_count(block.text) <= MAX_TITLE_WORDS:
                continue
            if parse_leading_byline(block.text):
                continue
            if is_card_label(block.text) or _card_person_line(block.text):
                continue  # a leader's card above the staff tables ("- Các Phó Giám đốc:", "Ông: A")
            if agrees_with_slug(block.text, url):
                return _headline_over_lead(lines, i, article_only)
    return None


MAX_QUESTION_HEADLINE_WORDS = 30  # headlines that ask ran to 21 words in the press pools; a question paragraph to 57


def _question_headline(lines: _Lines, index: int) -> bool:
    """A dump's first line that asks or exclaims in one short sentence, right above the lead ("Vì sao tàu vỏ
    thép hỏng hàng loạt?"): the headline, although its mark makes it look like a paragraph."""
    if index != 0 or not _asks(lines.blocks[index].text):
        return False
    below = index + 1
    if below + 1 < len(lines.blocks) and _fragment_at(lines, below):
        below += 1  # a lead printed without its closing stop ("… hay chưa... là những ý kiến cử tri nêu")
    return below < len(lines.blocks) and lines.prose_at(below)


def _question_over_stamp(lines: _Lines, first: int) -> bool:
    """A dump's first line that asks, with only the date line between it and the lead ("Vì sao …?" / "Thứ Hai,
    07/04/2025 - 08:15" / lead): the headline, as a record of headline, date and body prints it."""
    return first == 2 and lines.kinds[1] is LineKind.DATESTAMP and _asks(lines.blocks[0].text)


def _asks(text: str) -> bool:
    """One short sentence that asks or exclaims: a headline's shape, although its mark makes it read as prose."""
    words = text.split()
    # the question may be quoted at the end: 'Nỗi lo đầu tiên luôn là câu hỏi: "Vốn ở đâu?"'
    if not asks_or_exclaims(text) or len(words) > MAX_QUESTION_HEADLINE_WORDS:
        return False
    return not any(ends_sentence(word) for word in words[:-1])  # two sentences: a paragraph


LEAD_OVER_HEADLINE = 1.5  # a lead (sapo) runs longer than the headline printed above it


def _headline_over_lead(lines: _Lines, index: int, article_only: bool = False) -> int:
    """The headline, when the chosen line is the lead printed under it without a closing stop: the line right
    above is headline-like too, no category (longer), not its first half, and clearly shorter.

    A dump that holds the article alone (a dataset's record: headline, lead, body) has no menu, breadcrumb or
    category line: there a short line above the lead is the headline ("Doanh nghiệp kêu khó"), and so is a
    line above a lead that ends on a full stop where the line itself does not (a headline states, a lead
    tells). Measured on the 2017 press pool and the tune dumps: every short line above a lead in an article-only
    dump was the headline, every one in a dump with menus or a breadcrumb its category."""
    if _record_headline_over_stamp(lines, index):
        return 0
    if index < 1 or lines.kinds[index - 1] is not LineKind.PROSE or lines.blocks[index - 1].linky:
        return index
    upper, lower = lines.blocks[index - 1].text, lines.blocks[index].text
    if not (_fragment_at(lines, index - 1) or _asks(upper)):
        return index
    if continues_headline(upper, lower):
        return index
    if word_count(upper) <= MAX_CATEGORY_WORDS and not article_only:
        # the dump's first line has no page above it to be the category of: a short headline over its lead
        return index - 1 if index == 1 and _tells_under_statement(upper, lower) else index
    if word_count(lower) >= LEAD_OVER_HEADLINE * word_count(upper):
        return index - 1
    return index - 1 if article_only and _tells_under_statement(upper, lower) else index


def _tells_under_statement(upper: str, lower: str) -> bool:
    """A lead ends on a full stop where the headline above it does not: a headline states, a lead tells."""
    return _ends_sentence(lower) and not _ends_sentence(upper)


def _record_headline_over_stamp(lines: _Lines, index: int) -> bool:
    """A record of headline, date and body ("CSGT phạt 5 người đi bộ" / "Thứ Hai, 07/04/2025 - 18:20" / a lead
    without its closing stop): the first line is the headline, the chosen line its lead, clearly longer."""
    if index != 2 or lines.kinds[1] is not LineKind.DATESTAMP or not _fragment_at(lines, 0):
        return False
    upper, lower = lines.blocks[0].text, lines.blocks[index].text
    if word_count(upper) <= MAX_CATEGORY_WORDS or continues_headline(upper, lower):
        return False
    lead = _wrapped_lead(lines, index)
    return word_count(lead) >= LEAD_OVER_HEADLINE * word_count(upper) or _tells_under_statement(upper, lead)


def _wrapped_lead(lines: _Lines, index: int) -> str:
    """The lead that starts at `index`, with the line under it when it stops mid-sentence and that line ends the
    sentence: a dump may wrap a lead over two lines ("… ngoài vụ ồn ào của nhạc sĩ" / "ViruSs, thời gian qua …
    tương tự."), and half a lead is no longer than its headline."""
    text = lines.blocks[index].text
    below = index + 1
    if _ends_sentence(text) or below >= len(lines.blocks) or lines.kinds[below] is not LineKind.PROSE:
        return text
    return f"{text} {lines.blocks[below].text}" if _ends_sentence(lines.blocks[below].text) else text


@dataclass
class _Span:
    """Lines `first`..`last` (inclusive) of a headline a text dump wrapped over several lines."""

    first: int
    last: int


def _fragment_at(lines: _Lines, index: int) -> bool:
    block = lines.blocks[index]
    return lines.kinds[index] is LineKind.PROSE and not block.linky and not lines.prose_at(index, 8)


def _headline_span(lines: _Lines, title_index: int, first_prose: int) -> _Span:
    """The chosen headline line and the fragments a narrow column wrapped it into, above and below it."""
    span = _Span(title_index, title_index)
    while span.first > 0 and _fragment_at(lines, span.first - 1):
        upper = lines.blocks[span.first - 1].text
        if word_count(upper) <= MAX_CATEGORY_WORDS or not continues_headline(upper, lines.blocks[span.first].text):
            break  # a short line above is the category (or a menu item), never the headline's first half
        span.first -= 1
    while span.last + 1 < first_prose and _fragment_at(lines, span.last + 1):
        if not continues_headline(lines.blocks[span.last].text, lines.blocks[span.last + 1].text):
            break
        span.last += 1
    return span


def _category_before(lines: _Lines, title_index: int) -> str | None:
    for i in range(title_index - 1, -1, -1):
        if lines.kinds[i] is LineKind.PROSE:
            text = strip_bullets(lines.blocks[i].text)
            return text if word_count(text) <= 6 else None
        if lines.kinds[i] is LineKind.JUNK and ("/" in lines.blocks[i].text or "›" in lines.blocks[i].text):
            parts = [p.strip() for p in lines.blocks[i].text.replace("›", "/").replace("»", "/").split("/")]
            return parts[-1] or None
    return None


def _stamp_before_title(lines: _Lines, title_index: int) -> FoundDate | None:
    """A date stamp right above the headline, if it carries a time, a label or a weekday (not a bare "today")."""
    if title_index < 1 or lines.kinds[title_index - 1] is not LineKind.DATESTAMP:
        return None
    text = lines.blocks[title_index - 1].text
    found = parse_date(text)
    return found if found and (found.at or has_date_label(text) or has_weekday(text)) else None


def _closing_stamp(lines: _Lines, last: int, skipped: list[bool]) -> int | None:
    """A date stamp among the lines closing a dump's article ("27/05/13 08:57 GMT+7" under the writer's name, as
    an aggregator prints it): what follows it is the page's furniture (category, tags, outlet), never the
    article's text or its writer."""
    for i in range(last + 1, min(last + 1 + MAX_TAIL_LINES, len(lines.blocks))):
        if skipped[i] or lines.kinds[i] is LineKind.SECTION_END:
            break
        if lines.kinds[i] is LineKind.DATESTAMP:
            return i
    return _stamp_over_furniture(lines, last)


def _stamp_over_furniture(lines: _Lines, last: int) -> int | None:
    """A stamp with only the page's furniture under it (category, tags, outlet) closes the article even when many
    captions or a related list lie between the last paragraph and it."""
    for i in range(len(lines.blocks) - 1, max(last, len(lines.blocks) - 2 - MAX_FURNITURE_LINES), -1):
        if lines.kinds[i] is LineKind.DATESTAMP:
            return i
    return None


def _find_date(lines: _Lines, start: int, stop: int, skipped: list[bool], closing: int | None) -> FoundDate | None:
    """The date stamp near the headline, else the stamp closing the article (`closing`: an aggregator prints it
    under the writer's name, "27/05/13 08:57 GMT+7"), else a labelled date line outside sidebars and related lists."""
    for i in range(start, stop):
        if lines.kinds[i] is LineKind.DATESTAMP:
            return parse_date(lines.blocks[i].text)
    above = _stamp_before_title(lines, start)
    if above:
        return above
    if closing is not None:
        return parse_date(lines.blocks[closing].text)
    for i in range(len(lines.blocks)):
        text = lines.blocks[i].text
        if skipped[i] or lines.kinds[i] is LineKind.SECTION_END or lines.prose_at(i, 8):
            continue
        if word_count(text) <= 16 and has_date_label(text):
            found = labelled_date(text)
            if found:
                return found
    return None


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", "!", "?", "…", ".”", '."'))


@dataclass
class _TailLine:
    """A line after the last paragraph; `caption` when it stands under a picture."""

    text: str
    caption: bool = False


MAX_LINKED_CREDIT_AT = 2


def _linked_credit(lines: _Lines, index: int, last: int) -> bool:
    """A closing line whose name is a link ("<a href='/tac-gia/…'>Minh Anh</a>", "Theo <a>Báo X</a>"), right after
    the last paragraph (or its caption): the writer's or the source's credit. After another link ("Xem thêm") it
    is a link of the page's furniture."""
    if not 0 < index - last <= MAX_LINKED_CREDIT_AT or any(lines.blocks[k].linky for k in range(last + 1, index)):
        return False
    return parse_byline(lines.blocks[index].text) is not None


def _closing_credit(line: str) -> Byline | None:
    return parse_byline(line) or parse_unit_byline(line)


_FIGURE = re.compile(r"[<>≤≥~±+\-–]?\d[\d.,:/%\-–]*[^\W\d_]{0,3}%?")
_SIGN_APART = re.compile(r"^([+\-–])\s+(?=\d)")
MAX_FIGURE_CELL_WORDS = 6  # a figure and its unit or change: "790.000 đồng (tăng 510.000)", "115.000 đồng/người"


def _figure_cell(text: str) -> bool:
    """A table cell that states a figure: "8.194.903", "- 1.700.000", "19,6g", ">50", "790.000 đồng (tăng 510.000)"."""
    words = _SIGN_APART.sub(r"\1", text.strip()).split()  # "- 1.700.000": a fall, its sign set apart
    return 0 < len(words) <= MAX_FIGURE_CELL_WORDS and _FIGURE.fullmatch(words[0]) is not None


def _table_cells(texts: list[str]) -> bool:
    """Lines of a table as a dump writes it, one cell a line: short, no sentence, a third of them figures."""
    if not texts or any(word_count(text) > MAX_CELL_WORDS or _ends_sentence(text) for text in texts):
        return False
    return sum(1 for text in texts if _figure_cell(text)) >= MIN_NUMERIC_SHARE * len(texts)


def _writer_under_table(tail: list[_TailLine]) -> Byline | None:
    """The writer's name closing a dump whose article ends with a table: the tail is the table's cells, then
    the name, further down than closing captions reach."""
    cells = [line.text for line in tail[:-1]]
    if len(cells) < MAX_TAIL_LINES or not _table_cells(cells):
        return None
    credit = parse_byline(tail[-1].text)
    return credit if credit is not None and credit.author else None


def _take_byline(paragraphs: list[str], tail: list[_TailLine], parts: BodyParts, keep_tail: bool) -> None:
    """Read the byline and source from the closing short lines; they leave the body text. What stands between
    the last paragraph and the byline (captions, a closing line, a table's cells) is the article's; what
    follows it is not."""
    credits = [_closing_credit(line.text) if i < MAX_TAIL_LINES else None for i, line in enumerate(tail)]
    for i, credit in enumerate(credits[:-1]):
        if credit is not None and credit.author is None and credits[i + 1] is None:
            credits[i] = writer_above_outlet(tail[i].text, tail[i + 1].text) or credit  # "Theo Khánh Ly" / "Báo X"
    for i, credit in enumerate(credits):
        if credit is not None and _photo_credit_above_writer(tail, credits, i):
            credits[i] = None  # "Ảnh: Tư liệu" closing a caption names the photographer; the writer signs below
    names = [looks_like_name(_bare(line.text)) for line in tail]
    if _lists_people(names):
        credits = [None if name else credit for name, credit in zip(names, credits, strict=True)]
    table_writer = _writer_under_table(tail) if len(tail) > MAX_TAIL_LINES else None
    if table_writer is not None:  # a table's cells sign nothing, though some read as names ("DIỆN TÍCH (HA)")
        credits = [None] * (len(tail) - 1) + [table_writer]
    signed = next((i for i, credit in enumerate(credits) if credit), None)
    for i, (line, credit) in enumerate(zip(tail, credits, strict=True)):
        if credit is not None:
            parts.byline = _combine(parts.byline, credit)
        elif signed is not None:
            if i < signed:
                paragraphs.append(line.text)
        elif keep_tail or line.caption or _ends_sentence(line.text):
            # a short closing sentence ("Hội nghị kết thúc lúc 11 giờ.") and a picture's caption are body;
            # other lines are body only where markup or the dump's shape says they belong to the article
            paragraphs.append(line.text)
    signer = closing_signature(paragraphs[-1]) if len(paragraphs) > 1 and not parts.byline else None
    if signer is not None and _ends_sentence(paragraphs[-2]):
        paragraphs.pop()  # "… trong thời gian tới." / "Nghiệp - Hình": the writer under the last sentence
        parts.byline = signer
    if paragraphs and not (parts.byline and parts.byline.author):
        signed_paragraph = glued_byline(paragraphs[-1])
        if signed_paragraph is not None:
            paragraphs[-1] = signed_paragraph.text
            parts.byline = _combine(parts.byline, signed_paragraph.byline)


def _photo_credit_above_writer(tail: list[_TailLine], credits: list[Byline | None], index: int) -> bool:
    """A photo's credit alone ("Ảnh: Tư liệu") with a writer's own line below it."""
    if not is_photo_credit(tail[index].text):
        return False
    return any(
        credit is not None and credit.author and not is_photo_credit(tail[k].text)
        for k, credit in enumerate(credits[index + 1 :], start=index + 1)
    )


def _bare(line: str) -> str:
    return line.strip().strip("*_").strip()


def _lists_people(names: list[bool]) -> bool:
    """Lines holding a name alone, apart from each other ("CHÁNH VĂN PHÒNG" / "Nguyễn Văn A" / "PHÓ CHÁNH VĂN
    PHÒNG" / "Lê Thị B"): a page listing people, whose names sign nothing. Two names on consecutive lines may
    still be two writers signing."""
    at = [i for i, name in enumerate(names) if name]
    return len(at) >= 2 and at[-1] - at[0] != len(at) - 1


def _combine(earlier: Byline | None, found: Byline) -> Byline:
    """The first person signing wins, then the first office; the latest source credit wins."""
    if earlier is None:
        return found
    keep = earlier.author and not (earlier.by_unit and found.author and not found.by_unit)
    author, by_unit = (earlier.author, earlier.by_unit) if keep else (found.author, found.by_unit)
    return Byline(author=author, source_credit=found.source_credit or earlier.source_credit, by_unit=by_unit)


def _short_post_lines(lines: _Lines, parts: BodyParts) -> list[str]:
    """A dump that holds the article alone but no line long enough to read as prose (a map post, a list of
    files handed over): its lines are still the post's text, not furniture, up to a heading that opens a related
    list or a footer. Its closing lines are read as any article's are: a byline or a source credit ("Nguồn: …")
    signs the post and leaves the text, with what follows it."""
    texts: list[str] = []
    for block, kind in zip(lines.blocks, lines.kinds, strict=True):
        if kind is LineKind.SECTION_END and texts:
            break  # "Tin liên quan", "Bài viết khác": the post has ended, other posts' headlines follow
        if kind is LineKind.PROSE and any(char.isalnum() for char in block.text):
            texts.append(block.text)
    closing = max(0, len(texts) - MAX_TAIL_LINES)
    if sum(1 for text in texts[closing:] if looks_like_name(_bare(text))) >= MIN_LISTED_NAMES:
        # the post lists streets, places or people ("Giáp Bát", "Kim Liên"): names that sign nothing; only a
        # source credit ("Nguồn: …") leaves
        credits = [parse_byline(text) if i >= closing else None for i, text in enumerate(texts)]
        for credit in credits:
            if credit is not None and credit.author is None:
                parts.byline = _combine(parts.byline, credit)
        return [text for text, credit in zip(texts, credits, strict=True) if credit is None or credit.author]
    paragraphs = texts[:closing]
    _take_byline(paragraphs, [_TailLine(text) for text in texts[closing:]], parts, keep_tail=True)
    return paragraphs


# Lines of a page's furniture: a dump with none of them holds the article alone.
_WIDGET_KINDS = frozenset({LineKind.JUNK, LineKind.SECTION_END, LineKind.DATESTAMP})


@dataclass(frozen=True)
class DumpLayout:
    """What a text dump's header tells about its lines: `article_only` when they hold the article and nothing
    else (a dataset record, a static site's source), so the body starts at the top and its closing lines are
    the article's (None: judge by the lines, a dump without a single widget line is the article alone); `url`
    is the address a headline line must agree with; `headline_first` for an aggregator's record that its date
    stamp and furniture close (headline, lead, body, stamp, category, tags, outlet): nothing stands above its
    headline, so its first line is the headline even when a short subheading under it looks more like one;
    `body_from_top` when the headline was cut from the dump's first line: what was glued under it (a caption, a
    lead printed without its closing stop) is the body's opening, although it reads as no paragraph."""

    article_only: bool | None = False
    url: str | None = None
    headline_first: bool = False
    body_from_top: bool = False


MAX_LINES_OVER_LEAD = 2  # an aggregator's headline and the subheading it may print between it and the lead


def _first_line_headline(lines: _Lines, first_prose: int, url: str | None) -> bool:
    """The first line of an aggregator's record, right above its lead or a subheading over it, is the headline
    ("Thanh Tân huy động sức dân …" over "Đổi thay ở xã thuần nông" over the lead), whatever its marks: one that
    exclaims and so reads as prose ("Không xa đâu, Trường Sa ơi! - Bài 4: …") too, when the lead follows it."""
    if first_prose > MAX_LINES_OVER_LEAD or lines.kinds[0] is not LineKind.PROSE:
        return False
    if first_prose == 0:
        short = word_count(lines.blocks[0].text) <= MAX_QUESTION_HEADLINE_WORDS
        if not (short and len(lines.blocks) > 1 and lines.prose_at(1)):
            return False
    elif lines.prose_at(0):
        return False
    return agrees_with_slug(lines.blocks[0].text, url)


def select_body(blocks: list[Block], *, find_title: bool, markup: bool, layout: DumpLayout | None = None) -> BodyParts:
    """The article body of a page's blocks; `find_title` for text dumps, whose headline is a line too."""
    layout = layout or DumpLayout()
    lines = split_blocks(blocks) if markup else drop_inline_boxes(split_blocks(blocks))
    parts = BodyParts(linky_blocks=sum(1 for b in lines.blocks if b.linky))
    first = _first_prose(lines)
    if first is None or (markup and _only_staff_rows(lines)):
        if markup:
            parts.paragraphs = directory_lines(lines)
        elif layout.article_only:
            parts.paragraphs = _short_post_lines(lines, parts)
        return parts
    article_only = layout.article_only
    if article_only is None:
        article_only = not any(kind in _WIDGET_KINDS for kind in lines.kinds)
    start = 0 if markup or article_only or layout.body_from_top else _cards_start(lines, first)
    if find_title:
        title_index = _title_before(lines, first, layout.url, article_only)
        if layout.headline_first and _first_line_headline(lines, first, layout.url):
            title_index, first = 0, max(first, 1)
        elif title_index is None and _question_headline(lines, first):
            title_index, first = first, first + 1
        elif title_index is None and _question_over_stamp(lines, first):
            title_index = 0
        if title_index is not None:
            span = _headline_span(lines, title_index, first)
            parts.title = " ".join(strip_bullets(lines.blocks[i].text) for i in range(span.first, span.last + 1))
            parts.category = _category_before(lines, span.first)
            start = span.last + 1
    skipped = _section_end(lines, first, resumable=markup)
    body_idx = [i for i in range(start, len(lines.blocks)) if not skipped[i]]
    last = max((i for i in body_idx if lines.prose_at(i, 8)), default=first)
    closing = _closing_stamp(lines, last, skipped)
    if closing is not None and not markup:
        body_idx = [i for i in body_idx if i < closing]
    paragraphs: list[str] = []
    tail: list[_TailLine] = []
    leading: Byline | None = None
    for i in body_idx:
        if lines.kinds[i] is LineKind.DATESTAMP and leading is None and len(paragraphs) <= MAX_LEAD_PARAGRAPHS:
            leading = writer_before_stamp(lines.blocks[i].text)
        if lines.kinds[i] is not LineKind.PROSE:
            continue
        if lines.blocks[i].linky and not lines.prose_at(i, 8) and not _linked_credit(lines, i, last):
            continue
        credit = parse_leading_byline(lines.blocks[i].text) if len(paragraphs) <= MAX_LEAD_PARAGRAPHS else None
        if credit is not None and leading is None:
            leading = credit  # "Tin: Thu Hà" under the headline: the author, not the first paragraph
            continue
        if i <= last:
            paragraphs.append(lines.blocks[i].text)
        else:
            tail.append(_TailLine(lines.blocks[i].text, caption=i > 0 and lines.kinds[i - 1] is LineKind.IMAGE))
    _take_byline(paragraphs, tail, parts, keep_tail=markup or article_only)
    if leading is not None:
        parts.byline = _combine(leading, parts.byline) if parts.byline else leading
    parts.paragraphs = paragraphs
    parts.date = _find_date(lines, max(start - 1, 0), min(first + 1, len(lines.blocks)), skipped, closing)
    parts.prose_chars = sum(len(lines.blocks[i].text) for i in body_idx if lines.prose_at(i))
    return parts
