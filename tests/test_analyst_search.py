"""Ranked, diacritic-insensitive search (SQLite FTS5, PostgreSQL text search) over the two-portal database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from analyst_support import build_two_portal_database
from sqlalchemy.orm import Session

from models.search import SearchHit, search
from models.store import Store


@pytest.fixture(scope="module")
def store(module_db_url: str) -> Iterator[Store]:
    built = build_two_portal_database(module_db_url)
    yield built
    built.close()


def found(store: Store, query: str, **options: object) -> list[SearchHit]:
    with Session(store.engine) as session:
        return search(session, query, **options)  # type: ignore[arg-type]


def test_plain_letters_find_the_toned_words_and_d_finds_đ(store: Store) -> None:
    hits = found(store, "dang bo xa hoa binh")
    assert hits and hits[0].title == "Đảng bộ xã Hòa Bình tổ chức Đại hội đại biểu lần thứ XXI"
    assert "«Đảng bộ xã Hòa Bình»" in hits[0].snippet


def test_the_article_saying_it_most_ranks_first(store: Store) -> None:
    hits = found(store, "Chủ tịch UBND huyện Tân Yên")
    assert [h.portal for h in hits] == ["huyen-tan-yen-vp", "huyen-tan-yen-vp"]
    assert hits[0].score >= hits[1].score


def test_portal_and_since_narrow_the_results(store: Store) -> None:
    assert {h.portal for h in found(store, "ke hoach 45", portal="huyen-hoa-son")} == {"huyen-hoa-son"}
    recent = found(store, "nguyen van an", since=date(2025, 1, 1))
    assert len(recent) == 3 and all(h.published_on and h.published_on >= date(2025, 1, 1) for h in recent)


def test_a_query_of_no_words_finds_nothing(store: Store) -> None:
    assert found(store, " -- ") == []


def test_the_database_index_answers_the_search(store: Store) -> None:
    """SQLite: the FTS5 table is queried; PostgreSQL: the GIN index of the folded text is used."""
    from sqlalchemy import select, text

    from models.search import ranked_article_ids

    with store.engine.connect() as connection:
        dialect = connection.dialect.name
        if dialect == "postgresql":
            connection.execute(text("SET enable_seqscan = off"))
        ranked = ranked_article_ids(Session(bind=connection), ["huyen", "uy"], dialect)
        compiled = select(ranked.c.id).compile(connection, compile_kwargs={"literal_binds": True})
        plan = " ".join(
            str(r[-1])
            for r in connection.execute(
                text(f"EXPLAIN QUERY PLAN {compiled}" if dialect == "sqlite" else f"EXPLAIN {compiled}")
            )
        )
    assert ("VIRTUAL TABLE INDEX" in plan) if dialect == "sqlite" else ("rx_articles_search" in plan)
