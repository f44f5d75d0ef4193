"""An article body split over several containers of one kind ("content" then "content content-more").

Portals cut a body in two to put an inline "Tin liên quan" box or a banner between the halves; the
profile's container selector then matches each half. The halves are the same element with the same
classes, close together under one article wrapper, and each holds running prose; a sidebar box that
happens to share a class name sits elsewhere in the page (or inside a sidebar wrapper) and is left out.
"""

from __future__ import annotations

from lxml import etree

from extractors.page import dom
from extractors.page.vocab import is_sentence_prose

MAX_WRAPPER_LEVELS = 2  # each half sits at most this far below the wrapper the halves share
MIN_PART_WORDS = 8  # a half must hold at least one sentence this long


def _classes(element: etree._Element) -> frozenset[str]:
    return frozenset(str(element.get("class", "")).split())


def _depth_below(ancestor: etree._Element, element: etree._Element) -> int | None:
    level, node = 0, element
    while node is not None:
        if node is ancestor:
            return level
        node, level = node.getparent(), level + 1
    return None


def _share_wrapper(first: etree._Element, other: etree._Element) -> bool:
    """Both lie a level or two under one wrapper (not the page body, which every element shares)."""
    ancestor = first.getparent()
    for _ in range(MAX_WRAPPER_LEVELS):
        if ancestor is None or ancestor.tag in ("body", "html", "form"):
            return False
        depth = _depth_below(ancestor, other)
        if depth is not None:
            return depth <= MAX_WRAPPER_LEVELS
        ancestor = ancestor.getparent()
    return False


def _nested(first: etree._Element, other: etree._Element) -> bool:
    return _depth_below(first, other) is not None or _depth_below(other, first) is not None


def _same_kind(first: etree._Element, other: etree._Element) -> bool:
    """Same tag, and one's classes include the other's ("content" and "content content-more")."""
    mine, theirs = _classes(first), _classes(other)
    return first.tag == other.tag and (mine <= theirs or theirs <= mine)


def _holds_prose(element: etree._Element) -> bool:
    return any(is_sentence_prose(block.text, MIN_PART_WORDS) for block in dom.blocks_of(element))


def is_companion(chosen: etree._Element, other: etree._Element) -> bool:
    """`other` is another half of the body `chosen` starts."""
    if other is chosen or _nested(chosen, other) or not _same_kind(chosen, other):
        return False
    if dom.outside_article(other) or not _share_wrapper(chosen, other):
        return False
    return _holds_prose(other)


def body_parts(chosen: etree._Element, matches: list[etree._Element]) -> list[etree._Element]:
    """The chosen container and its companions among the selector's matches, in document order."""
    parts = [chosen]
    for other in matches:
        if is_companion(chosen, other) and not any(_nested(part, other) for part in parts):
            parts.append(other)
    if len(parts) == 1:
        return parts
    order = {element: index for index, element in enumerate(chosen.getroottree().getroot().iter())}
    return sorted(parts, key=lambda element: order[element])
