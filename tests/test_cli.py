"""The `vnportal` commands through click's runner (the crawl itself is covered by test_demo_crawl)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawler.cli import main

MIRROR = Path(__file__).parent / "fixtures" / "mirror"
ARTICLE = next((MIRROR / "huyen-dong-phu" / "articles").glob("*.html"))
CONTRACT_KEYS = {"source", "title", "published_on", "author", "text", "officials", "documents", "terms", "dates"}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize(
    "command", [[], ["demo"], ["crawl"], ["extract"], ["export"], ["portals"], ["reextract"], ["runs"]]
)
def test_every_command_has_help(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_portals_lists_the_registry(runner: CliRunner) -> None:
    result = runner.invoke(main, ["portals", "--real"])
    assert result.exit_code == 0
    assert "kien-an-hai-phong" in result.output
    assert "demo-" not in result.output


def test_portals_json_gives_one_object_per_portal(runner: CliRunner) -> None:
    result = runner.invoke(main, ["portals", "--demo", "--json"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {row["slug"] for row in rows} == {"demo-phuong-an-khanh", "demo-huyen-son-ha", "demo-huyen-dong-phu"}


def test_extract_prints_one_json_line_with_every_contract_key(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", str(ARTICLE), str(ARTICLE)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert record.keys() >= CONTRACT_KEYS
    assert record["source"] == str(ARTICLE)


def test_extract_published_on_option_sets_the_date(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", "--published-on", "2024-01-02", str(ARTICLE)])
    assert json.loads(result.stdout)["published_on"] == "2024-01-02"


def test_extract_reports_unreadable_input_and_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    odd = tmp_path / "scan.pdf"
    odd.write_bytes(b"%PDF-1.4")
    result = runner.invoke(main, ["extract", str(odd), str(ARTICLE), str(tmp_path / "missing.html")])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert "expected an .html/.htm page or a .txt page dump" in result.stderr
    assert "missing.html" in result.stderr


def test_crawl_needs_a_portal_or_all(runner: CliRunner) -> None:
    result = runner.invoke(main, ["crawl"])
    assert result.exit_code == 2
    assert "--portal SLUG" in result.output


def test_crawl_unknown_portal_says_how_to_list_them(runner: CliRunner) -> None:
    result = runner.invoke(main, ["crawl", "--portal", "khong-co-that"])
    assert result.exit_code == 2
    assert "vnportal portals" in result.output


def test_crawl_refuses_demo_portals(runner: CliRunner) -> None:
    result = runner.invoke(main, ["crawl", "--portal", "demo-huyen-son-ha"])
    assert result.exit_code == 2
    assert "vnportal demo" in result.output


def test_crawl_rejects_a_malformed_setting(runner: CliRunner) -> None:
    result = runner.invoke(main, ["crawl", "--portal", "kien-an-hai-phong", "--set", "DOWNLOAD_DELAY"])
    assert result.exit_code == 2
    assert "NAME=VALUE" in result.output


def test_export_writes_csv_files_of_an_existing_database(runner: CliRunner, tmp_path: Path) -> None:
    from models.store import Store

    db_url = f"sqlite:///{tmp_path / 'x.db'}"
    Store(db_url).close()
    result = runner.invoke(main, ["export", "--db", db_url, "--out", str(tmp_path / "csv")])
    assert result.exit_code == 0
    assert (tmp_path / "csv" / "articles.csv").is_file()


def test_frontier_needs_redis(runner: CliRunner) -> None:
    result = runner.invoke(main, ["crawl", "--portal", "kien-an-hai-phong", "--frontier", "x"])
    assert result.exit_code == 2
    assert "--frontier needs --redis URL" in result.output
