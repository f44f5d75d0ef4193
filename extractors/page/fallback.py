"""Unknown templates: Vietnamese widgets pruned by meaning, then trafilatura on what is left."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import trafilatura
from lxml import etree, html

from extractors.normalize import nfc
from extractors.page import dom, selectors
from extractors.page.body import Block
from extractors.page.byline import looks_like_name
from extractors.page.rows import table_rows
from extractors.page.vocab import LineKind, card_person, classify_line, is_card_label, is_sentence_prose, word_count

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
        text = dom.text_within(node, MAX_BOX_CHARS)
        if text is None or any(is_sentence_prose(piece, 25) for piece in node.itertext()):
            return None  # climbed into the article itself
        if len(text) > own + 20:
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
    boxes = [box for heading in headings if (box := _widget_box(heading)) is not None]
    dom.remove_all(boxes)


def anchor_texts(root: etree._Element) -> set[str]:
    """Texts of links long enough to be article titles: a listing page's paragraphs are these."""
    texts = set()
    for anchor in root.iter("a"):
        text = dom.text_of(anchor)
        if word_count(text) >= 4:
            texts.add(text)
    return texts


MIN_LINK_PREFIX_WORDS = 4  # the shortest title link a line may open with


@dataclass
class LinkTexts:
    """A page's title link texts (`anchor_texts`, white space collapsed), and the first words of each: a line
    whose first words open no link opens with none, so `link_share` joins one prefix of it instead of up to 37
    (some 40 ms on a 1 MB page)."""

    texts: set[str]
    openings: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.openings = {" ".join(text.split()[:MIN_LINK_PREFIX_WORDS]) for text in self.texts}


def count_teasers(root: etree._Element) -> int:
    """Links that stand alone as an article title in the main column: a listing's items."""
    count = 0
    lines = dom.RenderedLines()
    for anchor in root.iter("a"):
        text = dom.text_of(anchor)
        if word_count(text) < TEASER_WORDS or dom.outside_article(anchor):
            continue
        if len(text) >= 0.6 * len(lines.line_of(anchor)):
            count += 1
    return count


@dataclass
class Fallback:
    blocks: list[Block] = field(default_factory=list)
    teasers: int = 0


def fallback_blocks(root: etree._Element) -> Fallback:
    """Blocks of the text trafilatura finds once widgets are gone; link ratio 1 for listing items."""
    links = LinkTexts(anchor_texts(root))
    prune_widgets_by_meaning(root)
    teasers = count_teasers(root)
    if teasers >= MIN_TEASERS:
        return Fallback(teasers=teasers)  # a listing: no body to look for, and trafilatura is the slow part
    for caption in root.iter("figcaption"):
        caption.tag = "p"  # trafilatura drops figcaption text; captions belong to the body
    unwrap_layout_tables(root)
    dom.remove_empty_leaves(root)  # trafilatura removes them one by one: quadratic on many empty siblings
    mark_block_edges(root)
    selectors.forget()  # tags renamed above
    text = trafilatura.extract(
        html.fromstring(etree.tostring(root, encoding="unicode")),  # trafilatura reads lxml.html trees only
        include_images=True,
        include_tables=True,
        include_comments=False,
        include_links=False,
        deduplicate=False,
        prune_xpath=PRUNE_XPATH,
    )
    lines = [line for line in (text or "").split("\n") if line.strip() and not _IMAGE_MARKDOWN.fullmatch(line.strip())]
    lines = with_prose_divs(root, lines)
    blocks = [Block(text=line, link_ratio=link_share(line, links)) for line in lines]
    return Fallback(blocks=blocks, teasers=teasers)


PROSE_DIV_WORDS = 12  # a sentence this long in a div of its own is a paragraph, not a widget's label
MAX_DIV_GAP_CHARS = 200  # text between a restored div and the extracted paragraph it stands next to
_KEY_CHARS = 60  # a line is found in the page by its opening
_MIN_KEY_CHARS = 20  # shorter lines ("Ảnh: A") could be found anywhere


def _leaf_prose_divs(root: etree._Element) -> list[str]:
    texts = []
    for div in root.iter("div"):
        if any(child.tag in dom.BLOCK_TAGS for child in div.iterdescendants()):
            continue
        text = dom.text_within(div, MAX_BOX_CHARS)
        if text and (is_sentence_prose(text, PROSE_DIV_WORDS) or _card_line(text)):
            texts.append(text)
    return texts


def _card_line(text: str) -> bool:
    """A leader's card line in a div or a layout cell of its own ("- Chánh Thanh tra:", "Ông: Lê Văn A")."""
    name = card_person(text)
    return (name is not None and looks_like_name(name)) or is_card_label(text)


def with_prose_divs(root: etree._Element, lines: list[str]) -> list[str]:
    """The extracted lines with the prose that trafilatura dropped from divs standing next to them.

    Templates write the lead in a bold div of its own ("Sáng 16/11 huyện A tổ chức … Dự có các đồng chí …")
    and trafilatura reads a div's bare text as layout: the sentence naming the people present was lost. A div
    holding a sentence of prose and no block of its own is put back where it stands in the page, when an
    extracted paragraph follows it closely (a lead, or a paragraph between two; a sidebar's teaser, after the
    article or apart from it, stays out).
    """
    divs = _leaf_prose_divs(root)
    flat = [nfc(" ".join(line.split())) for line in lines] if divs else []  # each line read once, not once a div
    divs = [text for text in divs if not any(text in line for line in flat)]
    if not divs or not lines:
        return lines
    page = dom.text_of(root)
    placed: list[tuple[int, str]] = []  # (start, line) of the lines found in the page's text
    for line, flat_line in zip(lines, flat, strict=True):
        key = flat_line[:_KEY_CHARS]
        start = page.find(key) if len(key) >= _MIN_KEY_CHARS else -1
        if start >= 0:
            placed.append((start, line))
    inserted: dict[str, list[str]] = {}  # line -> the divs to put before it
    for text in divs:
        start = page.find(text)
        if start < 0:
            continue
        end = start + len(text)
        following = min(((s, line) for s, line in placed if s >= end), default=None)
        if following is not None and following[0] - end <= MAX_DIV_GAP_CHARS:
            inserted.setdefault(following[1], []).append(text)
    if not inserted:
        return lines
    result: list[str] = []
    for line in lines:
        result += inserted.pop(line, [])
        result.append(line)
    return result


LAYOUT_CELL_CHARS = 400  # a cell holding this much text is a page column, not a datum


def _is_layout_table(table: etree._Element) -> bool:
    """One filled cell per row (a print view, a framed article), or a cell as long as a page column."""
    rows = table_rows(table)
    cells = [[cell for cell in row if cell.tag in ("td", "th")] for row in rows]
    if any(dom.text_within(cell, LAYOUT_CELL_CHARS) is None for row in cells for cell in row):
        return True
    return bool(rows) and all(sum(1 for cell in row if dom.text_within(cell, 0) != "") <= 1 for row in cells)


def unwrap_layout_tables(root: etree._Element) -> None:
    """Tables that lay out a page become plain boxes: trafilatura reads a table as data and ran an
    article's paragraphs in one cell into one "| ... |" row."""
    for table in list(root.iter("table")):
        if not _is_layout_table(table):
            continue
        for row in table_rows(table):
            for cell in row:
                cell.tag = "div"
            row.tag = "div"
        for section in table:
            if section.tag in ("tbody", "thead", "tfoot"):
                section.tag = "div"
        table.tag = "div"


def mark_block_edges(root: etree._Element) -> None:
    """A line break before and after every block element, where a browser breaks the line.

    White space is collapsed at parsing, and trafilatura runs a block's inline text together with its
    block children ("<div><a>Title</a> <span>date</span> <p>summary</p></div>" came out as one line): it
    keeps newlines, so the block edges are written out for it.
    """
    for element in root.iter(*dom.BLOCK_TAGS):
        previous, parent = element.getprevious(), element.getparent()
        if previous is not None:
            previous.tail = (previous.tail or "") + "\n"
        elif parent is not None:
            parent.text = (parent.text or "") + "\n"
        element.tail = "\n" + (element.tail or "")


MAX_LINK_WORDS = 40


def link_share(line: str, links: LinkTexts) -> float:
    """Share of a line that is a title link it opens with ("<title> Đăng ngày 03/06/2025": a listing item)."""
    text = line.strip(" -•")
    if text in links.texts:
        return 1.0
    words = text.split()
    if " ".join(words[:MIN_LINK_PREFIX_WORDS]) not in links.openings:
        return 0.0  # a prefix equal to a link opens with that link's first words
    for size in range(min(len(words) - 1, MAX_LINK_WORDS), MIN_LINK_PREFIX_WORDS - 1, -1):
        prefix = " ".join(words[:size])
        if prefix in links.texts:
            return len(prefix) / len(text)
    return 0.0
