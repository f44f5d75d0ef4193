"""CSV export: one Excel-readable, injection-safe file per table and analyst view."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from models.export import export_csv, format_cell, neutralize
from models.jsonl import article_from_record
from models.records import FetchedPage, PortalRecord
from models.store import Store
from models.tables import Base

FIXTURES = Path(__file__).parent / "fixtures" / "models"
PORTAL = PortalRecord("binhtritay", "Cổng TTĐT phường Bình Trị Tây", "https://binhtritay.example.gov.vn/")
FETCHED_AT = datetime(2025, 6, 15, 2, 30, tzinfo=UTC)
VIEWS = [
    "v_article_dates",
    "v_article_officials",
    "v_article_sittings",
    "v_article_terms",
    "v_congresses",
    "v_document_citations",
    "v_documents",
    "v_people",
    "v_person_links",
    "v_position_mentions",
    "v_positions",
]


@pytest.fixture(scope="module")
def db_url(module_db_url: str) -> str:
    return module_db_url


@pytest.fixture(scope="module")
def exported(db_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A database holding both fixture articles with their pages, exported once for every test."""
    root = tmp_path_factory.mktemp("export")
    store = Store(db_url)
    store.upsert_portal(PORTAL)
    html = (FIXTURES / "page_tandan_article.html").read_bytes()
    for name in ("article_congress", "article_council_session"):
        article = article_from_record(json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8")))
        page = FetchedPage(article.url or "", None, 200, FETCHED_AT, PORTAL.slug, html)
        store.save_article(store.record_page(page, "article"), PORTAL.slug, article)
    store.record_failure(store.start_run([PORTAL.slug]), "https://binhtritay.example.gov.vn/x", "=HYPERLINK(1)")
    paths = [p for p in export_csv(store.engine, root / "csv") if p.suffix == ".csv"]
    store.close()
    return {path.stem: path for path in paths}


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_one_file_per_table_and_view(exported: dict[str, Path]) -> None:
    assert sorted(exported) == sorted([*Base.metadata.tables, *VIEWS])


@pytest.mark.parametrize("name", ["articles", "pages", "v_article_officials"])
def test_files_start_with_utf8_bom(exported: dict[str, Path], name: str) -> None:
    assert exported[name].read_bytes().startswith(b"\xef\xbb\xbf")


def test_raw_html_is_not_exported(exported: dict[str, Path]) -> None:
    header = read_rows(exported["pages"])[0].keys()
    assert "html_gz" not in header and "content_hash" in header


def test_multiline_text_survives_the_round_trip(exported: dict[str, Path]) -> None:
    record = json.loads((FIXTURES / "article_congress.json").read_text(encoding="utf-8"))
    texts = {row["title"]: row["text"] for row in read_rows(exported["articles"])}
    assert texts[record["title"]] == record["text"]


def test_cell_starting_with_a_dash_bullet_is_defused(exported: dict[str, Path]) -> None:
    leads = [row["lead"] for row in read_rows(exported["articles"]) if row["lead"]]
    assert leads == ["'- Đại hội xác định 3 khâu đột phá cho nhiệm kỳ mới."]


def test_formula_in_failure_reason_is_defused(exported: dict[str, Path]) -> None:
    assert [row["reason"] for row in read_rows(exported["crawl_failures"])] == ["'=HYPERLINK(1)"]


def test_view_rows_name_article_and_official(exported: dict[str, Path]) -> None:
    rows = read_rows(exported["v_article_officials"])
    pairs = {(row["official_name"], row["official_title"]) for row in rows}
    assert ("Hồ Quang Tín", "Chủ tịch HĐND phường") in pairs and ("Đoàn Thị Mỹ Duyên", "") in pairs


def test_dates_view_exports_iso_days_and_flags(exported: dict[str, Path]) -> None:
    rows = read_rows(exported["v_article_dates"])
    assert ("2025-06-14", "1") in {(row["mentioned_day"], row["year_inferred"]) for row in rows}


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=SUM(A1:A3)", "'=SUM(A1:A3)"),
        ("+84 912 000 111", "'+84 912 000 111"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\tindented", "'\tindented"),
        ("\rcarriage", "'\rcarriage"),
        ("-2+3", "'-2+3"),
        ("- Đồng chí Lê Văn Tâm", "'- Đồng chí Lê Văn Tâm"),
        ("-12", "-12"),
        ("-3,5", "-3,5"),
        ("-", "-"),
        ("Đảng ủy xã", "Đảng ủy xã"),
        ("", ""),
    ],
)
def test_neutralize(cell: str, expected: str) -> None:
    assert neutralize(cell) == expected


@pytest.mark.parametrize(("value", "expected"), [(-5, "-5"), (None, ""), (True, "1"), ({"pages": 2}, '{"pages": 2}')])
def test_format_cell_keeps_numbers_and_serialises_json(value: object, expected: str) -> None:
    assert format_cell(value) == expected
