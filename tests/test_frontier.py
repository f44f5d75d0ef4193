"""The shared Redis frontier: entries are never unpickled, and a killed worker's requests are not lost.

Needs Redis: `VNPORTAL_TEST_REDIS_URL` (set by .ci/run); skipped with the reason shown when unset. Every test
uses its own frontier name, removed afterwards.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler
from sqlalchemy import text
from twisted.internet import task

from crawler.registry import load_registry
from crawler.run import distributed_settings
from crawler.spiders.portal import PortalSpider
from extractors.types import Article, Facts, PageContent
from models.records import FetchedPage, PortalRecord
from models.session import make_engine
from models.store import Store

REDIS_URL = os.environ.get("VNPORTAL_TEST_REDIS_URL")
TESTS = Path(__file__).parent
MANIFEST = json.loads((TESTS / "fixtures" / "mirror" / "manifest.json").read_text(encoding="utf-8"))
ARTICLES = {a["path"] for portal in MANIFEST["portals"].values() for a in portal["articles"]}
pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(not REDIS_URL, reason="VNPORTAL_TEST_REDIS_URL is not set (no Redis for the frontier)"),
]


@pytest.fixture
def redis_client() -> Any:
    import redis

    return redis.Redis.from_url(REDIS_URL)


class Touch:
    """Unpickling this creates a file: the proof that an entry ran code."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Any, tuple[Path]]:
        return (Path.touch, (self.path,))


def open_worker(frontier: str, name: str, db_url: str, lease: float = 30.0) -> Any:
    from crawler.frontier import FrontierScheduler

    settings = {
        **distributed_settings(REDIS_URL or "", frontier),
        "VNPORTAL_FRONTIER_WORKER": name,
        "VNPORTAL_FRONTIER_LEASE_SECONDS": lease,
        "VNPORTAL_DB": db_url,
    }
    crawler = get_crawler(PortalSpider, settings)
    spider = PortalSpider.from_crawler(crawler, portals=load_registry().select(demo=True))
    crawler.spider = spider
    scheduler = FrontierScheduler.from_crawler(crawler)
    scheduler.clock = task.Clock()  # heartbeats are called by the tests, not by a reactor
    scheduler.open(spider)
    return scheduler


def article_urls(count: int) -> list[str]:
    return [f"http://huyen-son-ha.mirror.test/portal/Pages/2025-2-{day}/bai-{day}.aspx" for day in range(1, count + 1)]


def enqueue_articles(scheduler: Any, urls: list[str]) -> None:
    portal = scheduler.spider.portals["demo-huyen-son-ha"]
    for url in urls:
        assert scheduler.enqueue_request(scheduler.spider._article_request(url, portal))


def queued(client: Any, frontier: str) -> int:
    return int(client.zcard(f"vnportal:{frontier}:requests"))


def in_flight(client: Any, frontier: str, worker: str) -> int:
    return int(client.scard(f"vnportal:{frontier}:inflight:{worker}"))


def test_the_poisoned_entry_would_run_code_under_scrapy_redis_default_pickle(tmp_path: Path) -> None:
    from scrapy_redis import picklecompat

    marker = tmp_path / "ran"
    picklecompat.loads(pickle.dumps(Touch(marker)))
    assert marker.exists()  # so the refusal below is a real refusal


def test_a_pickled_entry_is_refused_and_nothing_runs(
    tmp_path: Path, frontier: str, db_url: str, redis_client: Any
) -> None:
    marker = tmp_path / "ran"
    worker = open_worker(frontier, "w1", db_url)
    redis_client.zadd(f"vnportal:{frontier}:requests", {pickle.dumps(Touch(marker)): -100})
    enqueue_articles(worker, article_urls(1))
    request = worker.next_request()
    assert request is not None and request.url == article_urls(1)[0]
    assert not marker.exists()
    assert worker.stats.get_value("vnportal/frontier/refused_entries") == 1
    assert worker.next_request() is None and in_flight(redis_client, frontier, "w1") == 1  # only the real one


def test_marking_seen_and_queueing_is_one_step(frontier: str, db_url: str, redis_client: Any) -> None:
    worker = open_worker(frontier, "w1", db_url)
    enqueue_articles(worker, article_urls(2))
    portal = worker.spider.portals["demo-huyen-son-ha"]
    assert not worker.enqueue_request(worker.spider._article_request(article_urls(1)[0], portal))
    assert queued(redis_client, frontier) == 2
    assert redis_client.scard(f"vnportal:{frontier}:dupefilter") == 2


def test_a_stored_page_leaves_the_in_flight_set(frontier: str, db_url: str, redis_client: Any) -> None:
    worker = open_worker(frontier, "w1", db_url)
    enqueue_articles(worker, article_urls(2))
    first, second = worker.next_request(), worker.next_request()
    assert in_flight(redis_client, frontier, "w1") == 2
    worker.item_done(item=None, response=HtmlResponse(first.url, body=b"", request=first))
    assert in_flight(redis_client, frontier, "w1") == 1
    worker.close("finished")
    assert in_flight(redis_client, frontier, "w1") == 0 and second is not None


def test_a_dead_workers_requests_go_back_to_the_queue(frontier: str, db_url: str, redis_client: Any) -> None:
    dying = open_worker(frontier, "dying", db_url)
    enqueue_articles(dying, article_urls(5))
    popped = [dying.next_request() for _ in range(3)]
    survivor = open_worker(frontier, "survivor", db_url)
    assert survivor.reclaim_dead() == 0  # its heartbeat is fresh: alive
    redis_client.delete(f"vnportal:{frontier}:worker:dying")  # the lease expires: killed
    assert survivor.reclaim_dead() == 3
    assert queued(redis_client, frontier) == 5 and in_flight(redis_client, frontier, "dying") == 0
    assert {survivor.next_request().url for _ in range(5)} == set(article_urls(5)) >= {r.url for r in popped}


def test_a_worker_restarted_under_its_name_requeues_what_it_held(frontier: str, db_url: str, redis_client: Any) -> None:
    first_run = open_worker(frontier, "worker-1", db_url)
    enqueue_articles(first_run, article_urls(3))
    first_run.next_request()
    first_run.next_request()  # then killed: its heartbeat is still fresh
    second_run = open_worker(frontier, "worker-1", db_url)
    assert second_run.stats.get_value("vnportal/frontier/reclaimed") == 2
    assert queued(redis_client, frontier) == 3 and in_flight(redis_client, frontier, "worker-1") == 0


def test_pages_stored_since_the_frontier_started_are_not_reclaimed(
    frontier: str, db_url: str, redis_client: Any
) -> None:
    dying = open_worker(frontier, "dying", db_url)
    enqueue_articles(dying, article_urls(3))
    stored = dying.next_request()
    dying.next_request()
    store_page(db_url, stored.url)
    redis_client.delete(f"vnportal:{frontier}:worker:dying")
    survivor = open_worker(frontier, "survivor", db_url)  # reclaims on start
    assert survivor.stats.get_value("vnportal/frontier/reclaimed") == 1
    assert survivor.stats.get_value("vnportal/frontier/reclaimed_already_stored") == 1
    assert queued(redis_client, frontier) == 2


def test_a_silent_worker_holding_requests_keeps_the_others_open(frontier: str, db_url: str, redis_client: Any) -> None:
    silent = open_worker(frontier, "silent", db_url)
    enqueue_articles(silent, article_urls(1))
    silent.next_request()
    waiting = open_worker(frontier, "waiting", db_url)
    heartbeat = f"vnportal:{frontier}:worker:silent"
    redis_client.set(heartbeat, "100", px=int((silent.lease - 10) * 1000))  # last beat 10 s ago, lease runs
    assert waiting.busy(idle_seconds=0) and queued(redis_client, frontier) == 0
    redis_client.delete(heartbeat)  # the lease expired: its request is reclaimed
    assert waiting.busy(idle_seconds=0) and queued(redis_client, frontier) == 1
    waiting.next_request()
    waiting.close("finished")
    assert not open_worker(frontier, "last", db_url).busy(idle_seconds=0)


def test_an_idle_worker_that_still_beats_does_not_keep_the_others_open(
    frontier: str, db_url: str, redis_client: Any
) -> None:
    idle = open_worker(frontier, "idle", db_url)
    enqueue_articles(idle, article_urls(1))
    idle.next_request()  # a listing, say: it stays in flight until the worker finishes
    redis_client.set(f"vnportal:{frontier}:worker:idle", "100", px=int(idle.lease * 1000))  # idle 100 s
    other = open_worker(frontier, "other", db_url)
    other.last_activity -= 60  # itself idle for a minute
    assert not other.busy(idle_seconds=6)
    redis_client.set(f"vnportal:{frontier}:worker:idle", "1", px=int(idle.lease * 1000))  # active a second ago
    assert other.busy(idle_seconds=6)


def store_page(db_url: str, url: str) -> None:
    store = Store(db_url)
    store.upsert_portal(
        PortalRecord(
            slug="demo-huyen-son-ha",
            name="Sơn Hà",
            base_url="http://huyen-son-ha.mirror.test/",
            level="district",
            province="Tây Lâm",
            cms="sharepoint-tandan",
        )
    )
    page = FetchedPage(
        url=url,
        final_url=url,
        status=200,
        fetched_at=datetime.now(UTC),
        portal_slug="demo-huyen-son-ha",
        html=b"<html></html>",
    )
    article = Article(PageContent(text="Một bài viết đã lưu.", title="Bài đã lưu"), Facts(), url=url)
    store.save_page(page, kind="article", article=article)
    store.close()


# --- two workers on the mirror, one killed with SIGKILL mid-crawl, then restarted -------------------------


def start_worker(workdir: Path, frontier: str, db_url: str, name: str, **settings: object) -> subprocess.Popen[str]:
    settings = {
        "VNPORTAL_FRONTIER_WORKER": name,
        "VNPORTAL_FRONTIER_LEASE_SECONDS": 2.0,
        "VNPORTAL_FRONTIER_IDLE_SECONDS": 3.0,
        **settings,
    }
    command = [
        sys.executable,
        str(TESTS / "frontier_worker.py"),
        REDIS_URL or "",
        frontier,
        db_url,
        json.dumps(settings),
    ]
    return subprocess.Popen(command, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wait_until(condition: Any, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def rows(db_url: str, sql: str) -> list[tuple]:
    engine = make_engine(db_url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql))]
    except Exception:  # the schema is not there yet
        return []
    finally:
        engine.dispose()


def finished(worker: subprocess.Popen[str]) -> dict[str, Any]:
    output, _ = worker.communicate(timeout=300)
    assert worker.returncode == 0, output
    return json.loads(output.strip().splitlines()[-1])


def test_a_restart_finishes_what_a_killed_worker_held(
    tmp_path: Path, frontier: str, db_url: str, redis_client: Any
) -> None:
    # the slow worker pops requests faster than it fetches them: it dies holding several, some stored
    killed = start_worker(tmp_path, frontier, db_url, "killed", DOWNLOAD_DELAY=1.0)
    wait_until(lambda: in_flight(redis_client, frontier, "killed") >= 3 and rows(db_url, "SELECT id FROM articles"))
    steady = start_worker(tmp_path, frontier, db_url, "steady", DOWNLOAD_DELAY=0.2)
    wait_until(lambda: redis_client.exists(f"vnportal:{frontier}:worker:steady"))
    killed.kill()
    killed.wait()
    held = in_flight(redis_client, frontier, "killed")
    restarted = start_worker(tmp_path, frontier, db_url, "restarted")
    stats = [finished(steady), finished(restarted)]
    assert (
        sum(s.get("vnportal/frontier/reclaimed", 0) for s in stats)
        + sum(s.get("vnportal/frontier/reclaimed_already_stored", 0) for s in stats)
        == held
        > 0
    )
    stored = [
        urlsplit(url)._replace(scheme="", netloc="").geturl()
        for (url,) in rows(db_url, "SELECT canonical_url FROM articles")
    ]
    assert sorted(stored) == sorted(ARTICLES)  # every article, each once
