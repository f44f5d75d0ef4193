"""Rows fitted to their columns at the storage boundary, the same on every database.

PostgreSQL refuses a string longer than its `varchar(n)` column, SQLite stores it whole: left alone, one
over-long value loses a whole article on one backend and not on the other. A descriptive column is cut to
fit; a column that identifies its row (unique, alone or in a constraint) is never cut, since two different
values would then name one row: such a row is refused with `FieldTooLong`, for the caller to record.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import String, Table, UniqueConstraint


class FieldTooLong(ValueError):
    """A key value longer than its column: the row cannot be stored without merging it with others."""


@lru_cache(maxsize=64)
def column_limits(table: Table) -> dict[str, int]:
    """{column: max characters} for the bounded string columns of `table`."""
    return {
        column.name: column.type.length
        for column in table.columns
        if isinstance(column.type, String) and column.type.length
    }


@lru_cache(maxsize=64)
def key_columns(table: Table) -> frozenset[str]:
    unique = {column.name for column in table.columns if column.unique or column.primary_key}
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            unique.update(column.name for column in constraint.columns)
    return frozenset(unique)


def fitted(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """`row` with descriptive strings cut to their column; raises `FieldTooLong` for a key that is too long."""
    limits = column_limits(table)
    over = [name for name, limit in limits.items() if isinstance(row.get(name), str) and len(row[name]) > limit]
    if not over:
        return row
    keys = key_columns(table)
    for name in over:
        if name in keys:
            raise FieldTooLong(
                f"{table.name}.{name} holds at most {limits[name]} characters, got {len(row[name]):,}: "
                f"{row[name][:60]!r}…"
            )
    return row | {name: row[name][: limits[name]] for name in over}
