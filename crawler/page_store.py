"""Storing one fetched page with its article: the same steps in the crawl process and in extraction workers."""

from __future__ import annotations

from dataclasses import dataclass

from extractors.types import Article
from models.records import FetchedPage
from models.store import Store


@dataclass(frozen=True)
class StoredPage:
    page_id: int
    article_id: int | None  # None: stored as a page only (not an article, or extraction failed)


def store_page(store: Store, page: FetchedPage, kind: str, errors: list[str], article: Article | None) -> StoredPage:
    """The page (raw HTML kept for re-extraction), the reason it was skipped or failed, and its article."""
    page_id = store.record_page(page, kind=kind)
    if errors:  # skipped or failed extraction: the page is kept, the reason recorded
        store.record_failure(page.run_id, page.final_url or page.url, "; ".join(errors))
    article_id = store.save_article(page_id, page.portal_slug, article) if article is not None else None
    return StoredPage(page_id, article_id)
