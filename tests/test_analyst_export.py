"""Datasets: CSV, JSON Lines and Parquet of the two-portal database, a datapackage.json, and the filters."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from analyst_support import build_two_portal_database

from models.export import ExportError, ExportOptions, export_dataset
from models.store import Store


@pytest.fixture(scope="module")
def store(module_db_url: str) -> Iterator[Store]:
    built = build_two_portal_database(module_db_url)
    yield built
    built.close()


def export(store: Store, out: Path, **options: object) -> dict[str, Path]:
    paths = export_dataset(store.engine, out, ExportOptions(**options))  # type: ignore[arg-type]
    return {path.name: path for path in paths}


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_keeps_the_column_order_and_iso_days(store: Store, tmp_path: Path) -> None:
    files = export(store, tmp_path, format="jsonl")
    articles = read_jsonl(files["articles.jsonl"])
    package = json.loads(files["datapackage.json"].read_text(encoding="utf-8"))
    fields = next(r for r in package["resources"] if r["path"] == "articles.jsonl")["schema"]["fields"]
    assert list(articles[0]) == [f["name"] for f in fields]
    assert {a["published_on"] for a in articles} == {"2025-03-06", "2025-04-13", "2025-03-11", "2021-06-21"}


def test_parquet_round_trips_rows_and_types(store: Store, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet needs pyarrow (extra analyst)")
    files = export(store, tmp_path, format="parquet")
    documents = pq.read_table(files["v_documents.parquet"]).to_pylist()
    assert sorted(d["code"] for d in documents if d["scope"] == "national") == ["35-CT/TW"]
    articles = pq.read_table(files["articles.parquet"])
    assert str(articles.schema.field("published_on").type) == "date32[day]"
    assert articles.num_rows == 4


def test_datapackage_describes_every_file_with_its_columns(store: Store, tmp_path: Path) -> None:
    files = export(store, tmp_path, format="csv")
    package = json.loads(files["datapackage.json"].read_text(encoding="utf-8"))
    assert {r["path"] for r in package["resources"]} == set(files) - {"datapackage.json"}
    people = next(r for r in package["resources"] if r["path"] == "v_people.csv")
    with files["v_people.csv"].open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert [f["name"] for f in people["schema"]["fields"]] == header
    assert people["encoding"] == "utf-8-sig" and all(f.get("description") for f in people["schema"]["fields"])
    types = {f["name"]: f["type"] for f in people["schema"]["fields"]}
    assert (types["articles"], types["first_seen"], types["name"]) == ("integer", "date", "string")


def test_a_portal_filter_keeps_its_articles_and_what_they_name(store: Store, tmp_path: Path) -> None:
    files = export(store, tmp_path, format="jsonl", portals=("huyen-hoa-son",))
    assert len(read_jsonl(files["articles.jsonl"])) == 2
    documents = read_jsonl(files["documents.jsonl"])
    assert sorted(d["code"] for d in documents) == ["35-CT/TW", "45-KH/HU"]
    assert {p["province"] for p in read_jsonl(files["v_people.jsonl"])} == {"Đông Lâm"}


def test_days_filter_on_publication(store: Store, tmp_path: Path) -> None:
    files = export(store, tmp_path, format="jsonl", since=date(2025, 3, 7), until=date(2025, 12, 31))
    assert sorted(a["published_on"] for a in read_jsonl(files["articles.jsonl"])) == ["2025-03-11", "2025-04-13"]


def test_tables_choose_the_files(store: Store, tmp_path: Path) -> None:
    files = export(store, tmp_path, tables=("v_positions", "documents"))
    assert set(files) == {"v_positions.csv", "documents.csv", "datapackage.json"}
    with pytest.raises(ExportError, match="no table or view named nope"):
        export(store, tmp_path, tables=("nope",))
