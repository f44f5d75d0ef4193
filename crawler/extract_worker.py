"""The worker side of off-reactor extraction: one page in, one outcome out, within a time budget.

Imported by each extraction worker process, so it imports the extractors and nothing of Scrapy.
"""

from __future__ import annotations

import dataclasses
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from crawler.page_store import store_page
from extractors.article import extract_article_from_html
from extractors.options import ExtractionOptions, SelectorOverrides
from extractors.types import Article, PageKind
from models.records import FetchedPage
from models.store import Store

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


@dataclass(frozen=True)
class StoreJob:
    """Where the worker stores the page it extracted: the database and the page's record (body left out:
    the job carries it once)."""

    db_url: str | None
    page: FetchedPage


@dataclass
class ExtractionOutcome:
    article: Article | None = None  # left out once a worker stored it: nothing to ship back
    kind: str = "article"  # page kind stored: article | non-article | error
    reason: str | None = None  # why not an article, what failed, or why the page was skipped
    skipped: bool = False
    seconds: float = 0.0
    article_kind: str | None = None  # PageKind of a stored article (article | notice)
    stored: bool = False
    article_id: int | None = None

    @property
    def errors(self) -> list[str]:
        """What the page's failure row says: why it was skipped, or what failed."""
        if self.skipped:
            return [f"skipped: {self.reason}"]
        return [self.reason or "extraction failed"] if self.kind == "error" else []


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
    return ExtractionOutcome(article=article, seconds=elapsed, article_kind=str(article.content.kind))


_stores: dict[str | None, Store] = {}
# Workers extract in parallel but store one at a time: the store decides "which article is this page"
# by reading before writing, and two workers saving a page and its alias at once would both decide "new".
_store_lock: Any = nullcontext()


def extract_and_store(job: ExtractionJob, seconds: float, store_job: StoreJob) -> ExtractionOutcome:
    """Extract, then store the page and its article from this worker, so the crawl process only downloads.
    When storing fails the article goes back to the crawl process, which stores it (or records why not)."""
    outcome = run_job(job, seconds)
    if store_job.db_url not in _stores:
        _stores[store_job.db_url] = Store(store_job.db_url, upgrade=False)
    page = dataclasses.replace(store_job.page, html=job.body)
    try:
        with _store_lock:
            stored = store_page(_stores[store_job.db_url], page, outcome.kind, outcome.errors, outcome.article)
    except Exception:  # the crawl process retries with its own store, and reports the error
        return outcome
    return dataclasses.replace(outcome, article=None, stored=True, article_id=stored.article_id)


def warm_up(store_lock: Any = None) -> None:
    """Worker start-up: load the extractors and their data once, before the first page arrives."""
    global _store_lock
    _store_lock = store_lock if store_lock is not None else nullcontext()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the crawl's to handle
    extract_article_from_html("<html><body><p>Khởi động.</p></body></html>", ExtractionOptions())
