"""Two crawls of one portal never overlap on one database (SQLite lock files, PostgreSQL advisory locks);
the second is refused with exit status 75 before it fetches anything."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine

from crawler.cli import main
from crawler.errors import ExitCode
from crawler.locking import CrawlLocked, crawl_lock
from models.session import make_engine
from models.store import Store
from models.testing import sqlite_file_url

A, B = "phuong-an-binh", "xa-tan-loc"
REAL_PORTAL = "kien-an-hai-phong"


@pytest.fixture
def engines(db_url: str) -> Iterator[tuple[Engine, Engine]]:
    """Two engines on one database, as two crawler processes would have."""
    Store(db_url).close()
    first, second = make_engine(db_url), make_engine(db_url)
    yield first, second
    first.dispose()
    second.dispose()


def take(engine: Engine, slugs: list[str], shared: bool = False) -> None:
    """A crawl that takes its locks and ends at once."""
    with crawl_lock(engine, slugs, shared=shared):
        pass


def test_second_crawl_of_the_same_portal_is_refused(engines: tuple[Engine, Engine]) -> None:
    first, second = engines
    with crawl_lock(first, [A, B]), pytest.raises(CrawlLocked, match=f"portal {A} is being crawled"):
        take(second, [A])


def test_crawls_of_other_portals_run_side_by_side(engines: tuple[Engine, Engine]) -> None:
    first, second = engines
    with crawl_lock(first, [A]):
        take(second, [B])


def test_lock_is_free_again_after_the_crawl(engines: tuple[Engine, Engine]) -> None:
    first, second = engines
    take(first, [A])
    take(second, [A])


def test_refused_crawl_keeps_no_lock_it_took(engines: tuple[Engine, Engine]) -> None:
    first, second = engines
    with crawl_lock(first, [B]), pytest.raises(CrawlLocked):
        take(second, [A, B])  # takes A, then fails on B
    take(first, [A])


def test_shared_frontier_workers_share_and_exclude_a_plain_crawl(engines: tuple[Engine, Engine]) -> None:
    first, second = engines
    plain = make_engine(first.url)
    try:
        with crawl_lock(first, [A], shared=True), crawl_lock(second, [A], shared=True), pytest.raises(CrawlLocked):
            take(plain, [A])
    finally:
        plain.dispose()


def test_sqlite_refusal_names_the_holder(tmp_path: Path) -> None:
    url = sqlite_file_url(tmp_path / "locked.db")
    Store(url).close()
    with crawl_lock(make_engine(url), [A]), pytest.raises(CrawlLocked, match=r"\(pid \d+ on .+ since .+ UTC\)"):
        take(make_engine(url), [A])
    assert (tmp_path / "locked.db.locks" / f"{A}.lock").read_text(encoding="utf-8") == ""  # no stale holder


@pytest.mark.parametrize("selection", [["--portal", REAL_PORTAL], ["--all"]])
def test_crawl_command_exits_75_while_another_crawl_holds_the_portal(
    engines: tuple[Engine, Engine], db_url: str, selection: list[str]
) -> None:
    with crawl_lock(engines[0], [REAL_PORTAL]):
        result = CliRunner().invoke(main, ["crawl", *selection, "--db", db_url])
    assert result.exit_code == ExitCode.BUSY, result.output
    assert f"Error: portal {REAL_PORTAL} is being crawled into this database" in result.stderr
    assert "`vnportal runs` lists running crawls" in result.stderr
    with Store(db_url) as store:
        assert store.runs() == []  # refused before a run was started
