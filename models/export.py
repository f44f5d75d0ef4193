"""CSV export for analysts: one file per table and per `v_*` view, opened correctly by Excel.

- `utf-8-sig`: Excel reads UTF-8 only when the file starts with a BOM.
- CSV injection: a text cell starting with = + - @ TAB or CR would be run as a formula by a spreadsheet, so
  it gets a leading apostrophe ("'=SUM(A1)"; "- Đồng chí ..." bullet lines too). Kept as they are: numbers
  stored as numbers, and text that is only a signed number ("-12", "-3,5") or only dashes ("-", "--"),
  which spreadsheets read as a value, never as a formula.
- Newlines inside cells stay, inside quotes (the csv module quotes them). Raw page bodies are left out.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, LargeBinary, Table, inspect, select, text

from models.session import engine_from
from models.tables import Base

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
HARMLESS_LEADING = re.compile(r"[+-]?\d+(?:[.,]\d+)*|-+")
VIEW_PREFIX = "v_"
ENCODING = "utf-8-sig"
FETCH_BATCH = 1000
Progress = Callable[[str, int], None]  # (file name, rows written so far)


def neutralize(value: str) -> str:
    """Defuse spreadsheet formulas: prefix an apostrophe to text a spreadsheet would evaluate."""
    if value.startswith(FORMULA_TRIGGERS) and not HARMLESS_LEADING.fullmatch(value):
        return "'" + value
    return value


def format_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, datetime):
        # PostgreSQL hands back zone-aware crawl times, SQLite naive UTC ones: print both as naive UTC
        moment = value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
        return moment.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return neutralize(json.dumps(value, ensure_ascii=False))
    return neutralize(str(value))


def write_csv(path: Path, header: list[str], rows: Iterable[Iterable[Any]], progress: Progress | None = None) -> Path:
    with path.open("w", encoding=ENCODING, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        done = 0
        for done, row in enumerate(rows, 1):
            writer.writerow([format_cell(v) for v in row])
            if progress is not None and done % FETCH_BATCH == 0:
                progress(path.name, done)
        if progress is not None:
            progress(path.name, done)
    return path


def _stream(connection: Connection, statement: Any) -> Iterator[Any]:
    result = connection.execution_options(yield_per=FETCH_BATCH).execute(statement)
    yield from result


def export_table(connection: Connection, table: Table, out_dir: Path, progress: Progress | None = None) -> Path:
    columns = [c for c in table.columns if not isinstance(c.type, LargeBinary)]
    statement = select(*columns).order_by(*table.primary_key.columns)
    rows = _stream(connection, statement)
    return write_csv(out_dir / f"{table.name}.csv", [c.name for c in columns], rows, progress)


def export_view(connection: Connection, name: str, out_dir: Path, progress: Progress | None = None) -> Path:
    quoted = connection.dialect.identifier_preparer.quote(name)
    result = connection.execution_options(yield_per=FETCH_BATCH).execute(text(f"SELECT * FROM {quoted}"))
    return write_csv(out_dir / f"{name}.csv", list(result.keys()), result, progress)


def view_names(connection: Connection) -> list[str]:
    return sorted(n for n in inspect(connection).get_view_names() if n.startswith(VIEW_PREFIX))


def export_csv(engine_or_url: Engine | str | None, out_dir: Path, progress: Progress | None = None) -> list[Path]:
    """Write every table and analyst view to `out_dir` as CSV; return the files written.

    `progress(file_name, rows_written)` is called every FETCH_BATCH rows and at the end of each file."""
    engine = engine_from(engine_or_url)
    out_dir.mkdir(parents=True, exist_ok=True)
    with engine.connect() as connection:
        written = [export_table(connection, table, out_dir, progress) for table in Base.metadata.sorted_tables]
        written += [export_view(connection, name, out_dir, progress) for name in view_names(connection)]
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Export the vnportal database to CSV files.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--db", default=None, help="SQLAlchemy URL or SQLite path (default: $VNPORTAL_DB)")
    args = parser.parse_args(argv)
    for path in export_csv(args.db, args.out_dir):
        print(path)


if __name__ == "__main__":
    main()
