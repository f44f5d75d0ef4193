"""Which stored article a freshly extracted one is, and the column values it is stored with (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from extractors.types import Article
from models import keys

VIETNAM_TIME = timezone(timedelta(hours=7))


class MissingArticleUrl(ValueError):
    """An article with neither a URL nor a canonical URL cannot be identified."""


@dataclass(frozen=True)
class ArticleIdentity:
    """What names an article within its portal: its key URL, every URL seen for it, its text hash."""

    canonical_url: str
    url: str
    alias_urls: list[str]
    text_hash: str
    hash_is_evidence: bool  # long enough a text to prove two URLs show one article


def utc(moment: datetime) -> datetime:
    """Crawl timestamps are stored in UTC; a naive one is taken to be UTC already."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def portal_wall_clock(moment: datetime | None) -> datetime | None:
    """`published_at` is kept as the portal's wall-clock time (Vietnam, UTC+7), without zone."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(VIETNAM_TIME).replace(tzinfo=None)


def article_identity(article: Article, page_urls: list[str]) -> ArticleIdentity:
    seen = [u for u in (article.url, *page_urls) if u]
    canonical = article.content.canonical_url
    if canonical and keys.is_site_root(canonical):
        canonical = None  # a canonical link to the home page would merge every article into one
    if not canonical and not seen:
        raise MissingArticleUrl("article has neither a URL nor a canonical URL")
    urls = list(dict.fromkeys(keys.normalize_url(u) for u in ([canonical] if canonical else []) + seen))
    text = article.content.text
    return ArticleIdentity(
        canonical_url=urls[0],
        url=keys.normalize_url(seen[0]) if seen else urls[0],
        alias_urls=urls,
        text_hash=keys.text_hash(text),
        hash_is_evidence=len(text.strip()) >= keys.MIN_TEXT_FOR_HASH_ALIAS,
    )


def article_values(article: Article, identity: ArticleIdentity) -> dict[str, Any]:
    content = article.content
    values = {
        "url": identity.url,
        "title": content.title,
        "published_on": content.published_on,
        "published_at": portal_wall_clock(content.published_at),
        "author": content.author,
        "source_credit": content.source_credit,
        "category": content.category,
        "lead": content.lead,
        "text": content.text,
        "text_hash": identity.text_hash,
        "search_text": keys.search_text(content.title, content.text),
        "cms": content.cms,
        "extracted_at": datetime.now(UTC),
        "kind": str(content.kind),
        "attachments": [{"url": a.url, "label": a.label} for a in content.attachments] or None,
    }
    return keys.without_nul(values)
