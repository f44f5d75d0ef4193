"""Items passed from the spider to the pipelines."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from models.records import FetchedPage


@dataclass
class PageItem:
    """One fetched article candidate, routed by the spider; extraction happens in `ExtractPipeline`."""

    url: str
    final_url: str
    status: int
    body: bytes
    portal_slug: str
    fetched_at: datetime
    content_type: str | None = None
    http_encoding: str | None = None
    kind: str = "article"  # set to "non-article" or "error" by the extraction pipeline
    article: Any = None  # extractors.types.Article once extracted
    errors: list[str] = field(default_factory=list)
    stored: bool = False  # an extraction worker stored the page (and its article) already
    article_id: int | None = None  # the article row, once stored

    def fetched_page(self, run_id: int | None) -> FetchedPage:
        return FetchedPage(
            url=self.url,
            final_url=self.final_url,
            status=self.status,
            fetched_at=self.fetched_at,
            portal_slug=self.portal_slug,
            html=self.body,
            content_type=self.content_type,
            encoding=self.http_encoding,
            run_id=run_id,
        )


@dataclass
class FailureItem:
    """A request that failed (HTTP error, DNS, timeout): recorded, never a crash of the crawl."""

    url: str
    portal_slug: str
    reason: str
    kind: str = "page"
