"""Schema upgrades through Alembic, run from code: `upgrade_database(engine_or_url)`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, text

from models.session import engine_from, writer

# A filesystem path rather than "models:migrations": importlib.resources refuses a package that an
# editable install registered as a namespace package, and a path works in every install mode.
SCRIPT_LOCATION = str(Path(__file__).resolve().parent / "migrations")
# Objects that exist in the database but not in the metadata, on purpose: autogenerate must leave them.
IGNORED_TABLE_PREFIXES = ("articles_fts", "sqlite_")
MIGRATION_LOCK_KEY = 7_420_151_031  # any constant shared by every vnportal process
RAW_INDEX_PREFIX = "rx_"  # indexes created with raw SQL in a migration (expression or FTS helpers)


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Alembic hook: hide FTS virtual tables (and their shadow tables) and raw-SQL indexes."""
    if not reflected or compare_to is not None or name is None:
        return True
    if type_ == "table":
        return not name.startswith(IGNORED_TABLE_PREFIXES)
    if type_ == "index":
        return not name.startswith(RAW_INDEX_PREFIX)
    return True


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def lock_exclusively(connection: Connection, key: int) -> None:
    """Hold a database-wide lock named `key` until the transaction ends (SQLite: the write lock)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
    elif connection.dialect.name == "sqlite" and not connection.connection.dbapi_connection.in_transaction:
        # the write lock up front; later starters wait (busy_timeout).
        # (`writer` engines made by make_engine have begun IMMEDIATE already.)
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def lock_for_migration(connection: Connection) -> None:
    """Serialise schema upgrades: crawler workers starting together on an empty database would
    otherwise all try to create the same tables."""
    lock_exclusively(connection, MIGRATION_LOCK_KEY)


def upgrade_database(engine_or_url: Engine | str | None = None, revision: str = "head") -> None:
    """Bring the schema to `revision` (default: the newest). Safe to call on every start, concurrently."""
    engine = engine_from(engine_or_url)
    with writer(engine).begin() as connection:
        lock_for_migration(connection)
        command.upgrade(alembic_config(connection), revision)


def downgrade_database(engine_or_url: Engine | str | None, revision: str) -> None:
    engine = engine_from(engine_or_url)
    with writer(engine).begin() as connection:
        lock_for_migration(connection)
        command.downgrade(alembic_config(connection), revision)
