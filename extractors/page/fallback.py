"""Unknown templates: Vietnamese widgets pruned by meaning, then trafilatura on what is left."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import trafilatura
from lxml import etree

from extractors.page import dom
from extractors.page.body import Block
from extractors.page.vocab import LineKind, classify_line, is_sentence_prose, word_count

# Class/id fragments of portal widgets; trafilatura's own rules matched a page-wide id="content" and kept them.
WIDGET_NAMES = (
    "counter",
    "thongke",
    "thong-ke",
    "visit",
    "online",
    "quangcao",
    "quang-cao",
    "banner",
    "advert",
    "ads_",
    "lienket",
    "lien-ket",
    "weblink",
    "poll",
    "binhchon",
    "vote",
    "gallery",
    "thuvien",
    "thu-vien",
    "other",
    "related",
    "lienquan",
    "lien-quan",
    "tinkhac",
    "tin-khac",
    "sidebar",
    "menu",
    "footer",
    "breadcrumb",
    "share",
    "social",
    "print",
    "tools",
    "marquee",
    "lichcongtac",
    "vanban",
    "van-ban",
    "new-docs",
    "hot-news",
)
# Print views wrap the whole article in "print-*" boxes ("print-wrapper", "print-article"): only a short
# "print" box is the "In bài" tool.
WRAPPING_WIDGET_NAMES = frozenset({"print"})
SHORT_WIDGET_CHARS = 300


def _prune_xpath(name: str) -> str:
    named = f"(contains(@class,'{name}') or contains(@id,'{name}'))"
    if name in WRAPPING_WIDGET_NAMES:
        return f"//*[{named} and string-length(normalize-space(.)) < {SHORT_WIDGET_CHARS}]"
    return f"//*[{named}]"


PRUNE_XPATH = [_prune_xpath(name) for name in WIDGET_NAMES]
MAX_BOX_CHARS = 4000
MAX_BOX_LEVELS = 3
TEASER_WORDS = 5
MIN_TEASERS = 2  # title links standing alone in the main column: a listing page
_IMAGE_MARKDOWN = re.compile(r"!\[[^\]]*\]\([^)]*\)")


def _widget_box(heading: etree._Element) -> etree._Element | None:
    """The smallest ancestor of a widget heading that holds more than the heading: the widget's box."""
    node = heading.getparent()
    own = len(dom.text_of(heading))
    for _ in range(MAX_BOX_LEVELS):
        if node is None or node.tag in ("body", "html"):
            return None
        size = len(dom.text_of(node))
        if size > MAX_BOX_CHARS or any(is_sentence_prose(piece, 25) for piece in node.itertext()):
            return None  # climbed into the article itself
        if size > own + 20:
            return node
        node = node.getparent()
    return None


def prune_widgets_by_meaning(root: etree._Element) -> None:
    """Remove boxes headed "Các tin khác", "Thống kê truy cập", "Văn bản mới", ... whatever their classes."""
    headings = [
        element
        for element in root.iter("h2", "h3", "h4", "h5", "h6", "div", "span", "p", "strong", "b", "td", "a")
        if element.text
        and word_count(element.text) <= 8
        and len(element) <= 1
        and classify_line(dom.text_of(element)) is LineKind.SECTION_END
    ]
    for heading in headings:
        box = _widget_box(heading)
        if box is not None and box.getparent() is not None:
            dom.remove(box)


def anchor_texts(root: etree._Element) -> set[str]:
    """Texts of links long enough to be article titles: a listing page's paragraphs are these."""
    texts = set()
    for anchor in root.iter("a"):
        text = dom.text_of(anchor)
        if word_count(text) >= 4:
            texts.add(text)
    return texts


def count_teasers(root: etree._Element) -> int:
    """Links that stand alone as an article title in the main column: a listing's items."""
    count = 0
    for anchor in root.iter("a"):
        text = dom.text_of(anchor)
        if word_count(text) < TEASER_WORDS or dom.outside_article(anchor):
            continue
        block = anchor.getparent()
        while block is not None and block.tag not in dom.BLOCK_TAGS:
            block = block.getparent()
        if block is None or len(text) >= 0.6 * len(dom.text_of(block)):
            count += 1
    return count


@dataclass
class Fallback:
    blocks: list[Block] = field(default_factory=list)
    teasers: int = 0


def fallback_blocks(root: etree._Element) -> Fallback:
    """Blocks of the text trafilatura finds once widgets are gone; link ratio 1 for listing items."""
    links = anchor_texts(root)
    prune_widgets_by_meaning(root)
    teasers = count_teasers(root)
    if teasers >= MIN_TEASERS:
        return Fallback(teasers=teasers)  # a listing: no body to look for, and trafilatura is the slow part
    for caption in root.iter("figcaption"):
        caption.tag = "p"  # trafilatura drops figcaption text; captions belong to the body
    text = trafilatura.extract(
        root,
        include_images=True,
        include_tables=True,
        include_comments=False,
        include_links=False,
        deduplicate=False,
        prune_xpath=PRUNE_XPATH,
    )
    blocks = [
        Block(text=line, link_ratio=1.0 if line.strip(" -•") in links else 0.0)
        for line in (text or "").split("\n")
        if line.strip() and not _IMAGE_MARKDOWN.fullmatch(line.strip())
    ]
    return Fallback(blocks=blocks, teasers=teasers)
