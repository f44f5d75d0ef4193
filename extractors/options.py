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


@dataclass(frozen=True)
class ExtractionOptions:
    url: str | None = None
    published_on: date | None = None  # when known from elsewhere (HTTP, sitemap, the CLI)
    cms: str | None = None  # a CMS family name that skips detection
    selectors: SelectorOverrides = field(default_factory=SelectorOverrides)
    use_trafilatura_fallback: bool = True
