"""A real crawl (the CLI, Scrapy, SQLite) of the fault server: every damaged page is either repaired and
stored whole, or recorded in `crawl_failures` with a reason that says what happened; nothing is stored
as complete that was not."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime

import pytest
from fault_server import LONG_RETRY_AFTER_S, ROUTES, SHORT_RETRY_AFTER_S, FaultServer
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.store import Store
from models.tables import ArticleRow, CrawlFailureRow, OfficialMentionRow, PageRow
from models.testing import sqlite_file_url

SLUG = "faults-song-lam"
MAX_REDIRECTS = 5
MAX_RETRY_AFTER_S = 10
CRAWL_TIMEOUT_S = 240
SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "RETRY_TIMES": 1,
    "REDIRECT_MAX_TIMES": MAX_REDIRECTS,
    "VNPORTAL_MAX_RETRY_AFTER": MAX_RETRY_AFTER_S,
    "LOG_LEVEL": "WARNING",
}


@dataclass
class FaultCrawl:
    server: FaultServer
    db_url: str
    output: str

    def url(self, number: int, query: str = "") -> str:
        return f"{self.server.base_url}{ROUTES[number - 1].path}{query}"

    def rows(self, *columns: object) -> list[tuple[object, ...]]:
        with Store(self.db_url, upgrade=False) as store, Session(store.engine) as session:
            return [tuple(row) for row in session.execute(select(*columns))]  # type: ignore[call-overload]


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> FaultCrawl:
    workdir = tmp_path_factory.mktemp("faults")
    db_url = sqlite_file_url(workdir / "faults.db")
    with FaultServer() as server:
        command = [
            sys.executable,
            "-m",
            "crawler.cli",
            "crawl",
            "--registry",
            str(server.write_registry(workdir)),
            "--portal",
            SLUG,
            "--db",
            db_url,
            "--refetch",
            *[arg for name, value in SETTINGS.items() for arg in ("--set", f"{name}={value}")],
        ]
        done = subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=CRAWL_TIMEOUT_S)
        return FaultCrawl(server, db_url, done.stdout + done.stderr)


def test_repaired_and_sound_pages_are_stored_as_articles(crawl: FaultCrawl) -> None:
    stored = {url: kind for url, kind in crawl.rows(PageRow.url, PageRow.kind)}
    assert stored == {crawl.url(n): "article" for n in (1, 2, 3, 9, 10)}, crawl.output


def test_each_stored_article_has_all_five_officials(crawl: FaultCrawl) -> None:
    articles = dict(crawl.rows(ArticleRow.id, ArticleRow.url))
    mentions = crawl.rows(OfficialMentionRow.article_id, OfficialMentionRow.official_id)
    per_url = {articles[a]: {o for aa, o in mentions if aa == a} for a in articles}
    assert {url: len(officials) for url, officials in per_url.items()} == {crawl.url(n): 5 for n in (1, 2, 3, 9, 10)}


def test_every_fault_is_one_failure_row_with_its_reason(crawl: FaultCrawl) -> None:
    failures = dict(crawl.rows(CrawlFailureRow.url, CrawlFailureRow.reason))
    loop_start, loop_back = crawl.url(6), crawl.url(6, "?lan=2")
    expected_prefixes = {
        crawl.url(4): "article: truncated gzip body: its ",
        crawl.url(5): "article: body shorter than its Content-Length: the connection closed before the end",
        loop_back: f"article: redirect loop: {loop_start} -> {loop_back} -> {loop_start}",
        crawl.url(7, f"?n={MAX_REDIRECTS}"): f"article: more than {MAX_REDIRECTS} redirects (REDIRECT_MAX_TIMES): "
        f"{crawl.url(7)} -> … -> {crawl.url(7, f'?n={MAX_REDIRECTS + 1}')}",
        crawl.url(8): f"article: HTTP 503: the server asks to retry after {LONG_RETRY_AFTER_S:,} s, longer than "
        f"VNPORTAL_MAX_RETRY_AFTER ({MAX_RETRY_AFTER_S} s); not retried",
    }
    assert set(failures) == set(expected_prefixes), crawl.output
    for url, prefix in expected_prefixes.items():
        assert failures[url].startswith(prefix), failures[url]


def test_truncated_bodies_were_retried_before_failing(crawl: FaultCrawl) -> None:
    assert [crawl.server.hits(ROUTES[n - 1].path) for n in (4, 5)] == [2, 2]


def test_long_retry_after_is_not_waited_for(crawl: FaultCrawl) -> None:
    assert crawl.server.hits(ROUTES[7].path) == 1


def test_short_retry_after_is_honoured(crawl: FaultCrawl) -> None:
    first, retry = crawl.server.arrivals(ROUTES[8].path)
    assert retry - first >= SHORT_RETRY_AFTER_S - 0.1


def test_the_crawl_goes_on_while_a_retry_waits(crawl: FaultCrawl) -> None:
    # the slow page was fetched and stored by the crawler before the waiting request was sent again
    [retry_sent] = crawl.server.arrivals(ROUTES[8].path)[1:]
    [(slow_stored_at,)] = [(at,) for url, at in crawl.rows(PageRow.url, PageRow.fetched_at) if url == crawl.url(10)]
    assert isinstance(slow_stored_at, datetime)
    assert slow_stored_at.timestamp() < retry_sent
