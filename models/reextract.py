"""Re-run extraction over the raw HTML already stored, without re-crawling (after the extractors improve)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from extractors.article import extract_article_from_html, is_article
from extractors.options import ExtractionOptions
from models.records import StoredPage
from models.resolve import resolve_entities
from models.store import Store, StoreError


@dataclass
class ReextractionSummary:
    pages: int = 0
    articles: int = 0
    non_articles: int = 0
    failures: int = 0


def reextract_page(store: Store, page: StoredPage) -> str:
    """Extract one stored page again and store the result; returns the page's kind."""
    options = ExtractionOptions(url=page.final_url or page.url)
    article = extract_article_from_html(page.html, options, page.encoding)
    if not is_article(article):
        store.set_page_kind(page.page_id, "non-article")
        return "non-article"
    store.save_article(page.page_id, page.portal_slug, article, mark_page=True)
    return "article"


def reextract(
    store: Store, portal_slug: str | None = None, progress: Callable[[ReextractionSummary], None] | None = None
) -> ReextractionSummary:
    summary = ReextractionSummary()
    for page in store.iter_pages_for_reextraction(portal_slug):
        summary.pages += 1
        try:
            kind = reextract_page(store, page)
        except (StoreError, ValueError, UnicodeError) as error:
            summary.failures += 1
            store.record_failure(None, page.url, f"re-extraction: {error!r}")
            continue
        if kind == "article":
            summary.articles += 1
        else:
            summary.non_articles += 1
        if progress is not None:
            progress(summary)
    resolve_entities(store.engine)  # documents were re-keyed, mentions replaced: people and congresses follow
    return summary
