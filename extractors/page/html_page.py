"""Whole HTML pages to `PageContent`: CMS profile first, trafilatura for unknown templates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from extractors.normalize import nfc
from extractors.options import ExtractionOptions, SelectorOverrides
from extractors.page import dom
from extractors.page.body import Block, BodyParts, select_body
from extractors.page.byline import parse_byline, parse_unit_byline
from extractors.page.companions import body_parts
from extractors.page.dates import FoundDate, has_date_label, has_weekday, labelled_date, parse_date
from extractors.page.encoding import DecodedText, decode_html_bytes, repair_text
from extractors.page.fallback import Fallback, fallback_blocks
from extractors.page.kind import LISTING_REPEATS, PageSignals, attachment_links, classify_page
from extractors.page.limits import cap_page
from extractors.page.profiles import CmsProfile, detect_family, profile_for
from extractors.page.repeats import visible
from extractors.page.rows import find_row_article, widen_to_rows
from extractors.page.staff_cells import separate_cell_lines
from extractors.page.text_page import content_from_parts, nfc_or_none
from extractors.page.urls import canonical_url
from extractors.page.vocab import LineKind, classify_line, fold, is_datestamp, is_print_stamp, word_count
from extractors.types import PageContent

MIN_CONTAINER_CHARS = 150
FITC_START, FITC_END = "FitcBatDauDocTin", "FitcKetThucDocTin"
MIN_SPECIFIC_CHARS = 40
MAX_SIBLINGS = 6
ROWS_OVER_CONTAINER = 2  # paragraph rows win over a generic container holding less than half their text
MAX_STAMP_ABOVE = 2  # a date row right above the headline; a top bar's "today" sits further up
MIN_CAPTION_WORDS = 6  # a caption sentence; shorter lines in a figure caption are credits ("Ảnh: Hòa Triều")
# A caption line the theme marks as the picture's credit ('<p class="credit">Nguồn: Thông tấn xã Việt Nam</p>',
# the reporters' names): not a caption sentence, however long.
_CREDIT_CLASS = re.compile(r"(?<![a-z])(?:credit|photo-?by|tac-?gia)(?![a-z])", re.IGNORECASE)
HEADINGS = ("h1", "h2", "h3", "[class*='title']", "[class*='Title']")
_PORTAL_NAME = re.compile(r"(?:cong thong tin|trang thong tin|trang tin dien tu|website)\b")
_OFFICE_NAME = re.compile(r"(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|dang uy|huyen uy|thanh uy|tinh uy)\b")
_SITE_NAME_PART = re.compile(r"cổng|trang thông tin|website|portal|\.gov\.vn|\.vn$", re.IGNORECASE)


@dataclass
class PageHead:
    """What the document head declares, read before the head is stripped."""

    title: str | None = None
    og_title: str | None = None
    canonical: list[str | None] = field(default_factory=list)
    published: str | None = None


@dataclass
class Picked:
    """An element chosen by a selector (None when the value came from the head) and its text."""

    element: etree._Element | None = None
    text: str | None = None


@dataclass
class Selectors:
    container: tuple[str, ...]
    title: tuple[str, ...]
    date: tuple[str, ...]
    author: tuple[str, ...]
    lead: tuple[str, ...]
    category: tuple[str, ...]
    drop: tuple[str, ...]
    specific_containers: int = 0  # how many leading container selectors are the portal's or family's own
    title_override: str | None = None  # the portal's own headline selector wins outright


# Where the head's values live (a page may put them anywhere: the whole tree is read, once, for these tags).
_HEAD_TAGS = ("title", "meta", "link", "time")
_PUBLISHED_META = (
    ("property", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "pubdate"),
    ("name", "date"),
)


def read_head(root: etree._Element) -> PageHead:
    """The first of each value in document order, in one pass (an XPath per value walked the page five times)."""
    first: dict[str, str] = {}
    for element in root.iter(*_HEAD_TAGS):
        for name, value in _head_values(element):
            first.setdefault(name, value.strip())
    title = first.get("title")
    return PageHead(
        title=" ".join(title.split()) if title else None,
        og_title=first.get("og_title"),
        canonical=[first.get("canonical"), first.get("og_url")],
        published=first.get("published"),
    )


def _head_values(element: etree._Element) -> Iterator[tuple[str, str]]:
    """What one <title>, <meta>, <link> or <time> says: its first text, og:title, og:url, the canonical
    address, a publication time."""
    get = element.get
    if element.tag == "title":
        texts = [element.text, *(child.tail for child in element)]
        text = next((text for text in texts if text is not None), None)
        if text is not None:
            yield "title", text
    elif element.tag == "link":
        if get("rel") == "canonical" and get("href") is not None:
            yield "canonical", get("href")
    elif element.tag == "time":
        if get("datetime") is not None:
            yield "published", get("datetime")
    elif get("content") is not None:
        if get("property") == "og:title":
            yield "og_title", get("content")
        if get("property") == "og:url":
            yield "og_url", get("content")
        if any(get(attribute) == value for attribute, value in _PUBLISHED_META):
            yield "published", get("content")


def merged_selectors(profile: CmsProfile, overrides: SelectorOverrides) -> Selectors:
    """Registry overrides first, then the family's selectors, then the generic ones."""
    generic = profile_for(None)

    def chain(override: str | None, own: tuple[str, ...], common: tuple[str, ...]) -> tuple[str, ...]:
        extra = common if profile is not generic else ()
        return ((override,) if override else ()) + own + extra

    return Selectors(
        container=chain(overrides.article, profile.container, generic.container),
        title=chain(overrides.title, profile.title, generic.title),
        date=chain(overrides.date, profile.date, generic.date),
        author=chain(overrides.author, profile.author, generic.author),
        lead=profile.lead + (generic.lead if profile is not generic else ()),
        category=profile.category + generic.category,
        drop=tuple(overrides.drop) + profile.drop,
        title_override=overrides.title,
        specific_containers=(1 if overrides.article else 0) + (len(profile.container) if profile is not generic else 0),
    )


def mark_reading_region(html: str) -> str:
    """FITC portals bracket the readable article with comments; make the bracket an element to select."""
    if FITC_START not in html or FITC_END not in html:
        return html
    html = re.sub(r"<!--\s*" + FITC_START + r"\s*-->", '<div class="fitc-doctin">', html, count=1)
    return re.sub(r"<!--\s*" + FITC_END + r"\s*-->", "</div>", html, count=1)


def decode(page: str | bytes, http_encoding: str | None) -> DecodedText:
    if isinstance(page, bytes):
        return decode_html_bytes(page, http_encoding)
    return repair_text(page, "str")


@dataclass
class Container:
    """The article container; `specific` when a portal override or the family's own profile found it."""

    element: etree._Element | None = None
    siblings: int = 0  # elements its selector matched: 3+ means a listing's items
    specific: bool = False
    parts: list[etree._Element] = field(default_factory=list)  # the body's halves when a box splits it

    @property
    def elements(self) -> list[etree._Element]:
        return self.parts or ([self.element] if self.element is not None else [])


def find_container(root: etree._Element, selectors: Selectors) -> Container:
    for rank, selector in enumerate(selectors.container):
        specific = rank < selectors.specific_containers
        min_chars = MIN_SPECIFIC_CHARS if specific else MIN_CONTAINER_CHARS
        matches = dom.select(root, selector)
        for element in matches:
            if len(dom.text_of(element)) >= min_chars and not dom.outside_article(element):
                # a selector matching a listing's items is no split body: keep to the first item
                halves = body_parts(element, matches) if len(matches) < LISTING_REPEATS else [element]
                return Container(element, len(matches), specific, halves)
    return Container()


# A menu whose items the page printed without spaces ("Trang chủThủ tục hành chínhTin tức"): a lower-case
# letter glued to a capital starts a new item; a name may hold one ("VnExpress"), a headline not three.
_GLUED_ITEM = re.compile(r"[^\W\d_A-ZÀ-ỸĐ](?=[A-ZÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ])")
MAX_GLUED_ITEMS = 2
_HOME_ITEM = re.compile(r"^(?:logo\s*)?trang chủ", re.IGNORECASE)  # a menu or breadcrumb starts at "Home"
# A date the page prints after a headline ("… ông Phạm Văn B. (21/03)"): a list item's stamp, but on the
# profile's own headline element it is part of the headline as shown.
_TRAILING_STAMP = re.compile(r"\s*\(\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\)$")


def _is_menu(text: str) -> bool:
    return len(_GLUED_ITEM.findall(text)) > MAX_GLUED_ITEMS or bool(_HOME_ITEM.match(nfc(text)))


def _is_headline(text: str) -> bool:
    return 3 <= word_count(text) <= 60 and classify_line(text) is LineKind.PROSE and not _is_menu(text)


def _is_stamped_headline(text: str) -> bool:
    stamp = _TRAILING_STAMP.search(text)
    return stamp is not None and _is_headline(text[: stamp.start()])


def _looks_like_site_name(text: str) -> bool:
    """ "Cổng thông tin điện tử huyện X", or a short upper-case "UBND XÃ X" banner heading."""
    folded = fold(text)
    if _PORTAL_NAME.match(folded):
        return True
    return text.isupper() and word_count(text) <= 8 and bool(_OFFICE_NAME.match(folded))


def _agrees(text: str, head: PageHead) -> bool:
    """The head's <title>/og:title contains this headline (and it is not the site's name)."""
    if _looks_like_site_name(text):
        return False
    probe = fold(text)[:40]
    return any(probe in fold(candidate) for candidate in (head.og_title, head.title) if candidate)


def _short_headline_named_by_head(text: str, head: PageHead) -> bool:
    """A headline of one or two words ("Huyện ủy", "Lãnh đạo UBND" of an organisation page) counts when the
    <title>/og:title is that very text, or that text beside the site's name."""
    if not text or word_count(text) >= 3 or _looks_like_site_name(text):
        return False
    folded = fold(text)
    return any(folded in _head_parts(candidate) for candidate in (head.og_title, head.title) if candidate)


def _head_parts(candidate: str) -> set[str]:
    return {fold(p.strip()) for p in re.split(r"\s+[|–—-]\s+|\s+::\s+", candidate) if p.strip()}


def _head_title(head: PageHead) -> str | None:
    for candidate in (head.og_title, head.title):
        if candidate:
            parts = [p.strip() for p in re.split(r"\s+[|–—-]\s+|\s+::\s+", candidate) if p.strip()]
            kept = [p for p in parts if not _SITE_NAME_PART.search(p)] or parts[:1]
            text = " - ".join(kept)
            if _is_headline(text):
                return text
    return None


def _outside_article_above(element: etree._Element) -> bool:
    """A headline sits in a sidebar or menu when an ancestor says so; its own class names what it allows
    (Lạc Việt's `<p class="Title allowMenuPost">`: a post's context menu), not where it stands."""
    parent = element.getparent()
    return element.tag == "li" or (parent is not None and dom.outside_article(parent))


MAX_STAMP_DEPTH = 4  # headline cell > link > stamp span, with a wrapper or two to spare
MAX_STAMP_WORDS = 8  # "thứ năm, 25 04 2019 14:04", "(09.07.2019 16:56)": a post stamp, not a sentence


def _last_inner_element(element: etree._Element, text: str) -> etree._Element | None:
    """The element a headline's markup ends with, below any wrapper holding the whole text (its link):
    read down the last children, a few levels, not over the whole subtree."""
    node = element
    for _ in range(MAX_STAMP_DEPTH):
        children = [child for child in node if isinstance(child.tag, str)]
        if not children:
            return None
        node = children[-1]
        if dom.text_of(node) != text:
            return node
    return None


def _inner_stamp(element: etree._Element, text: str) -> str | None:
    """The date stamp a headline element prints in its own last child (Lạc Việt's `<span class="ShowDate">`
    inside the headline's link): a short element ending the text that reads as a date, with its time,
    weekday or brackets. A date typed into the headline's own text is not in a child and stays."""
    last = _last_inner_element(element, text)
    stamp = dom.text_of(last) if last is not None else ""
    if not stamp or stamp == text or not text.endswith(stamp) or word_count(stamp) > MAX_STAMP_WORDS:
        return None
    found = parse_date(stamp)
    if found is None or not (found.at or has_weekday(stamp) or stamp.startswith("(")):
        return None
    return stamp


def headline_text(element: etree._Element) -> str:
    """A headline element's text without the post stamp it carries inside ("… Tây Nguyên thứ năm, 25 04 2019
    14:04" reads "… Tây Nguyên"); the stamp still dates the page as the date element."""
    return _Heading(element).text


class _Heading:
    """A headline candidate, each fact read once and only when asked: its text, the post stamp inside it,
    whether it stands outside the article (the listed-rows check and the choice of the headline ask these of
    the same elements)."""

    def __init__(self, element: etree._Element) -> None:
        self.element = element

    @cached_property
    def whole(self) -> str:
        return dom.text_of(self.element)

    @cached_property
    def stamp(self) -> str | None:
        return _inner_stamp(self.element, self.whole)

    @cached_property
    def text(self) -> str:
        return self.whole[: -len(self.stamp)].rstrip() if self.stamp else self.whole

    @cached_property
    def outside(self) -> bool:
        return _outside_article_above(self.element)


def _class_key(element: etree._Element) -> tuple[str, str] | None:
    classes = element.get("class")
    return (str(element.tag), " ".join(classes.split())) if classes and classes.strip() else None


def _repeated_classes(candidates: list[_Heading]) -> set[tuple[str, str]]:
    """Stamped headline elements a page prints more than once with the same tag and classes (Lạc Việt's
    `<td class="TitleFront">` rows of a folder listing, each with its `ShowDate`): each is a listed item's
    headline, not the page's. An article's own headline carries no stamp inside and is never counted."""
    seen: set[tuple[str, str]] = set()
    repeated: set[tuple[str, str]] = set()
    for heading in candidates:
        key = _class_key(heading.element)
        if key is None or heading.outside or heading.stamp is None:
            continue
        (repeated if key in seen else seen).add(key)
    return repeated


def _headings(root: etree._Element, selectors: Selectors) -> list[_Heading]:
    """The elements the title selectors and the headings match, in selector order, each once (an element two
    selectors match is one element: the first match decides for it)."""
    elements = dict.fromkeys(dom.select_all(root, selectors.title + HEADINGS))
    return [_Heading(element) for element in elements]


def find_title(root: etree._Element, selectors: Selectors, head: PageHead) -> Picked:
    """The profile's headline element, preferring one the <title> tag agrees with; else any agreeing heading."""
    if selectors.title_override:
        for element in dom.select(root, selectors.title_override):
            if _is_headline(dom.text_of(element)):
                return Picked(element, dom.text_of(element))
    first: Picked | None = None
    own = set(dom.select_all(root, selectors.title)) if selectors.title else set()
    headings = _headings(root, selectors)
    repeated = _repeated_classes(headings)
    for heading in headings:
        element, text = heading.element, heading.text
        if heading.outside or _class_key(element) in repeated:
            continue
        if element in own and _is_stamped_headline(text):
            return Picked(element, text)
        if not _is_headline(text):
            if _short_headline_named_by_head(text, head):
                return Picked(element, text)
            continue
        if _agrees(text, head):
            return Picked(element, text)
        first = first or Picked(element, text)
    if first is not None:
        return first
    text = _head_title(head)
    return Picked(None, text) if text else Picked()


def _follows(element: etree._Element, anchor: etree._Element) -> bool:
    """Whether `element` comes after `anchor` in document order (a descendant does, an ancestor does not).
    Read from the two lines of ancestors where they meet, not from a map of the whole page."""
    if element is anchor:
        return False
    anchor_line = [anchor, *anchor.iterancestors()]
    depth_of = {node: depth for depth, node in enumerate(anchor_line)}
    node, below = element, None
    while node is not None and node not in depth_of:
        node, below = node.getparent(), node
    if node is None:
        return True  # not in the anchor's tree: as an element missing from the order map, it counts as after
    if below is None:
        return False  # an ancestor of the anchor
    if node is anchor:
        return True
    return node.index(below) > node.index(anchor_line[depth_of[node] - 1])


def _date_line(element: etree._Element) -> str | None:
    text = dom.text_of(element)
    if not text or word_count(text) > 25 or is_print_stamp(text) or parse_date(text) is None:
        return None
    return text if has_date_label(text) or is_datestamp(fold(text)) else None


def _stamp_line(element: etree._Element) -> str | None:
    """A date line above the headline counts only when dated like a post (weekday, time or label)."""
    text = _date_line(element)
    found = parse_date(text) if text else None
    return text if found and (found.at or has_date_label(text) or has_weekday(text)) else None


def date_after_title(title: etree._Element | None) -> Picked:
    """A date line among the few elements after the headline (or its wrapper), else right above it."""
    node = title
    for _ in range(2):
        if node is None:
            break
        for sibling in list(node.itersiblings())[:MAX_SIBLINGS]:
            text = _date_line(sibling)
            if text:
                return Picked(sibling, text)
        for sibling in list(node.itersiblings(preceding=True))[:MAX_STAMP_ABOVE]:
            text = _stamp_line(sibling)
            if text:
                return Picked(sibling, text)
        node = node.getparent()
    return Picked()


def _listed_rows(root: etree._Element, selectors: Selectors) -> set[tuple[str, str]]:
    return _repeated_classes(_headings(root, selectors))


def _in_listed_row(element: etree._Element, listed: set[tuple[str, str]]) -> bool:
    """A stamp printed inside a listed row's headline dates that row, not the listing page."""
    for _, ancestor in zip(range(MAX_STAMP_DEPTH), element.iterancestors(), strict=False):
        if _class_key(ancestor) in listed:
            return True
    return False


def find_date(root: etree._Element, selectors: Selectors, title: Picked) -> Picked:
    """The first date field after the headline (a top-bar "today" comes before it), outside sidebars."""
    near = date_after_title(title.element)
    if near.text:
        return near
    fallback: Picked | None = None
    listed = _listed_rows(root, selectors) if title.element is None else set()
    for element in dom.select_all(root, selectors.date):
        text = dom.text_of(element)
        if not text or word_count(text) > 25 or is_print_stamp(text) or dom.outside_article(element):
            continue
        if listed and _in_listed_row(element, listed):
            continue
        if parse_date(text) is None:
            continue
        if title.element is None or _follows(element, title.element):
            return Picked(element, text)
        fallback = fallback or Picked(element, text)
    return fallback or Picked()


def first_text(root: etree._Element, selectors: tuple[str, ...], min_words: int = 1, anywhere: bool = False) -> Picked:
    for element in dom.select_all(root, selectors):
        text = dom.text_of(element)
        if word_count(text) >= min_words and (anywhere or not dom.outside_article(element)):
            return Picked(element, text)
    return Picked()


def _contains(ancestor: etree._Element, element: etree._Element | None) -> bool:
    node = element
    while node is not None:
        if node is ancestor:
            return True
        node = node.getparent()
    return False


def _cleaned_blocks(container: etree._Element, selectors: Selectors, picked: list[Picked]) -> list[Block]:
    """One container's blocks without its tool bars, headline and date line."""
    dropped = [element for element in dom.select_all(container, selectors.drop) if element is not container]
    dom.remove_all(dropped)
    dom.remove_all(
        item.element
        for item in picked
        if item.element is not None and item.element is not container and _contains(container, item.element)
    )
    return dom.blocks_of(container)


def article_blocks(
    containers: list[etree._Element], root: etree._Element, selectors: Selectors, picked: list[Picked]
) -> list[Block]:
    """The containers' blocks in page order (widgets between them left out); a lead outside them goes first."""
    lead = first_text(root, selectors.lead, min_words=8)
    blocks = [block for container in containers for block in _cleaned_blocks(container, selectors, picked)]
    blocks[:0] = lead_figure_captions(containers[0])
    if lead.element is not None and lead.text and not any(_contains(c, lead.element) for c in containers):
        blocks.insert(0, Block(text=lead.text, link_ratio=0.0))
    title = fold(picked[0].text) if picked and picked[0].text else None
    return [block for block in blocks if not (title and len(block.text) < 2 * len(title) and fold(block.text) == title)]


def lead_figure_captions(container: etree._Element) -> list[Block]:
    """Captions of the article's pictures set between its headline and the body container (a news theme's
    lead figure, whose caption often carries the sapo): inside the same `<article>`, before the container.
    Captions belong to the body; a photographer's credit (a few words, or a line marked as the credit) is left
    to the byline."""
    article = next((a for a in container.iterancestors() if _is_article_element(a)), None)
    if article is None:
        return []
    captions: list[Block] = []
    for element in article.iter("figcaption"):
        if element is container or _contains(container, element):
            break  # document order: the container's own pictures are its own
        if not dom.outside_article(element, stop=article):
            credits = _credit_lines(element)
            captions += [
                block
                for block in dom.blocks_of(element)
                if word_count(block.text) >= MIN_CAPTION_WORDS and " ".join(block.text.split()) not in credits
            ]
    return captions


def _credit_lines(caption: etree._Element) -> set[str]:
    """The texts of the caption's elements marked as a credit."""
    marked = (node for node in caption.iter() if _CREDIT_CLASS.search(str(node.get("class") or "")))
    return {" ".join(dom.text_of(node).split()) for node in marked}


def _is_article_element(element: etree._Element) -> bool:
    return element.tag == "article" or "Article" in (element.get("itemtype") or "")


def with_lead(blocks: list[Block], lead: Picked) -> list[Block]:
    """trafilatura tends to drop a page's sapo box; put the profile's lead back in front when it did."""
    if not blocks or not lead.text or any(fold(lead.text) in fold(block.text) for block in blocks[:6]):
        return blocks
    return [Block(text=lead.text, link_ratio=0.0), *blocks]


def _published(date: Picked, parts: BodyParts, head: PageHead) -> FoundDate | None:
    if date.text:
        return labelled_date(date.text) or parse_date(date.text)
    if parts.date:
        return parts.date
    return parse_date(head.published) if head.published else None


def _author(root: etree._Element, selectors: Selectors, parts: BodyParts) -> str | None:
    found = first_text(root, selectors.author)
    marked = None
    if found.text and word_count(found.text) <= 12:
        marked = parse_byline(found.text) or parse_unit_byline(found.text)
    signed = [byline for byline in (marked, parts.byline) if byline and byline.author]
    people = [byline for byline in signed if not byline.by_unit]  # a person signing beats an office
    return (people or signed)[0].author if signed else None


@dataclass
class Gathered:
    """The blocks the body is chosen from, and where they came from."""

    blocks: list[Block] = field(default_factory=list)
    found: Container = field(default_factory=Container)
    fallback: Fallback = field(default_factory=Fallback)
    rows: bool = False  # one table row per paragraph: the headline is a row too


def row_container(root: etree._Element, found: Container) -> Container | None:
    """The paragraph-row table when no element holds the article, or a generic match is one row or a side box."""
    if found.specific:
        return None
    table = widen_to_rows(found.element) if found.element is not None else None
    if table is None:
        run = find_row_article(root)
        holds = len(dom.text_of(found.element)) if found.element is not None else 0
        table = run.table if run is not None and run.chars > ROWS_OVER_CONTAINER * holds else None
    return Container(table, 1, False) if table is not None else None


def gather_blocks(
    root: etree._Element, selectors: Selectors, options: ExtractionOptions, picked: list[Picked]
) -> Gathered:
    found = find_container(root, selectors)
    rows = row_container(root, found)
    if rows is not None:
        return Gathered(article_blocks(rows.elements, root, selectors, picked), rows, rows=True)
    if found.element is not None:
        return Gathered(article_blocks(found.elements, root, selectors, picked), found)
    if not options.use_trafilatura_fallback:
        return Gathered(found=found)
    lead = first_text(root, selectors.lead, min_words=8)
    fallback = fallback_blocks(root)
    return Gathered(with_lead(fallback.blocks, lead), found, fallback)


def extract_html(page: str | bytes, options: ExtractionOptions, http_encoding: str | None = None) -> PageContent:
    capped: list[str] = []
    decoded = decode(cap_page(page, options.max_page_bytes, capped), http_encoding)
    cms = options.cms or detect_family(decoded.text)
    warnings = [*decoded.warnings, *capped]
    root = dom.parse_html(mark_reading_region(decoded.text), warnings)
    head = read_head(root)
    dom.strip_invisible(root)
    separate_cell_lines(root)  # ~0.5 ms on a portal page of 40 layout tables; nothing without tables
    selectors = merged_selectors(profile_for(cms), options.selectors)
    title = find_title(root, selectors, head)
    date = find_date(root, selectors, title)
    category = first_text(root, selectors.category, anywhere=True)
    got = gather_blocks(root, selectors, options, [title, date])
    found, fallback, blocks = got.found, got.fallback, got.blocks
    container = found.element
    # a row page's headline is a row like the others: read it from the rows unless an element named it
    parts = select_body(blocks, find_title=got.rows and title.element is None, markup=container is not None)
    if got.rows and title.element is None and parts.title:
        title = Picked(None, parts.title)
    if container is None and blocks:
        warnings.append("generic-fallback")
    signals = PageSignals(
        blocks=blocks,
        paragraphs=parts.paragraphs,
        prose_chars=parts.prose_chars,
        title=title.text,
        has_container=container is not None,
        container_repeats=found.siblings,
        fallback_teasers=fallback.teasers,
        linky_blocks=parts.linky_blocks,
        attachments=attachment_links(found.elements, options.url),
    )
    content = content_from_parts(parts, options, warnings, classify_page(signals))
    content.attachments = signals.attachments
    published = _published(date, parts, head)
    content.title = nfc_or_none(visible(title.text)) if title.text else content.title
    content.published_on = published.day if published else None
    content.published_at = published.at if published else None
    content.author = nfc_or_none(_author(root, selectors, parts))
    content.category = nfc_or_none(category.text) if category.text and word_count(category.text) <= 8 else None
    content.lead = parts.paragraphs[0] if parts.paragraphs and container is not None else None
    content.canonical_url = canonical_url(head.canonical, options.url)
    content.cms = cms
    return content
