"""Every failure mode a cron job meets ends in one or two lines on stderr and a documented exit status:
0 success, 1 failed, 2 bad usage or configuration, 75 busy, 130 interrupted (see crawler.errors)."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from crawler.cli import main
from crawler.errors import ExitCode
from models.migrate import upgrade_database
from models.session import make_engine
from models.store import Store
from models.testing import sqlite_file_url

REGISTRIES = Path(__file__).parent / "fixtures" / "registry"
REAL_PORTAL = "kien-an-hai-phong"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def stored_db(tmp_path: Path) -> str:
    url = sqlite_file_url(tmp_path / "stored.db")
    Store(url).close()
    return url


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def assert_one_error(result: Result, code: int, *phrases: str) -> None:
    """The exit status, phrases in the message, and no traceback: an error and at most a hint line."""
    assert result.exit_code == code, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for phrase in phrases:
        assert phrase in result.stderr


# bad usage and configuration: 2 ---------------------------------------------------------------------------


def test_setting_of_the_wrong_type_is_refused_before_the_crawl(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    result = runner.invoke(main, ["crawl", "--portal", REAL_PORTAL, "--db", str(db), "--set", "DOWNLOAD_DELAY=abc"])
    assert_one_error(result, ExitCode.USAGE, "DOWNLOAD_DELAY takes a number (default 1.0)")
    assert not db.exists()


@pytest.mark.parametrize(
    ("pair", "phrase"),
    [
        ("ROBOTSTXT_OBEY=maybe", "ROBOTSTXT_OBEY takes true/false"),
        ("CONCURRENT_REQUESTS=lots", "CONCURRENT_REQUESTS takes a number"),
        ("VNPORTAL_REFETCH_AFTER_DAY=3", "no such vnportal setting"),
        ("LOG_LEVEL=LOUD", "LOG_LEVEL takes one of"),
        ("DOWNLOAD_DELAY", "--set expects NAME=VALUE"),
    ],
)
def test_bad_settings_are_usage_errors(runner: CliRunner, tmp_path: Path, pair: str, phrase: str) -> None:
    result = runner.invoke(main, ["crawl", "--portal", REAL_PORTAL, "--db", str(tmp_path / "x.db"), "--set", pair])
    assert_one_error(result, ExitCode.USAGE, phrase)


def test_registry_with_an_invalid_selector_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    registry = REGISTRIES / "bad-selector.toml"
    result = runner.invoke(
        main, ["crawl", "--registry", str(registry), "--portal", "phuong-thu-nghiem", "--db", str(tmp_path / "x.db")]
    )
    assert_one_error(result, ExitCode.USAGE, "not a valid CSS selector", "bad-selector.toml")


def test_reextract_of_an_unknown_portal_names_the_stored_ones(runner: CliRunner, stored_db: str) -> None:
    result = runner.invoke(main, ["reextract", "--db", stored_db, "--portal", "nope"])
    assert_one_error(result, ExitCode.USAGE, "no portal 'nope' in this database", "portals stored: none yet")


@pytest.mark.parametrize("command", [["reextract"], ["export", "--out", "csv"], ["runs"], ["runs", "--json"]])
def test_commands_that_need_a_database_never_create_one(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, [*command, "--db", "vnportl.db"])
    assert_one_error(result, ExitCode.USAGE, "no database at vnportl.db", "a crawl creates it")
    assert list(tmp_path.iterdir()) == []  # no database file, no export folder


def test_a_file_without_vnportal_tables_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    result = runner.invoke(main, ["runs", "--db", str(other)])
    assert_one_error(result, ExitCode.USAGE, "holds no vnportal tables")


def test_an_older_schema_is_not_upgraded_by_a_read_only_command(runner: CliRunner, tmp_path: Path) -> None:
    url = sqlite_file_url(tmp_path / "old.db")
    engine = make_engine(url)
    upgrade_database(engine, "0002")
    engine.dispose()
    result = runner.invoke(main, ["runs", "--db", url])
    assert_one_error(result, ExitCode.USAGE, "schema revision 0002", "vnportal reextract")


# failures: 1 -----------------------------------------------------------------------------------------------


def test_read_only_database_for_a_crawl(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "readonly.db"
    sqlite3.connect(path).close()
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    result = runner.invoke(main, ["crawl", "--portal", REAL_PORTAL, "--db", url])
    assert_one_error(result, ExitCode.FAILED, "is read-only", "permissions")


def test_unreachable_database_server(runner: CliRunner) -> None:
    pytest.importorskip("psycopg")
    url = f"postgresql+psycopg://vnportal@127.0.0.1:{closed_port()}/vnportal"
    result = runner.invoke(main, ["runs", "--db", url])
    assert_one_error(result, ExitCode.FAILED, "cannot reach the database server", "is the server running")


def test_unexpected_error_is_one_line_and_a_bug_report_hint(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_path: object) -> None:
        raise RuntimeError("registry cache corrupted")

    monkeypatch.setattr("crawler.cli.load_registry", broken)
    result = runner.invoke(main, ["portals"])
    assert_one_error(result, ExitCode.FAILED, "unexpected RuntimeError: registry cache corrupted", "--debug")


def test_debug_shows_the_traceback(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def broken(_path: object) -> None:
        raise RuntimeError("registry cache corrupted")

    monkeypatch.setattr("crawler.cli.load_registry", broken)
    assert isinstance(runner.invoke(main, ["--debug", "portals"]).exception, RuntimeError)
    known = runner.invoke(main, ["--debug", "runs", "--db", str(tmp_path / "missing.db")])
    assert known.exit_code == ExitCode.USAGE
    assert "Traceback" in known.stderr and "Error: no database at" in known.stderr


# busy: 75 ----------------------------------------------------------------------------------------------------


def test_locked_database(runner: CliRunner, stored_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("models.session.SQLITE_PRAGMAS", ("PRAGMA busy_timeout=50",))
    path = stored_db.removeprefix("sqlite:///")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = runner.invoke(main, ["reextract", "--db", stored_db])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_one_error(result, ExitCode.BUSY, "is locked by another process", "try again")


# interrupted: 130 --------------------------------------------------------------------------------------------


def test_ctrl_c_in_a_command_exits_130(runner: CliRunner, stored_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("models.reextract.reextract", interrupted)
    result = runner.invoke(main, ["reextract", "--db", stored_db])
    assert_one_error(result, ExitCode.INTERRUPTED, "interrupted by SIGINT")


def test_interrupted_export_leaves_no_partial_files(
    runner: CliRunner, stored_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from models import export

    real_write = export.write_csv
    written: list[Path] = []

    def write_then_interrupt(path: Path, *args: object, **kwargs: object) -> Path:
        if written:
            raise KeyboardInterrupt
        written.append(real_write(path, *args, **kwargs))  # type: ignore[arg-type]
        return path

    out = tmp_path / "csv"
    monkeypatch.setattr(export, "write_csv", write_then_interrupt)
    result = runner.invoke(main, ["export", "--db", stored_db, "--out", str(out)])
    assert result.exit_code == ExitCode.INTERRUPTED
    assert written and not out.exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging folder left


def test_export_replaces_files_only_when_complete(runner: CliRunner, stored_db: str, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    out.mkdir()
    (out / "articles.csv").write_text("old", encoding="utf-8")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    result = runner.invoke(main, ["export", "--db", stored_db, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "articles.csv").read_text(encoding="utf-8-sig").startswith("id,")
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert str(out / "articles.csv") in result.stdout.splitlines()
