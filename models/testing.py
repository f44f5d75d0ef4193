"""Support for tests that need a real database (this project's and the crawler's): a throw-away
PostgreSQL schema per test, so runs are repeatable and parallel runs do not meet."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.engine import make_url

from models.session import make_engine, resolve_url

PG_ENV = "VNPORTAL_TEST_PG_URL"
PG_SKIP_REASON = f"PostgreSQL tests need ${PG_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)"


def pg_test_url() -> str | None:
    return os.environ.get(PG_ENV) or None


@contextmanager
def scratch_pg_schema(base_url: str) -> Iterator[str]:
    """Yield a URL whose connections work in a fresh schema (via search_path); drop it afterwards."""
    schema = f"vnportal_test_{uuid.uuid4().hex[:12]}"
    admin = make_engine(base_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = resolve_url(base_url)
    scoped = url.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield scoped.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def sqlite_file_url(path: os.PathLike[str] | str) -> str:
    return make_url(f"sqlite:///{os.fspath(path)}").render_as_string()


def upgrade_with_own_engine(url: str) -> str:
    """What one freshly started worker does to the schema; "ok" or the error, for multiprocess tests."""
    from models.migrate import upgrade_database  # imported here: only the spawned child needs it

    engine = make_engine(url)
    try:
        upgrade_database(engine)
        return "ok"
    except Exception as exc:  # reported, not raised: the caller compares every worker's outcome
        return f"{type(exc).__name__}: {exc}"
    finally:
        engine.dispose()
