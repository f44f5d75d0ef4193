"""Alembic environment: run programmatically by `models.migrate.upgrade_database` (no alembic.ini needed).

The caller passes an open connection in `config.attributes["connection"]`; without one (the alembic CLI
with `-x url=...` or `sqlalchemy.url`), an engine is made the same way the application makes it.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from models.migrate import include_object
from models.session import make_engine
from models.tables import Base

config = context.config
target_metadata = Base.metadata


def _configure_and_run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=include_object,
        compare_type=True,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    engine = make_engine(url)
    with engine.begin() as conn:
        _configure_and_run(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported: run against a database")
run_migrations_online()
