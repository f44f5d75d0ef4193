"""Line breaks inside the cells of staff tables, kept as separators of the posts they list.

A post cell often lists several posts one a line ("PBT Đảng ủy<br>CT UBND xã"). trafilatura writes a table row
on one line and runs the cell's lines together; the markup path breaks the row in two. Turning each such
break into "; " keeps the row on one line and the posts apart (`facts.staff_tables` splits at ";"). Only
tables of a block that holds a staff table (one whose header names a name and a post column, or whose rows
show a name and a title cell) are touched.
"""

from __future__ import annotations

from lxml import etree

from extractors.facts.staff_tables import ZERO_WIDTH, Cell, columns_shown, header_columns
from extractors.page import dom
from extractors.page.rows import table_rows

HEADER_ROWS = 2  # a title row may stand above the header
HEADER_CELL_CHARS = 60  # a header cell is a word or two; reading stops there (layout cells hold whole pages)
SAMPLE_ROWS = 6  # rows read to see a name and a title column in a table without a header
_CELL_TAGS = ("td", "th")


def _is_staff_table(table: etree._Element) -> bool:
    # a layout row (one cell a row) has no columns to name: its cells are not even read
    rows = [_cells(row) for row in table_rows(table)[:SAMPLE_ROWS] if _cell_count(row) >= 2]
    if any(header_columns(cells) is not None for cells in rows[:HEADER_ROWS]):
        return True
    return columns_shown(rows) is not None


def _cells(row: etree._Element) -> list[Cell]:
    return [Cell(dom.text_within(cell, HEADER_CELL_CHARS) or "", 0) for cell in row if cell.tag in _CELL_TAGS]


def _cell_count(row: etree._Element) -> int:
    return sum(1 for cell in row if cell.tag in _CELL_TAGS)


def _replace_break(br: etree._Element) -> None:
    parent = br.getparent()
    if parent is None:
        return
    previous = br.getprevious()
    before = (previous.tail or dom.text_of(previous)) if previous is not None else (parent.text or "")
    # "UVBTV Tỉnh ủy,<br>Bí thư Huyện ủy": the comma already separates them
    separator = " " if ZERO_WIDTH.sub("", before).rstrip().endswith((",", ";")) else "; "
    text = separator + (br.tail or "")
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(br)


def separate_cell_lines(root: etree._Element) -> None:
    """Breaks inside the cells of staff tables, and of the tables beside them, become "; "."""
    blocks = {id(table.getparent()): table.getparent() for table in root.iter("table") if _is_staff_table(table)}
    for block in blocks.values():
        if block is None:
            continue
        for cell in [*block.iter("td", "th")]:
            for br in list(cell.iter("br")):
                _replace_break(br)
