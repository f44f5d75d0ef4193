"""Old table-layout pages that put each paragraph in its own table row (`<tr><td><font>…</font></td></tr>`).

No element holds the whole article, so a container selector finds one row (or every row, which looks like a
listing) and trafilatura sees a table. The article is the table whose rows carry the longest run of prose.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from extractors.page import dom
from extractors.page.vocab import is_sentence_prose, word_count

MIN_PROSE_ROWS = 3  # fewer paragraph rows than this is a layout table with a caption, not an article
MAX_RUN_GAP = 3  # non-prose rows (an image, a subheading) a run of paragraph rows may hold
MAX_ROW_LINK_SHARE = 0.3  # a row mostly made of links is a teaser or a menu item, not a paragraph
TEASER_WORDS = 5
MAX_TEASERS = 2  # this many title links between paragraphs make a listing
MIN_PAGE_SHARE = 0.5  # the paragraph rows must hold most of the page's prose
MAX_CLIMB = 4  # levels from a container match up to its row


@dataclass
class RowRun:
    table: etree._Element
    prose_rows: int = 0
    chars: int = 0
    teasers: int = 0  # title-link rows between its paragraphs


def table_rows(table: etree._Element) -> list[etree._Element]:
    """The table's own rows (through an implicit or explicit tbody), not those of nested tables."""
    rows = [child for child in table if child.tag == "tr"]
    for section in table:
        if section.tag in ("tbody", "thead", "tfoot"):
            rows += [child for child in section if child.tag == "tr"]
    return rows


def _link_chars(row: etree._Element) -> int:
    return sum(len(dom.text_of(anchor)) for anchor in row.iter("a"))


def _is_prose_row(row: etree._Element) -> bool:
    if any(True for _ in row.iter("table")):
        return False  # a layout row that wraps a whole column
    text = dom.text_of(row)
    return is_sentence_prose(text) and _link_chars(row) <= MAX_ROW_LINK_SHARE * len(text)


def _is_teaser_row(row: etree._Element) -> bool:
    """A row led by a long title link: a listing's item, whatever summary follows it."""
    return any(word_count(dom.text_of(anchor)) >= TEASER_WORDS for anchor in row.iter("a"))


def _best_run(table: etree._Element) -> RowRun:
    """The longest run of paragraph rows in one table, allowing short gaps for images and subheadings.

    Title links between the paragraphs make it a listing (a headline row, then its summary row): no run.
    """
    best = current = RowRun(table)
    gap = teasers = 0
    for row in table_rows(table):
        if _is_teaser_row(row):
            teasers += 1
            gap += 1 if current.prose_rows else 0
        elif _is_prose_row(row):
            current.teasers += teasers if current.prose_rows else 0
            current.prose_rows += 1
            current.chars += len(dom.text_of(row))
            gap = teasers = 0
        elif current.prose_rows:
            gap += 1
        if gap > MAX_RUN_GAP:
            current, gap, teasers = RowRun(table), 0, 0
        if current.chars > best.chars:
            best = current
    return best if best.teasers < MAX_TEASERS else RowRun(table)


def find_row_article(root: etree._Element) -> RowRun | None:
    """The table holding the longest run of one-paragraph rows, outside sidebars; None when none does."""
    best: RowRun | None = None
    for table in root.iter("table"):
        if dom.outside_article(table):
            continue
        run = _best_run(table)
        if run.prose_rows >= MIN_PROSE_ROWS and (best is None or run.chars > best.chars):
            best = run
    if best is None or best.chars < MIN_PAGE_SHARE * _page_prose_chars(root):
        return None  # a table of sentences inside a longer article laid out otherwise
    return best


def _page_prose_chars(root: etree._Element) -> int:
    return sum(len(block.text) for block in dom.blocks_of(root) if is_sentence_prose(block.text))


def widen_to_rows(element: etree._Element) -> etree._Element | None:
    """The row table around a container match that is only one of its paragraph rows, else None."""
    node = element
    for _ in range(MAX_CLIMB):
        node = node.getparent()
        if node is None or node.tag == "table":
            return None
        if node.tag == "tr":
            break
    else:
        return None
    table = node.getparent()
    while table is not None and table.tag != "table":
        table = table.getparent()
    if table is None or _best_run(table).prose_rows < MIN_PROSE_ROWS:
        return None
    return table
