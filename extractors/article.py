"""One call from a page (HTML bytes or a visible-text dump) to an `Article` with its facts."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from extractors.facts import extract_facts
from extractors.options import ExtractionOptions
from extractors.page import NOT_AN_ARTICLE, extract_html_page, extract_text_page
from extractors.types import Article, PageContent

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".aspx", ".php"})


class UnsupportedInput(ValueError):
    """An input the extractors cannot read (unknown file kind, empty page)."""


def is_article(article: Article) -> bool:
    """False for listing and document-table pages, which page cleaning flags instead of failing."""
    return NOT_AN_ARTICLE not in article.content.warnings


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cycle collector paused while one page is read: a page makes tens of thousands of short-lived
    objects (lxml proxies, tokens, spans), freed by reference counting, yet each 700 of them set off a
    collection, and now and then a full one over every object of the process (~10 ms). What a page leaves in
    cycles is bounded by the page and collected once collection resumes. Left alone when already paused (by
    the caller or by another thread reading a page)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def article_from_content(content: PageContent, options: ExtractionOptions) -> Article:
    published_on = options.published_on or content.published_on
    facts = extract_facts(content.text, published_on=published_on, author=content.author, headline=content.title)
    return Article(content=content, facts=facts, url=options.url or content.canonical_url)


def extract_article_from_html(
    html: str | bytes, options: ExtractionOptions, http_encoding: str | None = None
) -> Article:
    with _no_cycle_collection():
        return article_from_content(extract_html_page(html, options, http_encoding), options)


def extract_article_from_text(text: str, options: ExtractionOptions) -> Article:
    with _no_cycle_collection():
        return article_from_content(extract_text_page(text, options), options)


def extract_article_from_file(path: Path, options: ExtractionOptions) -> Article:
    """Read an `.html`/`.htm` page or a `.txt` visible-text dump."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return extract_article_from_text(path.read_text(encoding="utf-8-sig", errors="replace"), options)
    if suffix in HTML_SUFFIXES:
        return extract_article_from_html(path.read_bytes(), options)
    raise UnsupportedInput(f"{path}: expected an .html/.htm page or a .txt page dump, got '{suffix or 'no suffix'}'")
