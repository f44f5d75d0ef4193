"""Staff tables of organisation pages: one official per data row, named in the name column, with the posts
of the post column.

Portal pages such as "Cơ cấu tổ chức", "Lãnh đạo" or "UBND các xã" list a unit's people in a table whose
header row names its columns ("Stt | Họ và tên | Chức vụ | Số điện thoại"), often one table per unit with a
heading between them, the later tables repeating the first one's columns without a header. Page cleaning
writes each row as a line of cells separated by "|" (bordered "| a | b |" from trafilatura, "a | b" from the
markup path); this module reads those lines, so offsets refer to the article text like every other fact.

A header row fixes which cell holds the name and which the posts; rows with as many cells follow it, across
the short unit headings between tables, until a row of another width or a paragraph of prose. A table with no
header row is read when its own rows show the columns: in most of them one cell is a full name and a later
cell opens with a title ("Phó Chủ tịch UBND xã", "PBT Huyện ủy"). A row counts
when its name cell reads as a person's name (capitalised words, no digits, no organisation words) and it has
posts or some figure (its number, a telephone). Posts are kept as written ("PCT UBND XÃ"), split at commas,
semicolons and line breaks; telephone, e-mail and number columns are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractors.facts.person_names import name_key, tokenize, words
from extractors.facts.titles import head_length, title_key
from extractors.types import Evidence, Official

# Header words of the two columns that matter, compared case-folded without zero-width padding.
NAME_HEADERS: frozenset[str] = frozenset(["họ và tên", "họ tên", "tên", "họ, tên", "họ và tên cán bộ", "đồng chí"])
POST_HEADERS: frozenset[str] = frozenset(
    ["chức vụ", "chức danh", "chức vụ, đơn vị", "chức vụ hiện nay", "chức vụ hiện tại", "chức vụ - đơn vị"]
)
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SEPARATOR_CELL = re.compile(r":?-{3,}:?")
# A name: capitalised words of letters (with the apostrophe of "K' Brơi", "H'Luê"), no digits.
_NAME_WORD = re.compile(r"[^\W\d_][\w'’]*|[^\W\d_]['’]")
# Words that make a cell a unit or a heading, never a person: "LÃNH ĐẠO UBND XÃ", "Ban Thường vụ".
# ("Đoàn", "Văn", "Công", "Đạo" are also parts of names: only unambiguous words, and two-word phrases.)
ORGANISATION_WORDS: frozenset[str] = words("ủy ubnd hđnd mttq đảng xã huyện tỉnh phường ban phòng hội")
ORGANISATION_PHRASES: tuple[str, ...] = ("lãnh đạo", "thường trực", "công chức")
MAX_NAME_WORDS = 7
MAX_HEADINGS = 2  # lines above a table that name its unit ("1. ỦY BAN NHÂN DÂN XÃ A", a page heading)
MAX_HEADING_WORDS = 25  # a unit heading between two tables; a longer line is a paragraph that ends the tables
MIN_HEADERLESS_ROWS = 2  # a table without a header shows its columns in this many rows at least
HEADERLESS_SHARE = 2 / 3  # ... and in this share of its rows


@dataclass(frozen=True)
class Cell:
    text: str  # as it stands in the line
    start: int  # offset in the line


@dataclass(frozen=True)
class Columns:
    width: int
    name: int
    post: int


@dataclass(frozen=True)
class StaffRow:
    line: int  # index of the row among the scanned lines
    name: Cell
    posts: list[Cell]


@dataclass(frozen=True)
class TableLine:
    """A line that belongs to a staff table: its header, a separator, a unit heading, or a row of people."""

    index: int
    row: StaffRow | None = None  # set for a row of people


def clean(text: str) -> str:
    """A cell's visible words: zero-width padding and surrounding white space dropped."""
    return " ".join(ZERO_WIDTH.sub("", text).split())


def row_cells(line: str) -> list[Cell] | None:
    """The cells of a table row line, None for any other line.

    "| a | b |" (bordered: the outer pipes are the table's edges) or "a | b | c" (every pipe separates).
    """
    if "|" not in line:
        return None
    bordered = line.lstrip().startswith("|")
    cells: list[Cell] = []
    start = 0
    for piece in line.split("|"):
        cells.append(Cell(piece, start))
        start += len(piece) + 1
    if bordered:
        cells = cells[1:]
        if cells and not cells[-1].text.strip():
            cells = cells[:-1]
    return cells if len(cells) >= 2 else None


def is_separator(cells: list[Cell]) -> bool:
    return all(_SEPARATOR_CELL.fullmatch(clean(cell.text)) for cell in cells)


def header_columns(cells: list[Cell]) -> Columns | None:
    """Where the name and the posts stand when this row is a staff table's header."""
    keys = [clean(cell.text).casefold().rstrip(":.") for cell in cells]
    name = next((i for i, key in enumerate(keys) if key in NAME_HEADERS), None)
    post = next((i for i, key in enumerate(keys) if key in POST_HEADERS), None)
    if name is None or post is None or name == post:
        return None
    return Columns(len(cells), name, post)


def inferred_columns(lines: list[str], first: int) -> Columns | None:
    """The name and post columns of a table without a header row whose rows start at line `first`."""
    width = len(row_cells(lines[first]) or ())
    rows: list[list[Cell]] = []
    for line in lines[first:]:
        if not line.strip():
            continue  # rows written as paragraphs
        cells = row_cells(line)
        if cells is None or len(cells) != width:
            break
        if not is_separator(cells):
            rows.append(cells)
    return columns_shown(rows)


def columns_shown(rows: list[list[Cell]]) -> Columns | None:
    """The pair of cells (a full name, then a title) that most `rows` of one width show, for a staff table
    without a header row."""
    if len(rows) < MIN_HEADERLESS_ROWS or len({len(row) for row in rows}) != 1:
        return None
    width = len(rows[0])
    for name in range(width - 1):
        for post in range(name + 1, width):
            shown = sum(_full_name(row[name].text) and _opens_with_title(row[post].text) for row in rows)
            if shown >= MIN_HEADERLESS_ROWS and shown >= HEADERLESS_SHARE * len(rows):
                return Columns(width, name, post)
    return None


def _full_name(text: str) -> bool:
    name = clean(text)
    return looks_like_name(name) and (len(name.split()) >= 2 or "'" in name or "’" in name)


def _opens_with_title(text: str) -> bool:
    tokens = tokenize(clean(text))
    return bool(tokens) and head_length(tokens, 0, lower_ok=True) > 0


def looks_like_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS:
        return False
    if any(not _NAME_WORD.fullmatch(word) or not word[0].isupper() for word in words):
        return False
    folded = " ".join(words).casefold()
    return not any(word in ORGANISATION_WORDS for word in folded.split()) and not any(
        phrase in folded for phrase in ORGANISATION_PHRASES
    )


def _posts(cell: Cell) -> list[Cell]:
    posts: list[Cell] = []
    offset = 0
    for piece in re.split(r"([,;\n])", cell.text):
        if piece not in (",", ";", "\n"):
            visible = clean(piece).strip(" .-–")
            if visible:
                posts.append(Cell(visible, cell.start + offset + piece.find(visible[0])))
        offset += len(piece)
    return posts


def _staff_row(index: int, cells: list[Cell], columns: Columns) -> StaffRow | None:
    name_cell = cells[columns.name]
    name = clean(name_cell.text)
    if not looks_like_name(name):
        return None
    posts = _posts(cells[columns.post])
    has_figure = any(any(ch.isdigit() for ch in cell.text) for cell in cells)
    if not posts and not has_figure:
        return None
    start = name_cell.start + _visible_start(name_cell.text)
    return StaffRow(index, Cell(name, start), posts)


def _visible_start(text: str) -> int:
    for i, ch in enumerate(text):
        if not ch.isspace() and not ZERO_WIDTH.match(ch):
            return i
    return 0


def scan(lines: list[str]) -> Iterator[TableLine]:
    """Each line that belongs to a staff table, in order."""
    columns: Columns | None = None
    pending: list[int] = []  # headings seen since the last row, kept only if a table follows
    for index, line in enumerate(lines):
        cells = row_cells(line)
        if cells is None:
            if line.strip() and len(line.split()) > MAX_HEADING_WORDS:
                columns, pending = None, []
            elif line.strip():
                pending = [*pending[-(MAX_HEADINGS - 1) :], index]
            continue
        found = header_columns(cells)
        if found is not None:
            columns = found
            yield from (TableLine(i) for i in pending)
            pending = []
            yield TableLine(index)
            continue
        if columns is None:
            columns = inferred_columns(lines, index)
            if columns is None:
                pending = []
                continue
        if is_separator(cells):
            yield TableLine(index)
            continue
        if len(cells) != columns.width:
            columns, pending = None, []
            continue
        row = _staff_row(index, cells, columns)
        if row is not None:
            yield from (TableLine(i) for i in pending)
            pending = []
            yield TableLine(index, row)


def staff_table_lines(lines: list[str]) -> set[int]:
    """Indices of the lines that make up staff tables (headers, rows, unit headings between them): page
    cleaning keeps them in the body although they are not prose. Free for pages without a "|"."""
    if not any("|" in line for line in lines):
        return set()
    return {line.index for line in scan(lines)}


def find_staff_officials(text: str) -> list[Official]:
    """One official per person listed in the staff tables of `text`, with the posts beside their name."""
    if "|" not in text:
        return []
    lines = text.split("\n")
    offsets = [0]
    for line in lines[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)
    people: dict[str, Official] = {}
    for line in scan(lines):
        row, index = line.row, line.index
        if row is None:
            continue
        person = people.setdefault(name_key(row.name.text), Official(name=row.name.text))
        _add_titles(person, [post.text for post in row.posts])
        start = offsets[index] + row.name.start
        snippet = " ".join(ZERO_WIDTH.sub("", lines[index]).replace("|", " ").split())
        person.evidence.append(Evidence(start, start + len(row.name.text), snippet))
    return list(people.values())


def with_staff_tables(text: str, officials: list[Official]) -> list[Official]:
    """`officials` read from the prose merged with those of the staff tables: a person in both keeps the
    prose's name and gains the table's posts; a prose reading found only inside table rows gives way."""
    listed = find_staff_officials(text)
    if not listed:
        return officials
    row_spans = [(e.start, e.end) for person in listed for e in person.evidence]
    by_key = {name_key(person.name): person for person in listed}
    merged: list[Official] = []
    for person in officials:
        table = by_key.pop(name_key(person.name), None)
        if table is None:
            inside_rows = all(_within_rows(e, text, row_spans) for e in person.evidence) and person.evidence
            if not inside_rows:
                merged.append(person)
            continue
        _add_titles(person, table.titles)
        person.evidence += table.evidence
        merged.append(person)
    return merged + list(by_key.values())


def _add_titles(person: Official, titles: list[str]) -> None:
    """Append the titles `person` does not hold yet (compared by title key), in their order."""
    known = {title_key(title) for title in person.titles}
    for title in titles:
        if title_key(title) not in known:
            known.add(title_key(title))
            person.titles.append(title)


def _within_rows(evidence: Evidence, text: str, row_spans: list[tuple[int, int]]) -> bool:
    """The evidence lies on a line that holds a staff row."""
    line_start = text.rfind("\n", 0, evidence.start) + 1
    line_end = text.find("\n", evidence.start)
    line_end = len(text) if line_end < 0 else line_end
    return any(line_start <= start < line_end for start, _ in row_spans)


__all__ = ["find_staff_officials", "staff_table_lines", "with_staff_tables"]
