"""Plain dataclasses the crawler fills and the store hands back; no SQLAlchemy here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

PAGE_KINDS = ("article", "non-article", "error")


@dataclass(frozen=True)
class PortalRecord:
    """One portal from the crawl configuration."""

    slug: str
    name: str
    base_url: str
    level: str | None = None  # "province" | "district" | "commune" | "ward"
    province: str | None = None
    cms: str | None = None


@dataclass
class FetchedPage:
    """One HTTP response as the spider saw it; `html` is the raw body (None when nothing came back)."""

    url: str
    final_url: str | None
    status: int | None
    fetched_at: datetime
    portal_slug: str
    html: bytes | None = None
    content_type: str | None = None
    encoding: str | None = None
    run_id: int | None = None


@dataclass
class CrawlStats:
    """Counters of one crawl run; stored as JSON in `crawl_runs.stats` (a plain dict works as well)."""

    pages: int = 0
    articles: int = 0
    non_articles: int = 0
    failures: int = 0
    unchanged: int = 0
    extra: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, int]:
        return {
            "pages": self.pages,
            "articles": self.articles,
            "non_articles": self.non_articles,
            "failures": self.failures,
            "unchanged": self.unchanged,
            **self.extra,
        }


@dataclass(frozen=True)
class StoredPage:
    """A stored page with its raw body, for re-running extraction without re-crawling."""

    page_id: int
    url: str
    final_url: str | None
    portal_slug: str
    html: bytes
    content_type: str | None
    encoding: str | None
    kind: str


@dataclass(frozen=True)
class RunRecord:
    """One crawl run as stored: when, which portals, how it ended, its stats."""

    id: int
    started_at: datetime
    finished_at: datetime | None
    status: str
    portals: list[str]
    stats: dict[str, Any]
    reason: str | None = None
    host: str | None = None
    pid: int | None = None
    heartbeat_at: datetime | None = None
