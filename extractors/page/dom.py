"""lxml helpers: parse, remove invisible parts, select with cached CSS, and turn a fragment into blocks."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from lxml import etree, html
from lxml.cssselect import CSSSelector

from extractors.normalize import nfc
from extractors.page.body import Block

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
HIDDEN_SELECTOR = '[style*="display:none"], [style*="display: none"], [hidden], .ms-hidden, .hidden, .sr-only'
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
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def parse_html(text: str) -> html.HtmlElement:
    """The document root; lxml refuses str input that still carries an XML encoding declaration."""
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        text = "<html><body></body></html>"
    return html.document_fromstring(text)


@lru_cache(maxsize=512)
def css(selector: str) -> CSSSelector | None:
    try:
        return CSSSelector(selector, translator="html")
    except Exception:  # a bad override selector from the registry must not stop extraction
        return None


def select(root: etree._Element, selector: str) -> list[etree._Element]:
    compiled = css(selector)
    return compiled(root) if compiled is not None else []


def select_all(root: etree._Element, selectors: Iterable[str]) -> Iterator[etree._Element]:
    for selector in selectors:
        yield from select(root, selector)


def remove(element: etree._Element) -> None:
    """Remove an element but keep its tail text in place."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def strip_invisible(root: etree._Element) -> None:
    etree.strip_elements(root, etree.Comment, *INVISIBLE_TAGS, with_tail=False)
    for element in select(root, HIDDEN_SELECTOR):
        remove(element)


def text_of(element: etree._Element) -> str:
    """Visible text, whitespace collapsed, NFC (entities can spell decomposed tone marks)."""
    return nfc(" ".join("".join(element.itertext()).split()))


def outside_article(element: etree._Element, stop: etree._Element | None = None) -> bool:
    """True when an ancestor is a list item or a box whose class/id names a sidebar or related list."""
    node = element
    while node is not None and node is not stop:
        if node.tag in ("li", "footer", "nav", "aside"):
            return True
        marker = f"{node.get('class', '')} {node.get('id', '')}"
        if marker.strip() and OUTSIDE_ARTICLE.search(marker):
            return True
        node = node.getparent()
    return False


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
        text = "".join(self.parts).replace("\xa0", " ").replace("\r", "")
        lines = [" ".join(line.split()) for line in text.split("\n")]
        text = nfc("\n".join(line for line in lines if line))
        if text:
            visible = max(len(text) - text.count(" ") - text.count("\n"), 1)
            self.blocks.append(Block(text=text, link_ratio=min(self.link_chars / visible, 1.0), tag=self.tag))
        self.parts, self.link_chars, self.tag = [], 0, next_tag


def _walk(element: etree._Element, out: _Collector, in_link: bool) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    is_block = tag in BLOCK_TAGS
    if is_block:
        out.flush(tag)
    elif tag == "br":
        out.parts.append("\n")
    elif tag in ("td", "th") and out.parts:
        out.parts.append(" | ")
    linked = in_link or tag == "a"
    out.add(element.text, linked)
    for child in element:
        _walk(child, out, linked)
    if is_block:
        out.flush("p")
    out.add(element.tail, in_link)


def blocks_of(element: etree._Element) -> list[Block]:
    """The visible paragraphs of a fragment, each with the share of its letters inside links."""
    out = _Collector()
    out.add(element.text, element.tag == "a")
    for child in element:
        _walk(child, out, element.tag == "a")
    out.flush("p")
    return out.blocks
