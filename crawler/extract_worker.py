"""The worker side of off-reactor extraction: one page in, one outcome out, within a time budget.

Imported by each extraction worker process, so it imports the extractors and nothing of Scrapy.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from extractors.article import extract_article_from_html
from extractors.options import ExtractionOptions, SelectorOverrides
from extractors.types import Article, PageKind

DEFAULT_TIME_BUDGET = 15.0


class ExtractionTimeout(Exception):
    """Raised inside a worker when a page's time budget runs out."""


@dataclass(frozen=True)
class ExtractionJob:
    """What a worker needs to extract one page (plain data: it crosses the process boundary)."""

    body: bytes
    url: str
    http_encoding: str | None = None
    selectors: SelectorOverrides = field(default_factory=SelectorOverrides)
    cms: str | None = None  # an extraction profile's name: skips reading the family from the markup


@dataclass
class ExtractionOutcome:
    article: Article | None = None
    kind: str = "article"  # page kind stored: article | non-article | error
    reason: str | None = None  # why not an article, what failed, or why the page was skipped
    skipped: bool = False
    seconds: float = 0.0


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Interrupt the extraction after `seconds` (regular expressions and Python loops check signals)."""
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise ExtractionTimeout(f"over the time budget of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_job(job: ExtractionJob, seconds: float = 0.0) -> ExtractionOutcome:
    """Extract one page; every failure becomes an outcome, never an exception (runs in a worker)."""
    started = time.perf_counter()
    options = ExtractionOptions(url=job.url, selectors=job.selectors, cms=job.cms)
    try:
        with time_budget(seconds):
            article = extract_article_from_html(job.body, options, job.http_encoding)
    except ExtractionTimeout as timeout:
        return ExtractionOutcome(kind="error", reason=str(timeout), skipped=True)
    except Exception as error:  # one broken page must not stop the crawl
        return ExtractionOutcome(kind="error", reason=f"extraction failed: {error!r}")
    elapsed = time.perf_counter() - started
    if article.content.kind is PageKind.NOT_AN_ARTICLE:
        return ExtractionOutcome(kind="non-article", reason=article.content.rejected_as, seconds=elapsed)
    return ExtractionOutcome(article=article, seconds=elapsed)


def warm_up() -> None:
    """Worker start-up: load the extractors and their data once, before the first page arrives."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the crawl's to handle
    extract_article_from_html("<html><body><p>Khởi động.</p></body></html>", ExtractionOptions())
