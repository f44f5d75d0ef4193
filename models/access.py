"""Opening a database that must already exist: read-only for commands that only read (export, runs,
search), read-write without creating it for commands that change stored rows (reextract).

`Store(url)` creates a missing SQLite file and builds the schema: right for a crawl, wrong for a mistyped
`--db` given to a command that only reads. SQLite files are opened through URIs (`mode=ro` / `mode=rw`),
which fail instead of creating; PostgreSQL sessions are set read-only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL

from models.migrate import alembic_config
from models.session import make_engine, resolve_url

HOW_TO_CREATE = "a crawl creates it: `vnportal crawl --db URL --portal SLUG` (or `vnportal demo --db URL`)"
READ_ONLY_PRAGMAS = ("PRAGMA query_only=ON", "PRAGMA busy_timeout=30000")


class DatabaseAccessError(RuntimeError):
    """The database cannot be opened as asked; `hint` says what to do."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def shown(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL; None for an in-memory database or another dialect."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    database = url.database
    if database.startswith("file:"):
        database = database[len("file:") :].split("?", 1)[0]
    return Path(database).expanduser()


def _sqlite_uri(url: URL, path: Path, mode: str) -> URL:
    uri = f"file:{quote(str(path.resolve()))}?mode={mode}"
    return url.set(database=uri, query={**url.query, "uri": "true"})


def _set_read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in READ_ONLY_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _set_read_only_session(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    cursor.close()
    dbapi_connection.commit()


def _require_file(url: URL) -> Path | None:
    path = sqlite_file(url)
    if path is not None and not path.is_file():
        raise DatabaseAccessError(f"no database at {path}", HOW_TO_CREATE)
    return path


def schema_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at; None when it holds no vnportal schema."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _check_schema(engine: Engine, url: URL) -> None:
    revision = schema_revision(engine)
    if revision is None:
        raise DatabaseAccessError(f"{shown(url)} holds no vnportal tables", HOW_TO_CREATE)
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if revision != head:
        raise DatabaseAccessError(
            f"the database {shown(url)} has schema revision {revision}, this vnportal reads {head}",
            "upgrade it by running any writing command on it (`vnportal crawl` or `vnportal reextract`), "
            "or use the vnportal version that made it",
        )


def open_read_only(url: str | URL | None = None) -> Engine:
    """An engine that can only read an existing, up-to-date vnportal database; never creates one."""
    resolved = url if isinstance(url, URL) else resolve_url(url)
    path = _require_file(resolved)
    if path is not None:
        engine = create_engine(_sqlite_uri(resolved, path, "ro"))
        event.listen(engine, "connect", _set_read_only_pragmas)
    else:
        engine = make_engine(resolved)
        if engine.dialect.name == "postgresql":
            event.listen(engine, "connect", _set_read_only_session)
    try:
        _check_schema(engine, resolved)
    except BaseException:
        engine.dispose()
        raise
    return engine


def open_existing(url: str | URL | None = None) -> Engine:
    """A read-write engine on a database that must exist already (a SQLite file is never created)."""
    resolved = url if isinstance(url, URL) else resolve_url(url)
    path = _require_file(resolved)
    engine = make_engine(_sqlite_uri(resolved, path, "rw") if path is not None else resolved)
    if schema_revision(engine) is None:
        engine.dispose()
        raise DatabaseAccessError(f"{shown(resolved)} holds no vnportal tables", HOW_TO_CREATE)
    return engine
