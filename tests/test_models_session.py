"""Engine creation: URL resolution, SQLite pragmas, a clear message when a driver is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from models.session import DatabaseConfigError, make_engine, resolve_url


def test_default_is_sqlite_file_in_working_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VNPORTAL_DB", raising=False)
    assert resolve_url(None).render_as_string() == "sqlite:///vnportal.db"


def test_environment_variable_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VNPORTAL_DB", "sqlite:////srv/data/portals.db")
    assert resolve_url(None).database == "/srv/data/portals.db"


def test_argument_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VNPORTAL_DB", "sqlite:////srv/data/portals.db")
    assert resolve_url("sqlite:///other.db").database == "other.db"


def test_bare_path_means_sqlite() -> None:
    url = resolve_url("/tmp/crawl/vnportal.db")
    assert (url.drivername, url.database) == ("sqlite", "/tmp/crawl/vnportal.db")


@pytest.mark.parametrize("given", ["postgresql://u@db.example/vnportal", "postgres://u@db.example/vnportal"])
def test_bare_postgresql_uses_psycopg3(given: str) -> None:
    assert resolve_url(given).drivername == "postgresql+psycopg"


def test_missing_driver_names_url_and_install_command() -> None:
    with pytest.raises(DatabaseConfigError) as caught:
        make_engine("postgresql+psycopg2://analyst:s3cret@db.example/vnportal")
    message = str(caught.value)
    assert "db.example/vnportal" in message and "vnportal[pg]" in message and "s3cret" not in message


@pytest.mark.parametrize(
    ("pragma", "expected"), [("journal_mode", "wal"), ("foreign_keys", 1), ("busy_timeout", 30000)]
)
def test_sqlite_connections_get_pragmas(tmp_path: Path, pragma: str, expected: object) -> None:
    engine = make_engine(str(tmp_path / "vnportal.db"))
    with engine.connect() as conn:
        assert conn.execute(text(f"PRAGMA {pragma}")).scalar() == expected
    engine.dispose()


def test_sqlite_file_in_missing_folder_is_created(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "runs" / "2025" / "vnportal.db"))
    with engine.connect() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    engine.dispose()
    assert (tmp_path / "runs" / "2025" / "vnportal.db").exists()
