"""INSERT ... ON CONFLICT for SQLite and PostgreSQL, so that concurrent crawler workers cannot race a
select-then-insert into a duplicate-key error. Other dialects get a plain select-then-write fallback.

A shape with nothing to update inserts with DO NOTHING and reads the id back: an existing row is then
neither rewritten nor locked (a no-op DO UPDATE would rewrite every official of every article and hold
its row lock until the end of the page's transaction). Every row is fitted to its columns
(`models.bounds.fitted`) before it is written.

Statements are built once per shape and executed with parameters, so SQLAlchemy's compiled cache is hit
(building `excluded` and the ON CONFLICT clause per call cost more than the database work).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Table, func, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from models.bounds import fitted
from models.tables import Base

_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


@dataclass(frozen=True)
class UpsertShape:
    """Which columns identify a row and how an existing row takes the new values."""

    keys: tuple[str, ...]
    overwrite: tuple[str, ...] = ()  # take the new value
    fill_if_null: tuple[str, ...] = ()  # take the new value only where the row has none

    @property
    def updates(self) -> bool:
        return bool(self.overwrite or self.fill_if_null)


@lru_cache(maxsize=64)
def _upsert_statement(dialect: str, table: Table, shape: UpsertShape, returning: bool) -> Any:
    stmt = _INSERTS[dialect](table)
    if shape.updates:
        set_: dict[str, Any] = {name: stmt.excluded[name] for name in shape.overwrite}
        set_.update({name: func.coalesce(table.c[name], stmt.excluded[name]) for name in shape.fill_if_null})
        stmt = stmt.on_conflict_do_update(index_elements=list(shape.keys), set_=set_)
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=list(shape.keys))
    return stmt.returning(table.c.id) if returning else stmt


def upsert_id(session: Session, model: type[Base], values: dict[str, Any], shape: UpsertShape) -> int:
    """Insert `values` or update the row with the same keys; return the row's id."""
    table: Table = model.__table__  # type: ignore[assignment]
    values = fitted(table, values)
    dialect = session.get_bind().dialect.name
    if dialect not in _INSERTS:
        return _select_then_write(session, table, values, shape)
    found = session.execute(_upsert_statement(dialect, table, shape, True), values).scalar()
    return int(found) if found is not None else _existing_id(session, table, values, shape)


def insert_new_id(session: Session, model: type[Base], values: dict[str, Any], keys: tuple[str, ...]) -> int | None:
    """Insert `values` unless a row has the same keys: the new row's id, or None when one existed
    (also when another transaction inserted it meanwhile: PostgreSQL waits for that one to commit)."""
    table: Table = model.__table__  # type: ignore[assignment]
    values = fitted(table, values)
    shape = UpsertShape(keys)
    dialect = session.get_bind().dialect.name
    if dialect not in _INSERTS:
        if _existing_id(session, table, values, shape) is not None:
            return None
        return int(session.execute(table.insert().values(**values).returning(table.c.id)).scalar_one())
    found = session.execute(_upsert_statement(dialect, table, shape, True), values).scalar()
    return None if found is None else int(found)


def upsert_ids(session: Session, model: type[Base], rows: list[dict[str, Any]], shape: UpsertShape) -> dict[Any, int]:
    """Upsert many rows in two statements; return {key value (or tuple of them): id}."""
    table: Table = model.__table__  # type: ignore[assignment]
    if not rows:
        return {}
    rows = [fitted(table, row) for row in rows]
    dialect = session.get_bind().dialect.name
    if dialect not in _INSERTS:
        return {_key(row, shape): _select_then_write(session, table, row, shape) for row in rows}
    # one row per key (first wins), in key order: two workers locking the same keys in the same order
    # cannot deadlock on PostgreSQL
    by_key = {_key(row, shape): row for row in reversed(rows)}
    unique = [by_key[key] for key in sorted(by_key, key=str)]
    session.execute(_upsert_statement(dialect, table, shape, False), unique)
    columns = [table.c[k] for k in shape.keys]
    wanted = {_key(row, shape) for row in rows}
    where = columns[0].in_(wanted) if len(columns) == 1 else tuple_(*columns).in_(wanted)
    found = session.execute(select(table.c.id, *columns).where(where))
    return {(r[1] if len(columns) == 1 else tuple(r[1:])): int(r[0]) for r in found}


def _key(row: dict[str, Any], shape: UpsertShape) -> Any:
    return row[shape.keys[0]] if len(shape.keys) == 1 else tuple(row[k] for k in shape.keys)


def _existing_id(session: Session, table: Table, values: dict[str, Any], shape: UpsertShape) -> int | None:
    where = [table.c[k] == values[k] for k in shape.keys]
    found = session.execute(select(table.c.id).where(*where)).scalar_one_or_none()
    return None if found is None else int(found)


def _select_then_write(session: Session, table: Table, values: dict[str, Any], shape: UpsertShape) -> int:
    existing = _existing_id(session, table, values, shape)
    if existing is None:
        return int(session.execute(table.insert().values(**values).returning(table.c.id)).scalar_one())
    set_: dict[str, Any] = {name: values[name] for name in shape.overwrite}
    set_.update({name: func.coalesce(table.c[name], values[name]) for name in shape.fill_if_null})
    if set_:
        session.execute(update(table).where(table.c.id == existing).values(**set_))
    return existing
