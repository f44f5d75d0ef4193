"""CSS selection over a page, fast for the selectors the CMS profiles are made of.

lxml's CSSSelector turns ".author" into an XPath that normalises every element's class string: about half a
millisecond per selector on a portal page of 5,000 elements, and the profiles ask some forty of them per
page (three quarters of page extraction time on menu-heavy pages). Selectors made of tags, classes, ids,
`[class*="…"]`, `[id*="…"]`, `[id$="…"]`, `[itemprop="…"]`, `:last-child` and descendant combinators are
answered here from one index of the page's classes, ids and itemprops, built on first use; anything else
(`:not(…)`, other attributes) goes to CSSSelector. Results are the same elements in the same (document) order.

The index belongs to one tree. Removals (`dom.remove_all`) mark it, and its answers are then checked to be
still in the tree; other changes (the fallback renaming tags) drop it (`forget`). What a selector finds over
the whole tree is remembered until the next removal.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from lxml import etree
from lxml.cssselect import CSSSelector

_COMPOUND = re.compile(
    r"(?P<tag>[a-zA-Z][a-zA-Z0-9]*|\*)?"
    r"(?P<rest>(?:[.#][A-Za-z_][\w-]*|\[(?:class\*|id\*|id\$|itemprop)=(?P<q>[\"'])[^\"'\]]+(?P=q)\]|:last-child)*)"
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none")
HIDDEN_CLASSES = frozenset(["ms-hidden", "hidden", "sr-only"])
_SEPARATOR = "\x00"  # never in an attribute value (XML forbids it)
_PART = re.compile(r"([.#])([A-Za-z_][\w-]*)|\[(class\*|id\*|id\$|itemprop)=[\"']([^\"'\]]+)[\"']\]|(:last-child)")


@dataclass(frozen=True)
class Compound:
    """One simple selector: a tag and/or classes, an id, class substrings, id substrings and endings, an
    itemprop, `:last-child` (no element follows it among its siblings)."""

    tag: str | None = None
    classes: tuple[str, ...] = ()
    id: str | None = None
    class_substrings: tuple[str, ...] = ()
    id_substrings: tuple[str, ...] = ()
    id_endings: tuple[str, ...] = ()
    itemprop: str | None = None
    last_child: bool = False

    @property
    def selective(self) -> bool:
        """Matched by a few elements of a page, found from the index: not a bare tag."""
        return bool(
            self.classes or self.id or self.class_substrings or self.id_substrings or self.id_endings or self.itemprop
        )

    def matches(self, element: etree._Element) -> bool:
        if self.tag is not None and element.tag != self.tag:
            return False
        if self.last_child and not (isinstance(element.tag, str) and _is_last_child(element)):
            return False
        if self.itemprop is not None and element.get("itemprop") != self.itemprop:
            return False
        if not self._id_matches(element.get("id")):
            return False
        attribute = element.get("class") or ""
        if self.classes and not set(self.classes) <= set(attribute.split()):
            return False
        return all(part in attribute for part in self.class_substrings)

    def _id_matches(self, identifier: str | None) -> bool:
        if self.id is not None and identifier != self.id:
            return False
        if not (self.id_substrings or self.id_endings):
            return True
        return (
            identifier is not None
            and all(part in identifier for part in self.id_substrings)
            and all(identifier.endswith(ending) for ending in self.id_endings)
        )


def _is_last_child(element: etree._Element) -> bool:
    """No element follows among its siblings (comments and processing instructions may)."""
    node = element.getnext()
    while node is not None:
        if isinstance(node.tag, str):
            return False
        node = node.getnext()
    return True


@lru_cache(maxsize=512)
def parse(selector: str) -> tuple[tuple[Compound, ...], ...] | None:
    """A comma list of descendant chains of compounds, or None when the selector needs CSSSelector."""
    chains = []
    for branch in selector.split(","):
        chain = []
        for word in branch.split():
            found = _COMPOUND.fullmatch(word)
            if found is None or not word:
                return None
            tag = found.group("tag")
            parts: dict[str, list[str]] = {".": [], "#": [], "class*": [], "id*": [], "id$": [], "itemprop": []}
            last_child = False
            for part in _PART.finditer(found.group("rest")):
                if part.group(5) is not None:
                    last_child = True
                elif part.group(3) is not None:
                    parts[part.group(3)].append(part.group(4))
                else:
                    parts[part.group(1)].append(part.group(2))
            if len(parts["#"]) > 1 or len(parts["itemprop"]) > 1:
                return None
            chain.append(
                Compound(
                    None if tag in (None, "*") else tag.lower(),
                    tuple(parts["."]),
                    parts["#"][0] if parts["#"] else None,
                    tuple(parts["class*"]),
                    tuple(parts["id*"]),
                    tuple(parts["id$"]),
                    parts["itemprop"][0] if parts["itemprop"] else None,
                    last_child,
                )
            )
        if not chain:
            return None
        chains.append(tuple(chain))
    return tuple(chains)


@dataclass
class PageIndex:
    """The elements of one tree by class, id and itemprop, in document order."""

    root: etree._Element
    by_class: dict[str, list[etree._Element]] = field(default_factory=dict)
    by_id: dict[str, list[etree._Element]] = field(default_factory=dict)
    by_itemprop: dict[str, list[etree._Element]] = field(default_factory=dict)
    classed: list[tuple[etree._Element, str]] = field(default_factory=list)
    identified: list[etree._Element] = field(default_factory=list)  # the elements with an id
    _order: dict[etree._Element, int] | None = None
    _matching: dict[Compound, list[etree._Element]] = field(default_factory=dict)
    removals: bool = False  # elements were removed since the index was built
    hidden: list[etree._Element] = field(default_factory=list)  # [hidden], display: none, .hidden …
    # what each selector found over the whole tree since the last removal: the headline, date and byline
    # steps ask the same selectors of the same tree, some three times each
    selected: dict[str, list[etree._Element]] = field(default_factory=dict)
    _joined: str | None = None  # the class attributes of `classed`, joined by _SEPARATOR
    _entry_starts: list[int] = field(default_factory=list)  # where each one starts in `_joined`
    # every element of the tree as it was indexed: held so that lxml keeps one Python proxy per element for
    # the page's later walks instead of making and freeing one per element at each walk
    elements: list[etree._Element] = field(default_factory=list)

    @classmethod
    def build(cls, root: etree._Element) -> PageIndex:
        index = cls(root)
        by_class, by_id, by_itemprop = index.by_class, index.by_id, index.by_itemprop
        index.elements = elements = list(root.iter(etree.Element))
        for element in elements:  # a third faster than an XPath for the attributed ones
            hidden = False
            # one items() call per element: a get() for each attribute wanted looked through them all
            for name, value in element.items():
                if name == "class" and value:
                    index.classed.append((element, value))
                    names = set(value.split())
                    hidden = hidden or not HIDDEN_CLASSES.isdisjoint(names)
                    for class_name in names:
                        by_class.setdefault(class_name, []).append(element)
                elif name == "id" and value:
                    by_id.setdefault(value, []).append(element)
                    index.identified.append(element)
                elif name == "itemprop":
                    by_itemprop.setdefault(value, []).append(element)
                elif name == "hidden" or (name == "style" and _HIDDEN_STYLE.search(value)):
                    hidden = True
            if hidden:
                index.hidden.append(element)
        return index

    def order(self) -> dict[etree._Element, int]:
        if self._order is None:
            self._order = {element: position for position, element in enumerate(self.root.iter())}
        return self._order

    def candidates(self, compound: Compound) -> list[etree._Element]:
        """Elements matching a compound, in document order (remembered: the tree does not change under an
        index, and the profiles ask the same compounds many times)."""
        found = self._matching.get(compound)
        if found is None:
            found = self._matching[compound] = self._find(compound)
        return found

    def _find(self, compound: Compound) -> list[etree._Element]:
        if compound.id is not None:
            pool = self.by_id.get(compound.id, [])
        elif compound.itemprop is not None:
            pool = self.by_itemprop.get(compound.itemprop, [])
        elif compound.id_substrings or compound.id_endings:
            pool = self.identified
        elif compound.classes:
            pool = min((self.by_class.get(name, []) for name in compound.classes), key=len)
        elif compound.class_substrings:
            pool = self._with_class_substring(compound.class_substrings[0])
        elif compound.tag is not None:
            if not compound.last_child:
                return list(self.root.iter(compound.tag))
            pool = self.root.iter(compound.tag)
        elif not compound.last_child:
            return list(self.root.iter(etree.Element))  # a bare `*`: elements, not comments
        else:
            pool = self.root.iter(etree.Element)
        return [element for element in pool if compound.matches(element)]

    def _with_class_substring(self, part: str) -> list[etree._Element]:
        """The classed elements whose class attribute contains `part`, in document order: one scan of the
        attributes joined, where testing each element's cost a tenth of a millisecond per selector."""
        if _SEPARATOR in part:
            return [element for element, attribute in self.classed if part in attribute]
        if self._joined is None:
            self._joined = _SEPARATOR.join(attribute for _, attribute in self.classed)
            self._entry_starts = list(accumulate((len(attribute) + 1 for _, attribute in self.classed), initial=0))
        joined, starts, found = self._joined, self._entry_starts, []
        at = joined.find(part)
        while at >= 0:
            entry = bisect_right(starts, at) - 1  # `part` holds no separator: the match lies inside one entry
            found.append(self.classed[entry][0])
            at = joined.find(part, starts[entry + 1])
        return found


def _has_ancestors(element: etree._Element, chain: tuple[Compound, ...], stop: etree._Element | None) -> bool:
    """Whether the compounds of `chain` (outermost first) match ancestors of `element`, in order."""
    wanted = len(chain) - 1
    node: etree._Element | None = element
    while wanted >= 0 and node is not None and node is not stop:  # ancestors above the scope do not count
        node = node.getparent()
        if node is not None and chain[wanted].matches(node):
            wanted -= 1
    return wanted < 0


def _inside(element: etree._Element, scope: etree._Element) -> bool:
    node: etree._Element | None = element
    while node is not None:
        if node is scope:
            return True
        node = node.getparent()
    return False


class _Cache(threading.local):
    index: PageIndex | None = None


_CACHE = _Cache()


def forget() -> None:
    """Drop the index: the tree it describes has changed."""
    _CACHE.index = None


def mark_removed() -> None:
    """Elements left the tree: the index stays, and what it answers is checked to be still in the tree
    (rebuilding it after every removal cost a page a second index)."""
    if _CACHE.index is not None:
        _CACHE.index.removals = True
        _CACHE.index.selected.clear()


def _attached(element: etree._Element, root: etree._Element) -> bool:
    return _inside(element, root)


def hidden_elements(root: etree._Element) -> list[etree._Element]:
    """`[hidden]`, `display: none` and the classes that hide a box, read while indexing the page."""
    return list(_index_for(root).hidden)


def _index_for(root: etree._Element) -> PageIndex:
    index = _CACHE.index
    if index is None or index.root is not root:
        index = _CACHE.index = PageIndex.build(root)
    return index


@lru_cache(maxsize=512)
def compiled(selector: str) -> CSSSelector | None:
    try:
        return CSSSelector(selector, translator="html")
    except Exception:  # a bad override selector from the registry must not stop extraction
        return None


def select(scope: etree._Element, selector: str) -> list[etree._Element]:
    """Elements under `scope` (itself included) matching `selector`, in document order."""
    chains = parse(selector)
    if chains is None:
        fallback = compiled(selector)
        return fallback(scope) if fallback is not None else []
    root = scope.getroottree().getroot()
    index = _index_for(root)
    if scope is not root:
        return _select_indexed(scope, root, index, chains)
    found = index.selected.get(selector)
    if found is None:
        found = index.selected[selector] = _select_indexed(root, root, index, chains)
    return list(found)  # the caller's own list: the remembered one stays as found


def _inside_outer(index: PageIndex, chain: tuple[Compound, ...]) -> list[etree._Element]:
    """The elements matching a descendant chain, read down from the few elements its outermost compound
    matches (".breadcrumb a:last-child"): reading up from every candidate of the last compound walked the
    ancestors of each of a menu page's thousand links. In document order: the subtrees read do not overlap."""
    last, found = chain[-1], []
    top: etree._Element | None = None
    for outer in index.candidates(chain[0]):
        if top is not None and _inside(outer, top):
            continue  # read with the subtree of the outer element holding it
        top = outer
        for element in outer.iter(last.tag or etree.Element):
            if element is outer or not last.matches(element):
                continue
            if len(chain) > 2 and not _has_ancestors(element, chain[:-1], None):
                continue
            found.append(element)
    return found


def _select_indexed(
    scope: etree._Element, root: etree._Element, index: PageIndex, chains: tuple[tuple[Compound, ...], ...]
) -> list[etree._Element]:
    found: list[etree._Element] = []
    for chain in chains:
        if scope is root and len(chain) > 1 and chain[0].selective:
            found += _inside_outer(index, chain)
            continue
        for element in index.candidates(chain[-1]):
            if scope is not root and not _inside(element, scope):
                continue
            if len(chain) > 1 and not _has_ancestors(element, chain[:-1], None if scope is root else scope):
                continue  # like CSSSelector on an element: the whole chain lies inside the scope
            found.append(element)
    if index.removals:
        found = [element for element in found if _attached(element, root)]
    if len(chains) > 1:
        order = index.order()
        found = sorted(set(found), key=order.__getitem__)
    return found
