"""The one options object passed down through every extraction function."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class SelectorOverrides:
    """CSS selectors a portal entry sets to win over its CMS profile (None: use the profile's)."""

    article: str | None = None
    title: str | None = None
    date: str | None = None
    author: str | None = None
    drop: tuple[str, ...] = ()


# Every extractor is linear in its input; these caps bound the work on pathological pages (a 16 MB page of
# generated markup, a whole law pasted into one article). What they cut is recorded in `PageContent.warnings`.
MAX_PAGE_BYTES = 8_000_000
MAX_BODY_CHARS = 1_000_000


@dataclass(frozen=True)
class ExtractionOptions:
    url: str | None = None
    published_on: date | None = None  # when known from elsewhere (HTTP, sitemap, the CLI)
    cms: str | None = None  # a CMS family name that skips detection
    selectors: SelectorOverrides = field(default_factory=SelectorOverrides)
    use_trafilatura_fallback: bool = True
    max_page_bytes: int | None = MAX_PAGE_BYTES  # HTML bytes (characters of a text dump) read; None: all
    max_body_chars: int | None = MAX_BODY_CHARS  # body text kept (cut at a paragraph) and searched for facts
