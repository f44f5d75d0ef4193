"""Dump lines that a crawler wrote as a list literal of the page's text nodes.

A Scrapy crawler that keeps `response.css("… ::text").getall()` and writes the field as it is stores a line like
`['Về ', 'kịch bản phá tràn', ' hồ Kẻ Gỗ', ', ông Lâm nói …', 'Ông Hòa …', 'Nhật Bắc', '\\n']`: one item per text
node, so an item is a paragraph, or a run of one cut where a link or bold text starts or ends. The HTML white space
rule puts them back together: an inline run keeps the space at its edge (or starts on a comma or a lower-case
word), while a new block starts on its own capital with no space between. Such a line becomes one line per
paragraph; every other line is left as it is.
"""

from __future__ import annotations

import ast

_CONTINUING_STARTS = frozenset(",.;:!?)]}”’-–…%")


def _is_list_literal(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) > 3 and stripped[0] == "[" and stripped[-1] == "]" and stripped[1] in "'\""


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


def expand_text_node_lines(lines: list[str]) -> list[str]:
    """`lines` with every list literal of text nodes replaced by its paragraphs, one per line."""
    expanded: list[str] = []
    for line in lines:
        nodes = _text_nodes(line)
        expanded.extend(_paragraphs(nodes) if nodes is not None else [line])
    return expanded
