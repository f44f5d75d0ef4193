"""Extraction off the reactor: worker processes, a time and a size budget per page, outcomes counted."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from crawler.extract_worker import ExtractionJob, ExtractionTimeout, run_job, time_budget
from crawler.extraction import ExtractionPool, apply_outcome, over_size
from crawler.items import PageItem
from crawler.spiders.portal import PortalSpider

KIND = Path(__file__).parent / "fixtures" / "kind"
ARTICLE = KIND / "liferay-notice-portlet-above-article.html"
ROUNDUP = KIND / "liferay-teaser-roundup.html"


def job(path: Path) -> ExtractionJob:
    return ExtractionJob(body=path.read_bytes(), url="http://liferay.bench.test/web/site0/tin-tuc/-/view_content/1-a")


def test_time_budget_interrupts_a_long_computation() -> None:
    started = time.monotonic()
    with pytest.raises(ExtractionTimeout), time_budget(0.2):
        while True:
            sum(range(1000))
    assert time.monotonic() - started < 2


def test_page_over_its_time_budget_is_skipped_with_the_reason() -> None:
    outcome = run_job(job(ARTICLE), seconds=0.0005)
    assert outcome.skipped and outcome.kind == "error"
    assert "time budget" in (outcome.reason or "")


def test_page_over_its_size_budget_is_skipped_before_extraction() -> None:
    outcome = over_size(job(ARTICLE), max_bytes=1000)
    assert outcome is not None and outcome.skipped and "size budget" in (outcome.reason or "")
    assert over_size(job(ARTICLE), max_bytes=0) is None


def test_non_article_outcome_says_why() -> None:
    outcome = run_job(job(ROUNDUP))
    assert (outcome.kind, outcome.reason, outcome.article) == ("non-article", "listing", None)


def test_worker_pool_extracts_pages_and_applies_the_budget() -> None:
    async def run() -> list[str]:
        pool = ExtractionPool(workers=1, seconds=15.0)
        pool.start()
        try:
            done = await pool.extract(job(ARTICLE))
            pool.seconds = 0.0005
            late = await pool.extract(job(ARTICLE))
        finally:
            pool.close()
        return [done.kind, late.kind, str(late.skipped)]

    assert asyncio.run(run()) == ["article", "error", "True"]


def _item() -> PageItem:
    return PageItem(
        url="http://x.test/a",
        final_url="http://x.test/a",
        status=200,
        body=b"",
        portal_slug="x",
        fetched_at=datetime.now(UTC),
    )


def test_rejections_and_skips_are_counted_per_reason() -> None:
    stats = MemoryStatsCollector(get_crawler(PortalSpider))
    apply_outcome(_item(), run_job(job(ROUNDUP)), stats)
    skipped = apply_outcome(_item(), run_job(job(ARTICLE), seconds=0.0005), stats)
    assert stats.get_value("vnportal/not_an_article/listing") == 1
    assert stats.get_value("vnportal/skipped/time") == 1
    assert skipped.errors and skipped.errors[0].startswith("skipped: over the time budget")
