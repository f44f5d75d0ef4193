"""Writing an article's facts so that one bad fact never costs the article or the other facts.

A row that cannot fit its columns (`models.bounds.FieldTooLong`) is left out before anything is written.
Otherwise each table takes its rows in one statement; when the database refuses one, `FactsRefused` tells
the store to roll the page back and write it again with `isolate=True`: then every row goes in its own
SAVEPOINT, and only the rows the database refuses are left out. Each row left out is named in `failures`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from models import keys
from models.bounds import FieldTooLong, fitted
from models.tables import Base
from models.transient import is_transient
from models.upsert import UpsertShape, upsert_ids

Row = dict[str, Any]
T = TypeVar("T")
# Which value of a row names it in a failure message, first present wins.
_NAMING_COLUMNS = ("name", "doc_key", "raw", "snippet", "day", "number")
MAX_SHOWN = 80


class FactsRefused(RuntimeError):
    """The database refused a fact table's rows written together; write them one by one instead."""


def describe_row(table: Table, row: Row) -> str:
    shown = next((row[name] for name in _NAMING_COLUMNS if row.get(name)), None)
    text = str(shown) if shown is not None else "row"
    return f"{table.name} {text[:MAX_SHOWN]!r}"


def _short_error(error: DBAPIError) -> str:
    return str(error.orig).strip().splitlines()[0][:200]


@dataclass
class StoredEntities:
    """Which of an article's officials (or documents) are stored, and the id of each."""

    stored: list[Any]
    ids: dict[Any, int]
    key_of: dict[int, Any]  # id(item) -> its row's key

    def id_of(self, item: Any) -> int:
        return self.ids[self.key_of[id(item)]]


@dataclass
class FactWriter:
    """Writes fact rows in one transaction; `failures` names each fact that could not be stored."""

    session: Session
    isolate: bool = False
    failures: list[str] = field(default_factory=list)

    def upsert_ids(self, model: type[Base], rows: list[Row], shape: UpsertShape) -> dict[Any, int]:
        """Shared entities (officials, documents): {key: id} of those stored."""
        table: Table = model.__table__  # type: ignore[assignment]
        rows = self._fitting(table, rows)
        if not self.isolate:
            return self._refusable(lambda: upsert_ids(self.session, model, rows, shape))
        ids: dict[Any, int] = {}
        for row in rows:
            ids.update(self._alone(table, row, lambda row=row: upsert_ids(self.session, model, [row], shape)) or {})
        return ids

    def upsert_entities(
        self, model: type[Base], items: list[Any], rows: list[Row], shape: UpsertShape
    ) -> StoredEntities:
        """`rows[i]` stores `items[i]` (keyed by the shape's one key column)."""
        ids = self.upsert_ids(model, rows, shape)
        key_of = {id(item): row[shape.keys[0]] for item, row in zip(items, rows, strict=True)}
        return StoredEntities([item for item in items if key_of[id(item)] in ids], ids, key_of)

    def insert(self, table: Table, rows: list[Row]) -> None:
        rows = self._fitting(table, rows)
        if not rows:
            return
        if not self.isolate:
            self._refusable(lambda: self.session.execute(table.insert(), rows))
            return
        for row in rows:
            self._alone(table, row, lambda row=row: self.session.execute(table.insert(), [row]))

    def _fitting(self, table: Table, rows: list[Row]) -> list[Row]:
        kept = []
        for row in rows:
            try:
                kept.append(fitted(table, keys.without_nul(row)))
            except FieldTooLong as error:
                self.failures.append(f"{describe_row(table, row)}: {error}")
        return kept

    def _refusable(self, write: Callable[[], T]) -> T:
        try:
            return write()
        except DBAPIError as error:
            if is_transient(error):
                raise
            raise FactsRefused(_short_error(error)) from error

    def _alone(self, table: Table, row: Row, write: Callable[[], T]) -> T | None:
        try:
            with self.session.begin_nested():
                return write()
        except DBAPIError as error:
            if is_transient(error):
                raise
            self.failures.append(f"{describe_row(table, row)}: {_short_error(error)}")
            return None
