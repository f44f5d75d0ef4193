"""docs/schema.md describes every table, view and column the migrations make, and is regenerated from code."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from models.migrate import upgrade_database
from models.schema_docs import DOCS_FILE, TABLES, VIEWS, columns_of, describe, render_markdown
from models.session import make_engine
from models.tables import Base


@pytest.fixture(scope="module")
def engine() -> Engine:
    engine = make_engine("sqlite://")
    upgrade_database(engine)
    return engine


def test_every_table_and_view_is_described(engine: Engine) -> None:
    assert set(columns_of(engine)) == {*TABLES, *VIEWS}
    assert set(TABLES) == set(Base.metadata.tables)


def test_every_column_is_described(engine: Engine) -> None:
    missing = [
        f"{name}.{column}"
        for name, columns in columns_of(engine).items()
        for column in columns
        if not describe(name, column)
    ]
    assert missing == []


def test_docs_schema_md_is_in_step_with_the_models(engine: Engine) -> None:
    assert DOCS_FILE.read_text(encoding="utf-8") == render_markdown(columns_of(engine)), (
        "docs/schema.md is stale: run `python -m models.schema_docs`"
    )
