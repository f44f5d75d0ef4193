"""Crawl locks: two crawls of the same portal never run at once on one database.

One lock per portal, so `crawl --all` excludes every other crawl while `crawl --portal a` and
`crawl --portal b` may run side by side. Workers sharing a Redis frontier take the locks shared: they
coexist with each other, never with a plain crawl. The locks die with their process (kill -9 included):

- SQLite: `flock` on one file per portal in the folder `<database>.locks/` beside the database file; the
  file names the holder (pid, host, start) for the refusal message.
- PostgreSQL: session advisory locks (`pg_try_advisory_lock`) on a connection held for the crawl, keyed
  by the schema and the portal (test schemas in one database do not meet).
- Other databases and in-memory SQLite: no lock.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import socket
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, Engine, text

from crawler.errors import Busy
from models.access import sqlite_file

HINT = "wait for it to finish (`vnportal runs` lists running crawls), or crawl other portals"


class CrawlLocked(Busy):
    """Another crawl holds at least one of the portals."""


def lock_folder(database: Path) -> Path:
    return database.with_name(database.name + ".locks")


def _holder() -> str:
    return f"pid {os.getpid()} on {socket.gethostname()} since {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"


def _flock(path: Path, shared: bool) -> IO[str] | None:
    """The open, locked file; None when another process holds a conflicting lock."""
    handle = path.open("a+", encoding="utf-8")
    try:
        fcntl.flock(handle, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    if not shared:
        handle.seek(0)
        handle.truncate()
        handle.write(_holder() + "\n")
        handle.flush()
    return handle


def _release(handle: IO[str], shared: bool) -> None:
    if not shared:  # no stale holder left behind for the next refusal message
        handle.truncate(0)
    handle.close()


def _sqlite_locks(database: Path, slugs: list[str], shared: bool, stack: ExitStack) -> None:
    folder = lock_folder(database)
    folder.mkdir(parents=True, exist_ok=True)
    for slug in slugs:
        path = folder / f"{slug}.lock"
        handle = _flock(path, shared)
        if handle is None:
            held = path.read_text(encoding="utf-8").strip() or "another process"
            raise CrawlLocked(f"portal {slug} is being crawled into this database ({held})", HINT)
        stack.callback(_release, handle, shared)


def advisory_key(schema: str, slug: str) -> int:
    digest = hashlib.sha256(f"vnportal-crawl:{schema}:{slug}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _pg_locks(connection: Connection, slugs: list[str], shared: bool, stack: ExitStack) -> None:
    schema = connection.execute(text("SELECT current_schema()")).scalar() or "public"
    suffix = "_shared" if shared else ""
    for slug in slugs:
        key = advisory_key(schema, slug)
        if not connection.execute(text(f"SELECT pg_try_advisory_lock{suffix}(:key)"), {"key": key}).scalar():
            raise CrawlLocked(f"portal {slug} is being crawled into this database by another process", HINT)
        stack.callback(connection.execute, text(f"SELECT pg_advisory_unlock{suffix}(:key)"), {"key": key})
    connection.commit()


@contextmanager
def crawl_lock(engine: Engine, slugs: list[str], *, shared: bool = False) -> Iterator[None]:
    """Hold the portals' locks for the block; raise `CrawlLocked` (exit 75) when one is taken."""
    ordered = sorted(set(slugs))
    with ExitStack() as stack:
        if engine.dialect.name == "sqlite":
            database = sqlite_file(engine.url)
            if database is not None:
                _sqlite_locks(database, ordered, shared, stack)
        elif engine.dialect.name == "postgresql":
            connection = stack.enter_context(engine.connect())
            _pg_locks(connection, ordered, shared, stack)
        yield
