"""Shared fixtures: a database URL for each backend (SQLite file; PostgreSQL when VNPORTAL_TEST_PG_URL is set)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from models.store import Store
from models.testing import PG_SKIP_REASON, pg_test_url, scratch_pg_schema, sqlite_file_url

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)]


@contextmanager
def database_url(backend: str, directory: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file in `directory`, or a throw-away PostgreSQL schema."""
    if backend == "sqlite":
        yield sqlite_file_url(directory / "vnportal.db")
        return
    base = pg_test_url()
    if base is None:
        pytest.skip(PG_SKIP_REASON)
    with scratch_pg_schema(base) as url:
        yield url


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with database_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """A `Store` on a fresh database of each backend."""
    opened = Store(db_url)
    yield opened
    opened.close()


@pytest.fixture(scope="module", params=BACKENDS)
def module_db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with database_url(request.param, tmp_path_factory.mktemp("db")) as url:
        yield url
