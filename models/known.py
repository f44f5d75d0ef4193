"""What a portal's earlier crawls stored: every address, with when it was fetched (incremental crawls)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from models.identity import utc
from models.store import Store
from models.tables import ArticleRow, ArticleUrlRow, PageRow, PortalRow


def known_urls(store: Store, portal_slug: str) -> dict[str, datetime]:
    """Page addresses (first and final) and the articles' other addresses, each with its latest fetch."""
    pages = (
        select(PageRow.url, PageRow.final_url, PageRow.fetched_at)
        .join(PortalRow, PortalRow.id == PageRow.portal_id)
        .where(PortalRow.slug == portal_slug)
    )
    aliases = (
        select(ArticleUrlRow.url, ArticleRow.extracted_at)
        .join(ArticleRow, ArticleRow.id == ArticleUrlRow.article_id)
        .join(PortalRow, PortalRow.id == ArticleUrlRow.portal_id)
        .where(PortalRow.slug == portal_slug)
    )
    known: dict[str, datetime] = {}

    def add(url: str | None, when: datetime) -> None:
        if url:
            when = utc(when)
            known[url] = max(known.get(url, when), when)

    with store.engine.connect() as connection:
        for url, final_url, fetched_at in connection.execute(pages):
            add(url, fetched_at)
            add(final_url, fetched_at)
        for url, extracted_at in connection.execute(aliases):
            add(url, extracted_at)
    return known
