"""Engines and sessions: one place that turns a URL (or nothing) into a configured engine."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_URL = "sqlite:///vnportal.db"
ENV_VAR = "VNPORTAL_DB"
SQLITE_PRAGMAS = (
    # first: switching to WAL needs a lock that another process may hold for a moment
    "PRAGMA busy_timeout=30000",  # two crawler processes share one file: wait instead of failing
    "PRAGMA journal_mode=WAL",  # readers (analysts, exports) do not block the crawler's writes
    "PRAGMA foreign_keys=ON",  # SQLite ignores FOREIGN KEY clauses unless told otherwise
    "PRAGMA synchronous=NORMAL",  # safe with WAL, much faster than FULL
)
# Execution option of an engine whose transactions write: on SQLite they begin IMMEDIATE (see `writer`).
WRITE_OPTION = "vnportal_writes"
# Bare dialect names get the driver the project installs (SQLAlchemy's default would be psycopg2).
DRIVER_FOR_DIALECT = {"postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg"}
INSTALL_HINT = {
    "postgresql": "pip install 'vnportal[pg]' (psycopg 3) and use postgresql:// or postgresql+psycopg://",
    "mysql": "pip install pymysql  (and use mysql+pymysql://)",
}


class DatabaseConfigError(RuntimeError):
    """The database URL cannot be used: bad syntax or a missing driver (the message says what to install)."""


def resolve_url(url: str | None = None) -> URL:
    """The URL to use: the argument, else $VNPORTAL_DB, else ./vnportal.db. A bare path means SQLite."""
    raw = url or os.environ.get(ENV_VAR) or DEFAULT_URL
    if "://" not in raw:
        raw = f"sqlite:///{raw}"
    try:
        parsed = make_url(raw)
    except ArgumentError as exc:
        raise DatabaseConfigError(f"cannot parse database URL {raw!r}: {exc}") from exc
    driver = DRIVER_FOR_DIALECT.get(parsed.drivername)
    return parsed.set(drivername=driver) if driver else parsed


def _missing_driver(url: URL, exc: Exception) -> DatabaseConfigError:
    hint = INSTALL_HINT.get(url.get_backend_name(), f"install the DB-API driver for {url.drivername}")
    shown = url.render_as_string(hide_password=True)
    return DatabaseConfigError(f"no database driver for {shown}: {exc}. Install it: {hint}")


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # SQLAlchemy, not the driver, starts transactions (`_begin_sqlite_transaction`); the driver's own
    # implicit BEGIN would make SAVEPOINTs and BEGIN IMMEDIATE unusable
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _begin_sqlite_transaction(connection: Any) -> None:
    """A writing transaction takes the write lock when it begins (waiting up to busy_timeout for it): a
    deferred one that read first fails with "database is locked" when it then writes beside another
    process. Reading transactions stay deferred, so exports never hold the crawler up."""
    immediate = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def writer(engine: Engine) -> Engine:
    """The same engine (and pool), its transactions marked as writing."""
    return engine.execution_options(**{WRITE_OPTION: True})


def _create_parent_directory(url: URL) -> None:
    """`--db out/run1.db` should just work: SQLite creates the file, not the folder."""
    database = url.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def make_engine(url: str | URL | None = None, **engine_kwargs: Any) -> Engine:
    """An engine for `url` (see `resolve_url`), with SQLite pragmas set on every connection."""
    resolved = url if isinstance(url, URL) else resolve_url(url)
    try:
        engine = create_engine(resolved, **engine_kwargs)
    except (NoSuchModuleError, ModuleNotFoundError, ImportError) as exc:
        raise _missing_driver(resolved, exc) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin_sqlite_transaction)
        _create_parent_directory(resolved)
    return engine


def engine_from(engine_or_url: Engine | str | None) -> Engine:
    return engine_or_url if isinstance(engine_or_url, Engine) else make_engine(engine_or_url)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: ids and fields stay readable after the transaction that wrote them
    return sessionmaker(engine, expire_on_commit=False)
