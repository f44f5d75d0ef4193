"""The four canned questions of `vnportal serve`, asked of the demo database (crawled by `vnportal demo`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from analyst_support import run_demo

from models.browse import CANNED_QUERIES

QUERIES = {query.name: query.sql for query in CANNED_QUERIES}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return run_demo(tmp_path_factory.mktemp("demo"))


def ask(db: Path, query: str, **params: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(QUERIES[query], params).fetchall()


def test_who_held_which_post_gives_each_title_its_days(demo_db: Path) -> None:
    rows = ask(demo_db, "who_held_which_post", title="Chủ tịch UBND phường", name="Lò Văn Toàn")
    assert [(r[1], r[3], r[5], r[6]) for r in rows] == [
        ("Lò Văn Toàn", "Phó Chủ tịch UBND phường", "2024-12-20", "2025-03-28"),
        ("Lò Văn Toàn", "Chủ tịch UBND phường", "2025-03-28", "2025-09-10"),
    ]


def test_which_articles_cite_a_document(demo_db: Path) -> None:
    rows = ask(demo_db, "articles_citing_document", code="45-KH/HU", place="")
    assert [(r[1], r[5], r[6]) for r in rows] == [("demo-huyen-son-ha", "huyện Sơn Hà", "2025-02-28")]


def test_every_congress_of_a_term_in_a_province(demo_db: Path) -> None:
    rows = ask(demo_db, "congresses_of_a_term_in_a_province", start_year="2025", province="Tây Lâm")
    assert [(r[0], r[3], r[6]) for r in rows] == [
        ("Đảng bộ huyện Sơn Hà", 25, "2025-02-21"),
        ("Đảng bộ xã Nà Bó", 21, "2025-04-15"),
        ("Đảng bộ xã Pá Khoang", 22, "2025-04-28"),
    ]


def test_the_most_cited_documents_per_province(demo_db: Path) -> None:
    rows = ask(demo_db, "most_cited_documents_per_province")
    assert {r[0] for r in rows} == {"Bắc Lâm", "Cao Lâm", "Tây Lâm"}
    son_ha = [r for r in rows if r[0] == "Tây Lâm"]
    assert [r[1] for r in son_ha] == list(range(1, len(son_ha) + 1))
    citations = [r[5] for r in son_ha]
    assert citations == sorted(citations, reverse=True)
    # a district's own code is scoped to the district; a national one has no place
    places = {r[2]: r[4] for r in son_ha}
    assert places["118-KH/HU"] == "huyện Sơn Hà" and places["35-CT/TW"] is None
