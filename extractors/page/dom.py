"""lxml helpers: parse, remove invisible parts, select with cached CSS, and turn a fragment into blocks.

Text leaves the DOM by the CSS white-space rules, once, right after parsing (`collapse_whitespace`): a run
of spaces, tabs and newlines inside inline content is one space (CMS bodies are hard-wrapped in the source,
a newline every ~70 characters inside one `<p>`), so line breaks come only from block elements and `<br>`.
`&nbsp;` is a non-collapsible space, normalised to a plain space when a block's text is built; `<pre>` keeps
its lines. Every path reads the collapsed tree: profile selectors, paragraph rows, the trafilatura fallback.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from enum import Enum
from functools import lru_cache

from lxml import etree

from extractors.normalize import nfc, unescape_leftovers
from extractors.page import selectors
from extractors.page.body import Block
from extractors.page.nesting import flatten_nesting

# Never visible text (or form widgets whose labels are menus and polls).
INVISIBLE_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "select",
    "option",
    "input",
    "button",
    "textarea",
    "marquee",
    "svg",
    "canvas",
    "object",
    "embed",
    "link",
    "meta",
    "map",
    "audio",
    "video",
    "source",
    "head",
)
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "aside",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "figure",
        "figcaption",
        "blockquote",
        "center",
        "pre",
        "header",
        "footer",
        "main",
        "nav",
        "form",
        "address",
        "hr",
        "caption",
    ]
)
# Ancestors whose class or id says "not the article": related lists, sidebars, menus, footers.
OUTSIDE_ARTICLE = re.compile(
    r"other|related|lien-?quan|khac|sidebar|side-|-side|right|left|footer|menu|nav|"
    r"breadcrumb|counter|thongke|banner|quangcao|ads|widget|marquee|header-back|"
    r"(?<![\w-])(?:header|site-header|masthead|logo|top-?bar|site-title|site-name)(?![\w-])",
    re.IGNORECASE,
)
_PAGE_HEADER = re.compile(r"(?<![\w-])header(?![\w-])", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# HTML white space (not U+00A0, which is a non-collapsible space).
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f][ \t\n\r\f]*")  # opening on the class, not a repeat: a first-character set
# A run of &nbsp; pushing a byline to the right ("… cuối năm.&nbsp;&nbsp;…&nbsp;Minh Anh"): it sets the
# byline on a line of its own on screen, so it is a line break here.
_LAYOUT_GAP = re.compile(r" ?(?:\xa0 ?){5,}")
PRESERVING_TAGS = ("pre", "textarea", "listing", "plaintext", "xmp")
_DEPTH_ERROR = etree.ErrorTypes.ERR_RESOURCE_LIMIT
FLATTENED_WARNING = "deep-nesting-flattened"


def parse_html(text: str, warnings: list[str] | None = None) -> etree._Element:
    """The document root, its white space collapsed as a browser renders it.

    lxml refuses str input that still carries an XML encoding declaration. libxml2 stops at 256 nested
    elements and drops everything after (a page of 300 nested `<div>`s gave empty text): such a page is
    flattened below that depth and parsed again, and `warnings` records it. Plain lxml elements, not
    lxml.html's: those call a Python class lookup for every element touched (a tenth of page time).
    """
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        text = "<html><body></body></html>"
    root = _parse(text)
    if root is None:
        root = _parse(flatten_nesting(text))
        if warnings is not None:
            warnings.append(FLATTENED_WARNING)
    if root is None:  # flattening could not help: keep what libxml2 read rather than fail the page
        root = etree.fromstring(text, etree.HTMLParser())
    collapse_whitespace(root)
    return root


def _parse(text: str) -> etree._Element | None:
    """The parsed root, or None when libxml2 gave up on the nesting depth. No table of the page's ids is kept
    (nothing here looks an element up by id through libxml2; the table cost a tenth of the parse)."""
    parser = etree.HTMLParser(collect_ids=False)
    root = etree.fromstring(text, parser)
    if any(error.type == _DEPTH_ERROR for error in parser.error_log):
        return None
    return root


def collapse_whitespace(root: etree._Element) -> None:
    """CSS `white-space: normal` on every text node outside `<pre>`: runs of spaces, tabs and newlines become
    one space (a newline inside a paragraph is a space in HTML). `&nbsp;` is not collapsible and stays, but a
    run of five or more is a layout gap and becomes a line break; a text escaped twice ("TT&amp;amp;TT"
    shows "TT&amp;TT") is unescaped once more."""
    preserved: set[etree._Element] = set()
    for block in root.iter(*PRESERVING_TAGS):
        if block not in preserved:
            preserved.update(block.iter())
    for element in root.iter():
        text, tail = element.text, element.tail
        if text and _shown(element) and element not in preserved and (visible := _visible(text)) is not text:
            element.text = visible
        if tail and (not preserved or element.getparent() not in preserved) and (visible := _visible(tail)) is not tail:
            element.tail = visible


_STRIPPED_TAGS = frozenset(INVISIBLE_TAGS)


def _shown(element: etree._Element) -> bool:
    """Whether the element's own text can be seen: that of a script, a style sheet or a comment (a third of a
    portal page's characters) leaves with the element in `strip_invisible`; tails stay and are rendered."""
    return element.tag is not etree.Comment and element.tag not in _STRIPPED_TAGS


def _visible(text: str) -> str:
    """The rendered form of a text node; the same object when rendering changes nothing (most nodes), so
    that the tree is only written where it must be."""
    if "\n" in text or "  " in text or "\t" in text or "\r" in text or "\f" in text:
        text = _COLLAPSIBLE.sub(" ", text)
    if "\xa0" in text:
        text = _LAYOUT_GAP.sub("\n", text)
    return unescape_leftovers(text) if "&" in text else text


def select(root: etree._Element, selector: str) -> list[etree._Element]:
    return selectors.select(root, selector)


def select_all(root: etree._Element, selectors: Iterable[str]) -> Iterator[etree._Element]:
    for selector in selectors:
        yield from select(root, selector)


def remove_all(elements: Iterable[etree._Element]) -> None:
    """Remove elements, each keeping its tail text in place, in one pass over each parent's children.

    Removing them one by one moves every tail onto the same neighbour, a string that grows with each
    removal: quadratic on a page of many empty siblings.
    """
    doomed = set(elements)
    if doomed:
        selectors.mark_removed()
    parents = dict.fromkeys(parent for element in doomed if (parent := element.getparent()) is not None)
    for parent in parents:
        kept: etree._Element | None = None
        tails: list[str] = []
        for child in list(parent):
            if child not in doomed:
                _append_tails(parent, kept, tails)
                kept, tails = child, []
                continue
            if child.tail:
                tails.append(child.tail)
            parent.remove(child)
        _append_tails(parent, kept, tails)


def _append_tails(parent: etree._Element, kept: etree._Element | None, tails: list[str]) -> None:
    if not tails:
        return
    if kept is None:
        parent.text = (parent.text or "") + "".join(tails)
    else:
        kept.tail = (kept.tail or "") + "".join(tails)


EMPTY_KEEPERS = frozenset(["img", "br", "hr", "td", "th", "tr", "iframe", "video", "audio", "source", "input"])


def remove_empty_leaves(root: etree._Element) -> None:
    """Elements with neither text nor children (`<p></p>`, `<span> </span>`): nothing to read in them."""
    remove_all(
        element
        for element in root.iter()
        if len(element) == 0
        and isinstance(element.tag, str)
        and element.tag not in EMPTY_KEEPERS
        and not (element.text or "").strip()
    )


def strip_invisible(root: etree._Element) -> None:
    etree.strip_elements(root, etree.Comment, *INVISIBLE_TAGS, with_tail=False)
    remove_all(selectors.hidden_elements(root))  # found while indexing classes: one pass


def text_of(element: etree._Element) -> str:
    """Visible text, whitespace collapsed, NFC (entities can spell decomposed tone marks)."""
    return nfc(" ".join("".join(element.itertext()).split()))


def text_within(element: etree._Element, limit: int) -> str | None:
    """`text_of(element)` when it is at most `limit` characters long, else None; reads no further than it
    must, so that asking it of every ancestor of many elements stays linear in the page."""
    pieces: list[str] = []
    size = 0
    for piece in element.itertext():
        size += len(piece)
        if size > 2 * limit + 100:  # parsing collapsed white space: the visible text is long too
            return None
        pieces.append(piece)
    text = nfc(" ".join("".join(pieces).split()))
    return text if len(text) <= limit else None


def outside_article(element: etree._Element, stop: etree._Element | None = None) -> bool:
    """True when an ancestor is a list item or a box whose class/id names a sidebar or related list."""
    node = element
    while node is not None and node is not stop:
        if node.tag in ("li", "footer", "nav", "aside"):
            return True
        box = _box_named(f"{node.get('class', '')} {node.get('id', '')}")
        if box is _Box.SIDE or (box is _Box.HEADER and not _in_article(node)):
            return True
        node = node.getparent()
    return False


class _Box(Enum):
    """What a box's class and id say of it."""

    ARTICLE = "article"  # nothing against it
    SIDE = "side"  # a sidebar, menu, related list, footer …
    HEADER = "header"  # only "header": the page's masthead, or the article's own header inside an <article>


@lru_cache(maxsize=4096)  # the same few class strings recur on every ancestor of every element asked about
def _box_named(marker: str) -> _Box:
    if not marker.strip():
        return _Box.ARTICLE
    found = OUTSIDE_ARTICLE.search(marker)
    if found is None:
        return _Box.ARTICLE
    if _PAGE_HEADER.fullmatch(found.group()) and not OUTSIDE_ARTICLE.search(_PAGE_HEADER.sub(" ", marker)):
        return _Box.HEADER
    return _Box.SIDE


def _in_article(node: etree._Element) -> bool:
    """A "header" box inside an `<article>` (or a schema.org Article) is the article's own header, holding its
    headline and date, not the page's masthead."""
    return any(
        ancestor.tag == "article" or "Article" in (ancestor.get("itemtype") or "") for ancestor in node.iterancestors()
    )


class RenderedLines:
    """The rendered line an inline element sits on: its block's inline content between block children and
    `<br>`s ("<div><a>Title</a> <span>date</span><p>summary</p></div>": the link's line is "Title date").

    Each block is split once and remembered, so asking for every link of a page stays linear.
    """

    def __init__(self) -> None:
        self._line_of: dict[etree._Element, str] = {}
        self._split: set[etree._Element] = set()

    def line_of(self, element: etree._Element) -> str:
        node, parent = element, element.getparent()
        while parent is not None and parent.tag not in BLOCK_TAGS:
            node, parent = parent, parent.getparent()
        if parent is None:
            return text_of(element)
        if parent not in self._split:
            self._split.add(parent)
            self._split_block(parent)
        return self._line_of.get(node, "")

    def _split_block(self, block: etree._Element) -> None:
        pieces: list[str] = [block.text or ""]
        members: list[etree._Element] = []
        for child in block:
            if child.tag in BLOCK_TAGS or child.tag == "br":
                self._close(pieces, members)
                pieces, members = [child.tail or ""], []
                continue
            members.append(child)
            if isinstance(child.tag, str):
                pieces.append("".join(child.itertext()))
            pieces.append(child.tail or "")
        self._close(pieces, members)

    def _close(self, pieces: list[str], members: list[etree._Element]) -> None:
        line = nfc(" ".join("".join(pieces).split()))
        for member in members:
            self._line_of[member] = line


class _Collector:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.tag = "p"

    def add(self, text: str | None, in_link: bool) -> None:
        if text:
            self.parts.append(text)
            if in_link:
                self.link_chars += len(text) - text.count(" ")

    def flush(self, next_tag: str) -> None:
        if self.parts:  # most block edges close nothing: a wrapper's edge right after its child's
            self._emit()
            self.parts, self.link_chars = [], 0
        self.tag = next_tag

    def _emit(self) -> None:
        text = "".join(self.parts).replace("\xa0", " ").replace("\r", "")
        if "\n" in text:
            lines = [" ".join(line.split()) for line in text.split("\n")]
            text = "\n".join(line for line in lines if line)
        else:
            text = " ".join(text.split())
        text = nfc(text)
        if text:
            visible = max(len(text) - text.count(" ") - text.count("\n"), 1)
            self.blocks.append(Block(text=text, link_ratio=min(self.link_chars / visible, 1.0), tag=self.tag))


def _enter(element: etree._Element, out: _Collector, linked: bool) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in BLOCK_TAGS:
        out.flush(tag)
    elif tag == "br":
        out.parts.append("\n")
    elif tag in ("td", "th") and out.parts:
        out.parts.append(" | ")
    out.add(element.text, linked)


def _leave(element: etree._Element, out: _Collector, in_link: bool) -> None:
    if element.tag in BLOCK_TAGS:
        out.flush("p")
    out.add(element.tail, in_link)


def blocks_of(element: etree._Element) -> list[Block]:
    """The visible paragraphs of a fragment, each with the share of its letters inside links.

    Walked with an explicit stack, not recursion: nesting depth is the page's to choose.
    """
    out = _Collector()
    top_linked = element.tag == "a"
    out.add(element.text, top_linked)
    # (element, whether its parent is inside a link, leaving)
    stack: list[tuple[etree._Element, bool, bool]] = [(child, top_linked, False) for child in reversed(element)]
    while stack:
        node, in_link, leaving = stack.pop()
        if leaving:
            _leave(node, out, in_link)
            continue
        linked = in_link or node.tag == "a"
        _enter(node, out, linked)
        stack.append((node, in_link, True))
        stack.extend((child, linked, False) for child in reversed(node))
    out.flush("p")
    return out.blocks
