"""One document, one person, one congress across articles and portals: two invented district portals in two
provinces share document codes and a name (tests/fixtures/analyst/)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from analyst_support import build_two_portal_database
from sqlalchemy import text

from models.store import Store


@pytest.fixture(scope="module")
def store(module_db_url: str) -> Iterator[Store]:
    built = build_two_portal_database(module_db_url)
    yield built
    built.close()


def rows(store: Store, sql: str, **params: Any) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(text(sql), params)]


def test_a_shared_local_code_stays_two_documents(store: Store) -> None:
    found = rows(store, "SELECT place, citations FROM v_documents WHERE code = '45-KH/HU' AND year = 2025")
    assert sorted(found, key=lambda r: r["place"]) == [
        {"place": "huyện Hòa Sơn", "citations": 2},
        {"place": "huyện Tân Yên", "citations": 1},
    ]


def test_a_national_code_is_one_document_with_both_citations(store: Store) -> None:
    (found,) = rows(store, "SELECT scope, place, citations, portals FROM v_documents WHERE code = '35-CT/TW'")
    assert found == {"scope": "national", "place": None, "citations": 2, "portals": 2}


def test_the_year_separates_a_number_reused_across_years(store: Store) -> None:
    found = rows(store, "SELECT year FROM v_documents WHERE code = '45-KH/HU' AND place = 'huyện Tân Yên' ORDER BY 1")
    assert found == [{"year": 2021}, {"year": 2025}]


def test_conflicting_issue_dates_are_kept_per_citation_and_flagged(store: Store) -> None:
    (document,) = rows(
        store,
        "SELECT document_id, issue_dates, date_conflict FROM v_documents "
        "WHERE code = '45-KH/HU' AND place = 'huyện Hòa Sơn'",
    )
    assert (document["issue_dates"], document["date_conflict"]) == (2, 1)
    days = rows(
        store,
        "SELECT issued_on FROM v_document_citations WHERE document_id = :d ORDER BY issued_on",
        d=document["document_id"],
    )
    assert [str(r["issued_on"]) for r in days] == ["2025-02-27", "2025-02-28"]


def test_a_shared_name_in_two_provinces_stays_two_people(store: Store) -> None:
    found = rows(store, "SELECT name, province, articles FROM v_people WHERE name = 'Nguyễn Văn An'")
    assert sorted(found, key=lambda r: r["province"] != "Đông Lâm") == [
        {"name": "Nguyễn Văn An", "province": "Đông Lâm", "articles": 2},
        {"name": "Nguyễn Văn An", "province": "Vạn Phúc", "articles": 2},
    ]


def test_every_link_of_a_person_says_why(store: Store) -> None:
    links = rows(store, "SELECT province, reason FROM v_person_links WHERE name = 'Nguyễn Văn An'")
    assert sorted(link["province"] for link in links) == sorted(["Đông Lâm", "Vạn Phúc"])
    assert all("Đông Lâm" in link["reason"] or "Vạn Phúc" in link["reason"] for link in links)


def test_positions_give_each_title_with_its_days_and_articles(store: Store) -> None:
    found = rows(
        store,
        "SELECT title, status, first_seen, last_seen, articles FROM v_positions "
        "WHERE name = 'Nguyễn Văn An' AND province = 'Vạn Phúc'",
    )
    assert [(r["title"], r["status"], str(r["first_seen"]), str(r["last_seen"]), r["articles"]) for r in found] == [
        ("Chủ tịch UBND huyện Tân Yên", "current", "2021-06-21", "2025-03-11", 2)
    ]


def test_a_congress_and_its_committee_are_one_congress_with_its_day(store: Store) -> None:
    (found,) = rows(
        store, "SELECT body, province, ordinal, start_year, held_on, mentions FROM v_congresses WHERE ordinal = 21"
    )
    assert {**found, "held_on": str(found["held_on"])} == {
        "body": "Đảng bộ xã Hòa Bình",
        "province": "Đông Lâm",
        "ordinal": 21,
        "start_year": 2025,
        "held_on": "2025-04-12",
        "mentions": 2,
    }


def test_the_national_party_congress_has_no_place(store: Store) -> None:
    (found,) = rows(store, "SELECT body, place FROM v_congresses WHERE ordinal = 14")
    assert found == {"body": "Đảng Cộng sản Việt Nam", "place": None}


def test_resolving_again_keeps_the_ids(store: Store) -> None:
    from models.resolve import resolve_entities

    before = rows(store, "SELECT person_id, province FROM v_people ORDER BY person_id")
    resolve_entities(store.engine)
    assert rows(store, "SELECT person_id, province FROM v_people ORDER BY person_id") == before


def test_a_title_status_is_stored_and_the_latest_shown(db_url: str) -> None:
    from datetime import date

    from extractors.types import Article, Facts, Official, PageContent, TitleStatus
    from models.records import PortalRecord
    from models.resolve import resolve_entities

    store = Store(db_url)
    store.upsert_portal(
        PortalRecord("p", "Cổng thông tin điện tử huyện Hòa Sơn", "http://p.test/", "district", "Đông Lâm")
    )
    title = "Chủ tịch UBND huyện Hòa Sơn"
    for day, status in ((date(2021, 6, 1), TitleStatus.ELECTED), (date(2025, 3, 1), TitleStatus.RELIEVED)):
        official = Official("Trần Văn Bình", [title], title_status={title: status})
        content = PageContent(text=f"Ông Trần Văn Bình, {title}.", title="Tin", published_on=day)
        store.save_article(None, "p", Article(content, Facts(officials=[official]), url=f"http://p.test/{day}"))
    resolve_entities(store.engine)
    statuses = rows(store, "SELECT status FROM v_position_mentions ORDER BY seen_on")
    assert [r["status"] for r in statuses] == ["elected", "relieved"]
    (position,) = rows(store, "SELECT status, first_seen, last_seen, articles FROM v_positions")
    assert (position["status"], str(position["first_seen"]), position["articles"]) == ("relieved", "2021-06-01", 2)
    store.close()
