"""Storing one fetched page with its article: the same steps in the crawl process and in extraction workers."""

from __future__ import annotations

from extractors.types import Article
from models.records import FetchedPage, PageSaveResult
from models.store import Store


def store_page(
    store: Store, page: FetchedPage, kind: str, errors: list[str], article: Article | None
) -> PageSaveResult:
    """The page (raw HTML kept for re-extraction), its article and facts in one transaction, and the reason
    extraction skipped or failed it. Facts or an article the database refused are named in the result."""
    saved = store.save_page(page, kind, article)
    if errors:  # skipped or failed extraction: the page is kept, the reason recorded
        store.record_failure(page.run_id, page.final_url or page.url, "; ".join(errors))
    return saved
