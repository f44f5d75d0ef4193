"""Alembic migrations build exactly the tables the models declare, plus the analyst views."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from models.migrate import IGNORED_TABLE_PREFIXES, downgrade_database, include_object, upgrade_database
from models.session import make_engine
from models.tables import Base
from models.testing import (
    sqlite_file_url,
    upgrade_with_own_engine,
)

WORKERS = 6
WORKER_TIMEOUT_S = 120  # a hang fails the test instead of blocking the run
ANALYST_VIEWS = {
    "v_article_officials",
    "v_document_citations",
    "v_article_terms",
    "v_article_dates",
    "v_documents",
    "v_positions",
    "v_position_mentions",
    "v_people",
    "v_person_links",
    "v_congresses",
}


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    made = make_engine(db_url)
    yield made
    made.dispose()


@pytest.fixture
def url(db_url: str) -> str:
    return db_url


def schema_diff(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object, "compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def test_migrations_create_exactly_the_declared_tables(engine: Engine) -> None:
    upgrade_database(engine)
    assert schema_diff(engine) == []


def test_migrated_table_names_match_metadata(engine: Engine) -> None:
    upgrade_database(engine)
    tables = {t for t in inspect(engine).get_table_names() if not t.startswith(IGNORED_TABLE_PREFIXES)}
    assert tables - {"alembic_version"} == set(Base.metadata.tables)


def test_analyst_views_exist_after_upgrade(engine: Engine) -> None:
    upgrade_database(engine)
    assert set(inspect(engine).get_view_names()) >= ANALYST_VIEWS


def test_upgrading_twice_changes_nothing(engine: Engine) -> None:
    upgrade_database(engine)
    upgrade_database(engine)
    assert schema_diff(engine) == []


def test_downgrade_to_base_leaves_no_tables(engine: Engine) -> None:
    upgrade_database(engine)
    downgrade_database(engine, "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}


def test_fts_tables_and_raw_indexes_are_not_reported_as_drift(tmp_path: Path) -> None:
    engine = make_engine(sqlite_file_url(tmp_path / "vnportal.db"))
    upgrade_database(engine)
    assert "articles_fts" in inspect(engine).get_table_names()  # made by the migrations, with its triggers
    with engine.begin() as conn:
        conn.execute(text("CREATE INDEX rx_articles_author ON articles (author)"))
    assert schema_diff(engine) == []


def test_workers_starting_together_on_an_empty_database_all_succeed(url: str) -> None:
    # processes, as real workers are (alembic's module-level context is not thread-safe)
    with multiprocessing.get_context("spawn").Pool(WORKERS) as pool:
        outcomes = pool.map_async(upgrade_with_own_engine, [url] * WORKERS).get(timeout=WORKER_TIMEOUT_S)
    assert outcomes == ["ok"] * WORKERS
