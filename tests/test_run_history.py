"""Crawl runs as an operator reads them: killed runs closed as interrupted, `vnportal runs`, yield drops."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from click.testing import CliRunner
from scrapy.utils.test import get_crawler
from sqlalchemy import update

from crawler.cli import main
from crawler.crawl_stats import portal_key
from crawler.extensions import RunOutcomeExtension
from crawler.registry import Portal, load_registry
from crawler.spiders.portal import PortalSpider
from crawler.yield_check import DROPS_KEY, YieldRule, drops_as_stats, yield_drops
from models.records import RunRecord
from models.runs import RunOwner, abandonment_reason
from models.store import Store
from models.tables import CrawlRunRow

SLUG = "phuong-an-binh"
OTHER = "xa-tan-loc"
LEASE = timedelta(minutes=15)
NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def finished_process_pid() -> int:
    """The pid of a process that has exited (and been reaped): nothing runs under it now."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def row(host: str, pid: int | None, heartbeat: datetime | None, started: datetime = NOW) -> CrawlRunRow:
    return CrawlRunRow(
        id=1, status="running", portals=[SLUG], host=host, pid=pid, heartbeat_at=heartbeat, started_at=started
    )


def seen_stats(seen: dict[str, int]) -> dict[str, int]:
    return {portal_key(slug, "stored"): count for slug, count in seen.items()}


def history(*seen: int, slug: str = SLUG) -> list[RunRecord]:
    """Earlier finished runs of `slug`, newest first, with `seen` articles each."""
    return [
        RunRecord(
            id=100 - i,
            started_at=NOW,
            finished_at=NOW,
            status="finished",
            portals=[slug],
            stats=seen_stats({slug: count}),
        )
        for i, count in enumerate(seen)
    ]


# killed runs -------------------------------------------------------------------------------------------


def test_run_of_a_dead_process_on_this_host_is_abandoned_at_once() -> None:
    owner = RunOwner.current()
    reason = abandonment_reason(row(owner.host, finished_process_pid(), NOW), owner, NOW, LEASE)
    assert reason is not None and "ended without closing the run" in reason


def test_run_of_a_live_process_on_this_host_is_left_running() -> None:
    owner = RunOwner.current()
    parent = os.getppid()  # alive, and not this process
    assert abandonment_reason(row(owner.host, parent, NOW), owner, NOW, LEASE) is None


def test_run_on_another_host_is_abandoned_only_after_the_lease() -> None:
    owner = RunOwner.current()
    recent = row("worker-7", 4242, NOW - timedelta(minutes=5))
    stale = row("worker-7", 4242, NOW - timedelta(minutes=16))
    assert abandonment_reason(recent, owner, NOW, LEASE) is None
    assert "no heartbeat since 2026-03-02 00:44 UTC" in (abandonment_reason(stale, owner, NOW, LEASE) or "")


def test_new_run_closes_the_run_of_a_killed_crawl_as_interrupted(store: Store) -> None:
    killed = store.start_run([SLUG])
    with store.engine.begin() as connection:
        connection.execute(update(CrawlRunRow).where(CrawlRunRow.id == killed).values(pid=finished_process_pid()))
    store.start_run([SLUG])
    old, new = store.runs()
    assert (old.status, new.status) == ("interrupted", "running")
    assert old.reason is not None and "killed?" in old.reason
    assert old.finished_at is not None


def test_heartbeat_moves_forward(store: Store) -> None:
    run_id = store.start_run([SLUG])
    (before,) = store.runs()
    store.heartbeat(run_id)
    (after,) = store.runs()
    assert before.heartbeat_at is not None and after.heartbeat_at is not None
    assert after.heartbeat_at > before.heartbeat_at


# yield drops ---------------------------------------------------------------------------------------------


def test_portal_below_thirty_percent_of_its_median_is_flagged() -> None:
    (drop,) = yield_drops([SLUG], seen_stats({SLUG: 11}), history(40, 38, 45, 41, 39))
    assert (drop.slug, drop.seen, drop.median, drop.runs) == (SLUG, 11, 40, 5)
    assert "template changed or portal moved?" in drop.message()


def test_portal_at_its_usual_yield_is_not_flagged() -> None:
    assert yield_drops([SLUG], seen_stats({SLUG: 30}), history(40, 38, 45, 41, 39)) == []


def test_portal_that_found_nothing_at_all_is_flagged() -> None:
    (drop,) = yield_drops([SLUG], {}, history(12, 10, 14))
    assert drop.seen == 0


def test_fresh_skipped_articles_count_toward_the_yield() -> None:
    incremental = {portal_key(SLUG, "stored"): 3, portal_key(SLUG, "skipped_fresh"): 35}
    assert yield_drops([SLUG], incremental, history(40, 38, 45, 41, 39)) == []


def test_only_the_last_five_runs_of_that_portal_count() -> None:
    older_runs = history(40, 40, 40, 40, 40, 400, 400, 400)
    assert yield_drops([SLUG], seen_stats({SLUG: 20}), older_runs) == []


def test_no_judgement_with_short_history_small_portals_or_other_portals_runs() -> None:
    assert yield_drops([SLUG], {}, history(40, 40)) == []  # two earlier runs only
    assert yield_drops([SLUG], {}, history(3, 4, 2, 3, 4)) == []  # median below 5: noise
    assert yield_drops([SLUG], {}, history(40, 40, 40, slug=OTHER)) == []


def test_failed_and_interrupted_runs_are_not_history() -> None:
    broken = [
        RunRecord(id=i, started_at=NOW, finished_at=NOW, status=status, portals=[SLUG], stats={})
        for i, status in enumerate(["failed", "interrupted", "failed"])
    ]
    assert yield_drops([SLUG], seen_stats({SLUG: 2}), broken + history(40, 40, 40)) != []
    assert yield_drops([SLUG], seen_stats({SLUG: 2}), broken) == []


def test_ratio_zero_turns_the_check_off() -> None:
    assert yield_drops([SLUG], {}, history(40, 40, 40), YieldRule(ratio=0)) == []


def test_flags_are_kept_in_the_runs_stats() -> None:
    stats = drops_as_stats(yield_drops([SLUG], {}, history(40, 40, 40)))
    assert stats[portal_key(SLUG, "yield_median")] == 40
    assert SLUG in str(stats[DROPS_KEY])


# vnportal runs ---------------------------------------------------------------------------------------------


def _synthetic_runs(store: Store) -> None:
    first = store.start_run([SLUG])
    store.finish_run(first, {"vnportal/fetched": 120, "vnportal/stored": 80, "vnportal/failed": 2})
    second = store.start_run([SLUG, OTHER])
    reason = "nothing fetched: 9 requests failed"
    store.finish_run(second, {"vnportal/fetched": 0, "vnportal/failed": 9}, "failed", reason)
    third = store.start_run([SLUG])
    stats = {"vnportal/fetched": 50, "vnportal/stored": 4, DROPS_KEY: f"{SLUG}: 4 articles found"}
    store.finish_run(third, stats)


def test_runs_lists_recent_runs_newest_first(store: Store, db_url: str) -> None:
    _synthetic_runs(store)
    result = CliRunner().invoke(main, ["runs", "--db", db_url])
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header.split()[:8] == ["id", "started", "(UTC)", "duration", "status", "fetched", "stored", "failed"]
    assert [line.split()[0] for line in rows] == ["3", "2", "1"]
    assert rows[1].split()[4:8] == ["failed", "0", "0", "9"]
    assert rows[1].endswith("nothing fetched: 9 requests failed")
    assert f"yield dropped: {SLUG}: 4 articles found" in rows[0]


def test_runs_limit_and_json(store: Store, db_url: str) -> None:
    _synthetic_runs(store)
    result = CliRunner().invoke(main, ["runs", "--db", db_url, "--limit", "2", "--json"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == [3, 2]
    failed = records[1]
    assert (failed["status"], failed["reason"], failed["portals"]) == (
        "failed",
        "nothing fetched: 9 requests failed",
        [SLUG, OTHER],
    )
    assert (failed["fetched"], failed["stored"], failed["failed"]) == (0, 0, 9)
    assert records[0]["seconds"] >= 0 and records[0]["host"] == RunOwner.current().host


# closing a crawl's run from inside Scrapy (any entry point, `scrapy crawl` included) --------------------------


class ClosingCrawl:
    """A crawler whose pipeline opened run `run_id` for `slugs`, about to close with some stats."""

    def __init__(self, store: Store, slugs: list[str], stats: dict[str, int]) -> None:
        self.crawler = get_crawler(PortalSpider, {"VNPORTAL_DB": "unused"})
        self.spider = PortalSpider(portals=[registry_portal(slug) for slug in slugs])
        self.crawler.vnportal_store = store  # type: ignore[attr-defined]
        self.crawler.vnportal_run_id = store.start_run(slugs)  # type: ignore[attr-defined]
        for key, value in stats.items():
            self.crawler.stats.set_value(key, value)

    def close(self, reason: str) -> RunRecord:
        RunOutcomeExtension.from_crawler(self.crawler).closed(self.spider, reason)
        return self.crawler.vnportal_store.recent_runs(limit=1)[0]  # type: ignore[attr-defined]


def registry_portal(slug: str) -> Portal:
    model = load_registry().select(demo=False)[0]
    return dataclasses.replace(model, slug=slug)


def test_crawl_closed_by_a_signal_is_interrupted(store: Store) -> None:
    run = ClosingCrawl(store, [SLUG], {portal_key(SLUG, "fetched"): 3, "vnportal/fetched": 3}).close("shutdown")
    assert (run.status, run.reason) == ("interrupted", "interrupted by SIGINT after 3 pages fetched")


def test_crawl_flags_the_portal_whose_yield_fell_against_its_history(store: Store) -> None:
    for seen in (40, 42, 39, 41, 45):
        ClosingCrawl(
            store, [SLUG], {portal_key(SLUG, "fetched"): 60, "vnportal/fetched": 60, portal_key(SLUG, "stored"): seen}
        ).close("finished")
    closing = ClosingCrawl(
        store, [SLUG], {portal_key(SLUG, "fetched"): 8, "vnportal/fetched": 8, portal_key(SLUG, "stored"): 2}
    )
    run = closing.close("finished")
    (drop,) = closing.crawler.vnportal_yield_drops  # type: ignore[attr-defined]
    assert (drop.seen, drop.median) == (2, 41)
    assert run.status == "finished"
    assert "template changed or portal moved?" in run.stats[DROPS_KEY]
