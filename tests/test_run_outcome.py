"""How a crawl ended, from its stats: the run's status and reason, and the summary an operator reads."""

from __future__ import annotations

import signal

import pytest

from crawler.crawl_stats import TOTAL_KEYS, portal_key
from crawler.outcome import decide_outcome
from crawler.reports import crawl_summary
from crawler.run import CrawlResult, project_settings
from crawler.setting_values import check_setting_values
from crawler.yield_check import YieldDrop

A, B = "phuong-an-binh", "xa-tan-loc"
COUNTS = {"articles": 3, "officials": 7}


def crawled(**per_portal: tuple[int, int, int]) -> dict[str, object]:
    """Stats of a crawl: per portal (fetched, stored, failed)."""
    stats: dict[str, object] = {"finish_reason": "finished"}
    for slug, counts in per_portal.items():
        slug = slug.replace("_", "-")
        for name, value in zip(("fetched", "stored", "failed"), counts, strict=True):
            stats[portal_key(slug, name)] = value
            stats[TOTAL_KEYS[name]] = int(stats.get(TOTAL_KEYS[name], 0)) + value  # type: ignore[call-overload]
    return stats


def test_crawl_that_fetched_pages_is_finished_without_a_reason() -> None:
    outcome = decide_outcome(crawled(phuong_an_binh=(20, 8, 1)), [A])
    assert (outcome.status, outcome.reason, outcome.signum) == ("finished", None, None)


def test_crawl_that_fetched_nothing_failed_with_the_first_failure() -> None:
    stats = crawled(phuong_an_binh=(0, 0, 2))
    first = "http://an-binh.example.gov.vn/: DNS lookup failed"
    stats[portal_key(A, "first_failure")] = first
    outcome = decide_outcome(stats, [A])
    assert (outcome.status, outcome.reason) == ("failed", f"nothing fetched: 2 requests failed (first: {first})")


def test_one_portal_down_among_others_is_a_finished_run_that_says_so() -> None:
    outcome = decide_outcome(crawled(phuong_an_binh=(20, 8, 0), xa_tan_loc=(0, 0, 3)), [A, B])
    assert (outcome.status, outcome.reason) == ("finished", f"nothing fetched from {B}")


@pytest.mark.parametrize(("signum", "name"), [(signal.SIGINT, "SIGINT"), (signal.SIGTERM, "SIGTERM")])
def test_signal_makes_the_run_interrupted(signum: int, name: str) -> None:
    stats = crawled(phuong_an_binh=(5, 2, 0)) | {"finish_reason": "shutdown"}
    outcome = decide_outcome(stats, [A], signum=signum)
    assert (outcome.status, outcome.signum) == ("interrupted", signum)
    assert outcome.reason == f"interrupted by {name} after 5 pages fetched"


def test_crawl_that_could_not_start_failed() -> None:
    outcome = decide_outcome({}, [A], error="ValueError: could not convert string to float: 'abc'")
    assert outcome.status == "failed" and "could not run" in (outcome.reason or "")


def test_shared_frontier_worker_with_nothing_to_do_is_not_a_failure() -> None:
    assert decide_outcome(crawled(), [A], shared_frontier=True).status == "finished"


def test_operator_bound_stops_are_noted() -> None:
    stats = crawled(phuong_an_binh=(5, 2, 0)) | {"finish_reason": "closespider_timeout"}
    assert decide_outcome(stats, [A]).reason == "stopped early: closespider_timeout"


def summary(stats: dict[str, object], portals: list[str], **fields: object) -> str:
    result = CrawlResult(stats, 12.3, decide_outcome(stats, portals), run_id=4, **fields)  # type: ignore[arg-type]
    return "\n".join(crawl_summary(result, portals, COUNTS, "sqlite:///vnportal.db"))


def test_summary_of_a_failed_crawl_leads_with_the_failure() -> None:
    text = summary(crawled(phuong_an_binh=(0, 0, 2)), [A])
    assert text.splitlines()[1] == "Failed after 12.3 s: nothing fetched: 2 requests failed."
    assert "NOTHING FETCHED" in text and "run: 4 (failed;" in text


def test_summary_flags_a_portal_down_and_a_yield_drop() -> None:
    drop = YieldDrop(A, 2, 40, 5)
    text = summary(crawled(phuong_an_binh=(20, 2, 0), xa_tan_loc=(0, 0, 3)), [A, B], yield_drops=[drop])
    assert text.splitlines()[1:3] == ["Done in 12.3 s.", f"  note: nothing fetched from {B}"]
    assert f"WARNING {A}: 2 articles found, against a median of 40 over its last 5 successful runs" in text


@pytest.mark.parametrize(
    "overrides",
    [
        {"DOWNLOAD_DELAY": "2.5"},
        {"CONCURRENT_REQUESTS": "4"},
        {"ROBOTSTXT_OBEY": "false"},
        {"DOWNLOAD_TIMEOUT": "12.5"},
        {"JOBDIR": "state"},
        {"LOG_LEVEL": "debug"},
        {"DEFAULT_REQUEST_HEADERS": "{}"},
    ],
)
def test_well_typed_settings_pass(overrides: dict[str, str]) -> None:
    assert check_setting_values(overrides, project_settings()) == []


def test_unknown_third_party_setting_is_a_warning_not_an_error() -> None:
    (warning,) = check_setting_values({"SCHEDULER_PERSIST": "True"}, project_settings())
    assert "SCHEDULER_PERSIST: not a Scrapy or vnportal setting" in warning
