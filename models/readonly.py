"""Read-only access for the commands that only read (search, export, serve): they never create, upgrade or
change a database, and say what to do when there is none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL

from models.migrate import SCRIPT_LOCATION
from models.session import DatabaseConfigError, make_engine, resolve_url


class DatabaseNotReady(DatabaseConfigError):
    """No database at that address, or one this version of vnportal cannot read without upgrading it."""


def sqlite_path(url: URL) -> Path | None:
    database = url.database or ""
    return Path(database).expanduser() if url.get_backend_name() == "sqlite" and database else None


def _read_only_sqlite(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///file:{path.resolve()}?mode=ro&uri=true")

    def pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=30000")  # a crawler may be writing: wait, do not fail
        cursor.execute("PRAGMA query_only=1")
        cursor.close()

    event.listen(engine, "connect", pragmas)
    return engine


def open_read_only(url: str | None) -> Engine:
    """An engine that cannot write, on a database at the newest schema."""
    resolved = resolve_url(url)
    path = sqlite_path(resolved)
    if path is not None:
        if not path.is_file():
            raise DatabaseNotReady(
                f"no database at {path}: run `vnportal demo` or `vnportal crawl` first, or pass --db"
            )
        engine = _read_only_sqlite(path)
    elif resolved.get_backend_name() == "postgresql":
        engine = make_engine(resolved, connect_args={"options": "-c default_transaction_read_only=on"})
    else:
        engine = make_engine(resolved)
    _require_head(engine)
    return engine


def _require_head(engine: Engine) -> None:
    head = ScriptDirectory(SCRIPT_LOCATION).get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    if current is None:
        raise DatabaseNotReady(f"{engine.url.render_as_string()} is not a vnportal database (no schema version)")
    if current != head:
        raise DatabaseNotReady(
            f"the database schema is at {current}, this vnportal needs {head}: run `vnportal reextract` once to "
            "upgrade it (and re-key its documents)"
        )
