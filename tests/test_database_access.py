"""Commands that only read open the database read-only and never create it; database failures are
described in one line (crawler.errors.explain)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from crawler.cli import main
from crawler.errors import Busy, ConfigurationError, CrawlFailed, explain
from models.access import DatabaseAccessError, open_existing, open_read_only
from models.store import Store
from models.testing import sqlite_file_url


def test_read_only_engine_refuses_writes(db_url: str) -> None:
    Store(db_url).close()
    engine = open_read_only(db_url)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM crawl_runs")).scalar() == 0
        with pytest.raises(DBAPIError), engine.begin() as connection:
            connection.execute(text("DELETE FROM crawl_runs"))
    finally:
        engine.dispose()


def test_empty_database_holds_no_vnportal_tables(db_url: str) -> None:
    if db_url.startswith("sqlite"):
        sqlite3.connect(db_url.removeprefix("sqlite:///")).close()
    for opener in (open_read_only, open_existing):
        with pytest.raises(DatabaseAccessError, match="holds no vnportal tables"):
            opener(db_url)


def test_missing_sqlite_file_is_never_created(tmp_path: Path) -> None:
    for opener in (open_read_only, open_existing):
        with pytest.raises(DatabaseAccessError, match="no database at") as caught:
            opener(sqlite_file_url(tmp_path / "typo.db"))
        assert "vnportal crawl --db" in caught.value.hint
    assert list(tmp_path.iterdir()) == []


def test_export_reads_either_backend_without_writing(db_url: str, tmp_path: Path) -> None:
    Store(db_url).close()
    result = CliRunner().invoke(main, ["export", "--db", db_url, "--out", str(tmp_path / "csv")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "csv" / "crawl_runs.csv").is_file()


def sqlite_error(path: Path, statement: str, uri: bool = False) -> BaseException:
    connection = sqlite3.connect(f"file:{path}?mode=ro" if uri else path, timeout=0, uri=uri)
    try:
        connection.execute(statement)
    except sqlite3.Error as error:
        return error
    finally:
        connection.close()
    raise AssertionError(f"{statement} did not fail")


def test_driver_errors_become_one_line_errors(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    sqlite3.connect(path).execute("CREATE TABLE t (a)")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    locked = explain(sqlite_error(path, "INSERT INTO t VALUES (1)"), "x.db")
    holder.execute("ROLLBACK")
    read_only = explain(sqlite_error(path, "INSERT INTO t VALUES (1)", uri=True), "x.db")
    garbage = tmp_path / "notes.db"
    garbage.write_bytes(b"these are my notes, not a database" * 10)
    not_a_database = explain(sqlite_error(garbage, "SELECT * FROM sqlite_master"), "notes.db")
    assert isinstance(locked, Busy) and locked.message.startswith("the database x.db is locked")
    assert isinstance(read_only, CrawlFailed) and read_only.message == "the database x.db is read-only"
    assert isinstance(not_a_database, ConfigurationError) and "notes.db is not a SQLite database" in str(not_a_database)


def test_wrapped_errors_are_found_through_their_causes(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    sqlite3.connect(path).execute("CREATE TABLE t (a)")
    try:
        try:
            raise sqlite_error(path, "INSERT INTO t VALUES (1)", uri=True)
        except sqlite3.Error as error:
            raise RuntimeError("saving article http://x/1 failed") from error
    except RuntimeError as wrapped:
        assert isinstance(explain(wrapped, "x.db"), CrawlFailed)


def test_bugs_are_not_explained_away() -> None:
    assert explain(ZeroDivisionError("division by zero")) is None
