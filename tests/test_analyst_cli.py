"""The analyst commands: search, export, serve, and portals' header (thin over models/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from analyst_support import build_two_portal_database
from click.testing import CliRunner

from crawler.cli import main
from models.testing import sqlite_file_url


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = sqlite_file_url(tmp_path_factory.mktemp("db") / "two.db")
    build_two_portal_database(url).close()
    return url


@pytest.mark.parametrize("command", [["search"], ["serve"], ["export"]])
def test_analyst_commands_have_help(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


def test_portals_prints_a_header_then_the_name_and_counts_on_stdout() -> None:
    result = CliRunner().invoke(main, ["portals", "--demo"])
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["SLUG", "LEVEL"] and lines[0].endswith("NAME")
    assert "Cổng thông tin điện tử phường An Khánh (demo)" in result.stdout
    assert lines[-1] == "3 portals"


def test_search_prints_ranked_hits_as_json(db_url: str) -> None:
    result = CliRunner().invoke(main, ["search", "pho bi thu thuong truc huyen uy", "--json", "--db", db_url])
    assert result.exit_code == 0, result.output
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert {h["portal"] for h in hits} == {"huyen-hoa-son"}
    assert all("«Phó Bí thư Thường trực Huyện ủy»" in h["snippet"] for h in hits)


def test_read_only_commands_never_create_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(main, ["search", "dang uy", "--db", sqlite_file_url(missing)])
    assert result.exit_code != 0 and "no database at" in result.output
    assert not missing.exists()


def test_export_writes_parquet_and_a_datapackage(db_url: str, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="Parquet needs pyarrow (extra analyst)")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        ["export", "--db", db_url, "--out", str(out), "--format", "parquet", "--tables", "v_documents,v_positions"],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["datapackage.json", "v_documents.parquet", "v_positions.parquet"]
