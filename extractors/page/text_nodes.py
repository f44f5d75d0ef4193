"""Dump lines that a crawler wrote as a list literal of the page's text nodes.

A Scrapy crawler that keeps `response.css("… ::text").getall()` and writes the field as it is stores a line like
`['Về ', 'kịch bản phá tràn', ' hồ Kẻ Gỗ', ', ông Lâm nói …', 'Ông Hòa …', 'Nhật Bắc', '\\n']`: one item per text
node, so an item is a paragraph, or a run of one cut where a link or bold text starts or ends. The HTML white space
rule puts them back together: an inline run keeps the space at its edge (or starts on a comma or a lower-case
word), while a new block starts on its own capital with no space between. Such a line becomes one line per
paragraph; every other line is left as it is.

Another crawler of the same site joins the nodes with a bare comma (`",".join(…getall())`), so the line has no
brackets: `… nghỉ hưu.,Ông Lê Văn Hẳn …,Ngày 5/11, HĐND …,Cửu Long`. There a sentence's stop, a comma and a
capital with no space between is a node seam that no writer types; a line with several of them is such a list,
and it is cut into paragraphs at those seams, so the writer's last node stands on its own line. A node that is a
line break ('\\n') leaves a real line break between two such commas (`… phức tạp.,` / `,Hoàng Thùy,` / `,`): a line
ending on a comma over a line opening on one is that joint, and both commas go.
"""

from __future__ import annotations

import ast
import re

_CONTINUING_STARTS = frozenset(",.;:!?)]}”’-–…%")


def _is_list_literal(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) > 3 and stripped[0] == "[" and stripped[-1] == "]" and stripped[1] in "'\""


# A stop (or a quote or bracket closing after it), a comma and the next node's capital, glued: ".,Ông", "”.,Ngày".
_COMMA_SEAM = re.compile(r"(?<=[.!?…])([\"”’)]?),(?=[^\W\d_])")
MIN_COMMA_SEAMS = 2  # one such seam may be a typo; a list of paragraphs has one per paragraph


def _comma_joined_paragraphs(line: str) -> list[str] | None:
    """The paragraphs of a line of text nodes joined by bare commas, None when the line is not one."""
    seams = [seam for seam in _COMMA_SEAM.finditer(line) if line[seam.end()].isupper()]
    if len(seams) < MIN_COMMA_SEAMS:
        return None
    paragraphs: list[str] = []
    start = 0
    for seam in seams:
        paragraphs.append(line[start : seam.start()] + seam.group(1))
        start = seam.end()
    paragraphs.append(line[start:])
    return [" ".join(paragraph.split()) for paragraph in paragraphs if paragraph.strip()]


def _text_nodes(line: str) -> list[str] | None:
    """The line's items when it is a list literal of strings, else None."""
    if not _is_list_literal(line):
        return None
    try:
        value = ast.literal_eval(line.strip())
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return None
    return value


def _continues(previous: str, item: str) -> bool:
    """Whether `item` is an inline run of the paragraph that `previous` ends."""
    if not previous or not item:
        return False
    if previous[-1].isspace() or item[0].isspace():
        return True
    return item[0] in _CONTINUING_STARTS or item[0].islower()


def _joint(previous: str, item: str) -> str:
    """A space between two runs that meet word to word: the crawler stripped the one the page had."""
    return " " if previous[-1].isalnum() and item[0].isalnum() else ""


def _paragraphs(nodes: list[str]) -> list[str]:
    paragraphs: list[str] = []
    current = ""
    for node in nodes:
        if not node.strip():
            # A node of white space alone is a newline between blocks in the source: it ends the paragraph.
            paragraphs.append(current)
            current = ""
        elif _continues(current, node):
            current += _joint(current, node) + node
        else:
            paragraphs.append(current)
            current = node
    paragraphs.append(current)
    return [" ".join(paragraph.split()) for paragraph in paragraphs if paragraph.strip()]


def _line_break_nodes_unjoined(lines: list[str]) -> list[str]:
    """`lines` without the commas that joined a line-break node to its neighbours: no writer ends a line on a
    comma and opens the next one on a comma."""
    kept = list(lines)
    for i in range(len(kept) - 1):
        if kept[i].rstrip().endswith(",") and kept[i + 1].lstrip().startswith(","):
            kept[i] = kept[i].rstrip()[:-1]
            kept[i + 1] = kept[i + 1].lstrip()[1:]
    return kept


def expand_text_node_lines(lines: list[str]) -> list[str]:
    """`lines` with every list literal of text nodes replaced by its paragraphs, one per line."""
    expanded: list[str] = []
    for line in _line_break_nodes_unjoined(lines):
        nodes = _text_nodes(line)
        if nodes is not None:
            expanded.extend(_paragraphs(nodes))
        else:
            expanded.extend(_comma_joined_paragraphs(line) or [line])
    return expanded
