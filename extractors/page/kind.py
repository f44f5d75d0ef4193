"""Is a page an article, a notice pointing to attached files, or not an article at all?

A page is judged "not an article" only on positive evidence: a run of teasers (title links, each with its
date or summary), a document register, a "this content does not exist" message, or nothing at all. A short
body is no such evidence: a real article whose paragraphs did not survive cleaning, or a notice that only
says "Chi tiết xem tại file đính kèm", is still an item the portal published, with a title and a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import etree

from extractors.page import dom
from extractors.page.body import Block
from extractors.page.vocab import fold, word_count
from extractors.types import Attachment, PageKind

NOT_AN_ARTICLE = "not-an-article"
LISTING, DOCUMENT_TABLE, ERROR_PAGE, EMPTY = "listing", "document-table", "error-page", "empty"
REASONS = (LISTING, DOCUMENT_TABLE, ERROR_PAGE, EMPTY)

LISTING_REPEATS = 3  # a container selector matching this many elements found a listing's items
MIN_FALLBACK_TEASERS = 2  # title links standing alone in an unknown template's main column
MIN_TEASER_RUN = 4  # title links each followed by its date or summary
TEASER_TITLE_WORDS = 5
MAX_SUMMARY_WORDS = 60  # a teaser's summary; an article paragraph runs longer
TEASER_SHARE = 0.6  # the run holds this share of the text: a related box under an article holds less
MIN_REGISTER_ROWS = 4
MAX_REGISTER_ROW_WORDS = 40
NOTICE_PROSE_CHARS = 300  # a notice says a sentence or two and points to its files
MAX_ERROR_PAGE_CHARS = 300
# "123-KH/HU", "45/QĐ-UBND", "30/2020/NĐ-CP": a register row holds one. The number starts a word, checked after its
# first digit (no word character before it) so that the search skips ahead to digits.
_DOCUMENT_CODE = re.compile(r"\d(?<!\w\d)\d{0,4}(?:/\d{4})?[/-][A-ZĐ][A-ZĐa-z]*[/-][A-ZĐ]")
_ERROR_MESSAGE = re.compile(
    r"khong (?:ton tai|tim thay)|da bi (?:xoa|go bo|go)|khong co quyen truy cap|page not found|not found|loi 404"
)
_ATTACHMENT_PHRASE = re.compile(r"(?:file|tep|tai lieu|van ban) dinh kem|tai ve|tai xuong|xem (?:chi tiet )?tai day")
_FILE_SUFFIX = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|zip|rar|7z)$", re.IGNORECASE)
_DOWNLOAD_PATH = re.compile(r"download|attachment|dinhkem|dinh-kem|/Attachments/|/documents/\d+/", re.IGNORECASE)


@dataclass
class PageSignals:
    """What the page cleaning saw, for the decision."""

    blocks: list[Block]
    paragraphs: list[str]
    prose_chars: int
    title: str | None = None
    has_container: bool = True
    container_repeats: int = 0  # elements the article container's selector matched
    fallback_teasers: int = 0  # title links standing alone in an unknown template's main column
    linky_blocks: int = 0
    attachments: list[Attachment] = field(default_factory=list)
    # the source says it is one article (a static site's post, a dataset's record): no listing or register test
    declared_article: bool = False


@dataclass(frozen=True)
class Verdict:
    kind: PageKind
    reason: str | None = None  # one of REASONS when not an article


def _is_title_link(block: Block) -> bool:
    return block.linky and word_count(block.text) >= TEASER_TITLE_WORDS


def teaser_run(blocks: list[Block]) -> int:
    """Title links each followed by a short date or summary line: the items of a news list."""
    best = current = 0
    pending = False  # a title link waits for its date or summary
    for block in blocks:
        if _is_title_link(block):
            pending = True
            continue
        if block.linky:
            continue  # "Xem chi tiết »" and other short links inside an item
        if pending and word_count(block.text) <= MAX_SUMMARY_WORDS:
            current += 1
            best = max(best, current)
        elif not pending or word_count(block.text) > MAX_SUMMARY_WORDS:
            current = 0
        pending = False
    return best


def looks_like_teaser_list(signals: PageSignals) -> bool:
    """A run of teasers, and little text in paragraphs long enough to be an article's own."""
    if teaser_run(signals.blocks) < MIN_TEASER_RUN:
        return False
    total = sum(len(b.text) for b in signals.blocks)
    own = sum(len(b.text) for b in signals.blocks if not b.linky and word_count(b.text) > MAX_SUMMARY_WORDS)
    return own < (1 - TEASER_SHARE) * total


def looks_like_link_list(signals: PageSignals) -> bool:
    """Many links and little prose (a listing without summaries)."""
    paragraphs = max(len(signals.paragraphs), 1)
    return signals.linky_blocks >= 6 and signals.linky_blocks > 2 * paragraphs and signals.prose_chars < 1500


def looks_like_register(signals: PageSignals) -> bool:
    """Rows that each cite a document number: a register of documents, not a text about them."""
    rows = sum(
        1 for b in signals.blocks if _DOCUMENT_CODE.search(b.text) and word_count(b.text) <= MAX_REGISTER_ROW_WORDS
    )
    long_paragraphs = sum(1 for p in signals.paragraphs if word_count(p) > MAX_REGISTER_ROW_WORDS)
    return rows >= MIN_REGISTER_ROWS and rows >= long_paragraphs


def looks_like_error_page(signals: PageSignals) -> bool:
    text = " ".join(signals.paragraphs) or " ".join(b.text for b in signals.blocks)
    if len(text) > MAX_ERROR_PAGE_CHARS:
        return False
    return any(_ERROR_MESSAGE.search(fold(part)) for part in (text, signals.title or "") if part)


def _listing_or_register(signals: PageSignals) -> Verdict | None:
    if signals.container_repeats >= LISTING_REPEATS or looks_like_teaser_list(signals) or looks_like_link_list(signals):
        return Verdict(PageKind.NOT_AN_ARTICLE, LISTING)
    if not signals.has_container and signals.fallback_teasers >= MIN_FALLBACK_TEASERS:
        return Verdict(PageKind.NOT_AN_ARTICLE, LISTING)
    if looks_like_register(signals):
        return Verdict(PageKind.NOT_AN_ARTICLE, DOCUMENT_TABLE)
    return None


def classify_page(signals: PageSignals) -> Verdict:
    listing = None if signals.declared_article else _listing_or_register(signals)
    if listing is not None:
        return listing
    if looks_like_error_page(signals):
        return Verdict(PageKind.NOT_AN_ARTICLE, ERROR_PAGE)
    text = " ".join(signals.paragraphs)
    if not text.strip() and not signals.attachments:
        return Verdict(PageKind.NOT_AN_ARTICLE, EMPTY)
    # a page of some prose is an article whatever it links to: its text is folded only when it is short
    if signals.prose_chars < NOTICE_PROSE_CHARS and (signals.attachments or _ATTACHMENT_PHRASE.search(fold(text))):
        return Verdict(PageKind.NOTICE)
    return Verdict(PageKind.ARTICLE)


def _is_attachment(href: str, label: str) -> bool:
    path = urlsplit(href).path
    return bool(_FILE_SUFFIX.search(path) or _DOWNLOAD_PATH.search(href) or _ATTACHMENT_PHRASE.search(fold(label)))


def attachment_links(elements: Iterable[etree._Element], base_url: str | None) -> list[Attachment]:
    """Links to files inside the article's container(s), in page order, each once."""
    found: dict[str, Attachment] = {}
    for element in elements:
        for anchor in element.iter("a"):
            href = (anchor.get("href") or "").strip()
            if not href or href.startswith(("#", "javascript:", "mailto:")):
                continue
            label = dom.text_of(anchor)
            if _is_attachment(href, label):
                url = urljoin(base_url, href) if base_url else href
                found.setdefault(url, Attachment(url=url, label=label))
    return list(found.values())
