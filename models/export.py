"""Datasets for analysts: every table and `v_*` view as CSV, JSON Lines or Parquet, with a `datapackage.json`.

- Columns keep the order of the table or view; dates are ISO days; crawl times naive UTC.
- CSV is `utf-8-sig` (Excel reads UTF-8 only after a BOM) and formula-safe: a text cell starting with
  = + - @ TAB or CR gets a leading apostrophe ("'=SUM(A1)"; "- Đồng chí ..." bullet lines too), except text
  that is only a signed number ("-12", "-3,5") or only dashes, which spreadsheets read as a value. Newlines
  stay inside quoted cells. Raw page bodies are left out.
- Streaming: rows are fetched in batches (server-side cursors on PostgreSQL) and written as they come;
  Parquet is written one row group per batch, so memory stays flat however many rows there are.
- `datapackage.json` (Frictionless Data Package) names each file with its columns, types and meanings.
- Filters (`--portal`, `--since`, `--until` on the publication day) keep the articles they select, the facts
  of those articles, and the documents, names, people and congresses those facts name; views are filtered
  on the same article, document, person or congress ids. Other tables (runs, failures, places) are whole.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Connection,
    Date,
    DateTime,
    Engine,
    Float,
    Integer,
    LargeBinary,
    Select,
    Table,
    column,
    inspect,
    select,
    table,
)

from models.schema_docs import describe, relation_description
from models.session import engine_from
from models.tables import (
    ArticleRow,
    Base,
    CongressMentionRow,
    DocumentCitationRow,
    OfficialMentionRow,
    PersonLinkRow,
    PortalPlaceRow,
    PortalRow,
    TermRow,
)

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
HARMLESS_LEADING = re.compile(r"[+-]?\d+(?:[.,]\d+)*|-+")
VIEW_PREFIX = "v_"
ENCODING = "utf-8-sig"
FETCH_BATCH = 5000
WRITE_BUFFER = 1 << 20
Progress = Callable[[str, int], None]  # (file name, rows written so far)
FORMATS = ("csv", "jsonl", "parquet")
MEDIA_TYPES = {"csv": "text/csv", "jsonl": "application/x-ndjson", "parquet": "application/vnd.apache.parquet"}


class ExportError(RuntimeError):
    """The export cannot be made as asked (unknown table, missing pyarrow …)."""


@dataclass(frozen=True)
class ExportOptions:
    format: str = "csv"
    portals: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    tables: tuple[str, ...] = ()  # table and view names; empty: every one

    @property
    def filtered(self) -> bool:
        return bool(self.portals or self.since or self.until)


# cells ------------------------------------------------------------------------------------------------------


def neutralize(value: str) -> str:
    """Defuse spreadsheet formulas: prefix an apostrophe to text a spreadsheet would evaluate."""
    if value.startswith(FORMULA_TRIGGERS) and not HARMLESS_LEADING.fullmatch(value):
        return "'" + value
    return value


def utc_naive(moment: datetime) -> datetime:
    # PostgreSQL hands back zone-aware crawl times, SQLite naive UTC ones: both become naive UTC
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _format_datetime(value: datetime) -> str:
    return utc_naive(value).isoformat(sep=" ", timespec="seconds")


def _format_json(value: Any) -> str:
    return neutralize(json.dumps(value, ensure_ascii=False))


# dispatch on the exact type: a dictionary lookup per cell instead of a chain of isinstance checks
_CELL_FORMATS: dict[type, Callable[[Any], str]] = {
    str: neutralize,
    int: str,
    float: str,
    bool: lambda v: "1" if v else "0",
    type(None): lambda _v: "",
    datetime: _format_datetime,
    date: date.isoformat,
    dict: _format_json,
    list: _format_json,
}


def format_cell(value: Any) -> str:
    formatter = _CELL_FORMATS.get(type(value))
    if formatter is not None:
        return formatter(value)
    if isinstance(value, datetime):
        return _format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    return neutralize(str(value))


def json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return utc_naive(value).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


# relations --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Relation:
    """A table or view to export: its name, its columns in order, and their Frictionless types."""

    name: str
    columns: list[str]
    types: dict[str, str]
    order_by: list[str]


def _frictionless_type(sql_type: Any) -> str:
    if isinstance(sql_type, Boolean):
        return "boolean"
    if isinstance(sql_type, Integer):
        return "integer"
    if isinstance(sql_type, Float):
        return "number"
    if isinstance(sql_type, DateTime):
        return "datetime"
    if isinstance(sql_type, Date):
        return "date"
    if isinstance(sql_type, JSON):
        return "any"
    return "string"


def _table_relation(model_table: Table) -> Relation:
    columns = [c for c in model_table.columns if not isinstance(c.type, LargeBinary)]
    return Relation(
        model_table.name,
        [c.name for c in columns],
        {c.name: _frictionless_type(c.type) for c in columns},
        [c.name for c in model_table.primary_key.columns],
    )


def _view_relation(connection: Connection, name: str) -> Relation:
    columns = [c["name"] for c in inspect(connection).get_columns(name)]
    return Relation(name, columns, {}, [])  # types are read from the rows (views declare none portably)


def view_names(connection: Connection) -> list[str]:
    return sorted(n for n in inspect(connection).get_view_names() if n.startswith(VIEW_PREFIX))


def relations(connection: Connection, wanted: tuple[str, ...] = ()) -> list[Relation]:
    found = [_table_relation(t) for t in Base.metadata.sorted_tables]
    found += [_view_relation(connection, name) for name in view_names(connection)]
    if not wanted:
        return found
    by_name = {r.name: r for r in found}
    unknown = [name for name in wanted if name not in by_name]
    if unknown:
        raise ExportError(f"no table or view named {', '.join(unknown)}; known: {', '.join(sorted(by_name))}")
    return [by_name[name] for name in wanted]


# filters ----------------------------------------------------------------------------------------------------


def _article_ids(options: ExportOptions) -> Select[Any]:
    stmt = select(ArticleRow.id).join(PortalRow, PortalRow.id == ArticleRow.portal_id)
    if options.portals:
        stmt = stmt.where(PortalRow.slug.in_(options.portals))
    if options.since:
        stmt = stmt.where(ArticleRow.published_on >= options.since)
    if options.until:
        stmt = stmt.where(ArticleRow.published_on <= options.until)
    return stmt


def _people_named_in(articles: Select[Any]) -> Select[Any]:
    """People a kept article names: the person a mention's name, province and title link to."""
    return (
        select(PersonLinkRow.person_id)
        .join(
            OfficialMentionRow,
            (OfficialMentionRow.official_id == PersonLinkRow.official_id)
            & (OfficialMentionRow.title == PersonLinkRow.title),
        )
        .join(ArticleRow, ArticleRow.id == OfficialMentionRow.article_id)
        .join(
            PortalPlaceRow,
            (PortalPlaceRow.portal_id == ArticleRow.portal_id)
            & (PortalPlaceRow.province_key == PersonLinkRow.province_key),
        )
        .where(OfficialMentionRow.article_id.in_(articles))
    )


def _id_sets(options: ExportOptions) -> dict[str, Select[Any]]:
    """Which ids of each kind the filters keep, as sub-selects."""
    articles = _article_ids(options)
    terms = select(TermRow.id).where(TermRow.article_id.in_(articles))
    officials = select(OfficialMentionRow.official_id).where(OfficialMentionRow.article_id.in_(articles))
    portals = select(PortalRow.id)
    if options.portals:
        portals = portals.where(PortalRow.slug.in_(options.portals))
    return {
        "article": articles,
        "document": select(DocumentCitationRow.document_id).where(DocumentCitationRow.article_id.in_(articles)),
        "official": officials,
        "person": _people_named_in(articles),
        "congress": select(CongressMentionRow.congress_id).where(CongressMentionRow.term_id.in_(terms)),
        "term": terms,
        "portal": portals,
    }


# a table's own id is filtered like the facts that point at it
OWN_ID_KIND = {
    "articles": "article",
    "documents": "document",
    "officials": "official",
    "people": "person",
    "congresses": "congress",
    "portals": "portal",
    "terms": "term",
}
ID_COLUMNS = (
    ("article_id", "article"),
    ("document_id", "document"),
    ("person_id", "person"),
    ("congress_id", "congress"),
    ("official_id", "official"),
    ("term_id", "term"),
    ("portal_id", "portal"),
)


def _filter(relation: Relation, sets: dict[str, Select[Any]]) -> Callable[[Select[Any], Any], Select[Any]]:
    kind = OWN_ID_KIND.get(relation.name)
    target = "id" if kind else None
    if kind is None:
        target, kind = next(((c, k) for c, k in ID_COLUMNS if c in relation.columns), (None, None))
    if target is None or kind is None:
        return lambda stmt, _source: stmt
    return lambda stmt, source: stmt.where(source.c[target].in_(sets[kind]))


def rows_of(connection: Connection, relation: Relation, options: ExportOptions) -> Iterator[Any]:
    # a table's own columns carry their types (SQLite hands back dates and booleans untyped otherwise)
    source = Base.metadata.tables.get(relation.name)
    if source is None:
        source = table(relation.name, *(column(name) for name in relation.columns))
    stmt = select(*(source.c[name] for name in relation.columns))
    if options.filtered:
        stmt = _filter(relation, _id_sets(options))(stmt, source)
    if relation.order_by:
        stmt = stmt.order_by(*(source.c[name] for name in relation.order_by))
    result = connection.execution_options(stream_results=True, yield_per=FETCH_BATCH).execute(stmt)
    yield from result


# writers ----------------------------------------------------------------------------------------------------


def counted(rows: Iterable[Any], name: str, progress: Progress | None) -> Iterator[Any]:
    """`rows` passed through, telling `progress` every FETCH_BATCH rows and at the end."""
    if progress is None:
        yield from rows
        return
    done = 0
    for done, row in enumerate(rows, 1):
        yield row
        if done % FETCH_BATCH == 0:
            progress(name, done)
    progress(name, done)


def write_csv(path: Path, header: list[str], rows: Iterable[Iterable[Any]]) -> Path:
    with path.open("w", encoding=ENCODING, newline="", buffering=WRITE_BUFFER) as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([format_cell(v) for v in row] for row in rows)
    return path


def write_jsonl(path: Path, header: list[str], rows: Iterable[Iterable[Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="\n", buffering=WRITE_BUFFER) as handle:
        for row in rows:
            record = {name: json_value(value) for name, value in zip(header, row, strict=True)}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _batches(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def infer_type(values: Iterable[Any]) -> str:
    for value in values:
        if value is None:
            continue
        if isinstance(value, bool):
            return "boolean"
        if isinstance(value, int):
            return "integer"
        if isinstance(value, float):
            return "number"
        if isinstance(value, datetime):
            return "datetime"
        if isinstance(value, date):
            return "date"
        if isinstance(value, dict | list):
            return "any"
        if isinstance(value, str) and _ISO_DAY.fullmatch(value):
            return "date"  # SQLite hands views' date columns back as text
        return "string"
    return "string"


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _arrow_column(values: list[Any], kind: str) -> Any:
    import pyarrow as pa

    if kind == "date":
        return pa.array([date.fromisoformat(v) if isinstance(v, str) else v for v in values], pa.date32())
    if kind == "datetime":
        return pa.array([utc_naive(v) if v is not None else None for v in values], pa.timestamp("us"))
    if kind == "any":
        return pa.array([None if v is None else json.dumps(v, ensure_ascii=False) for v in values], pa.string())
    if kind == "string":
        return pa.array([None if v is None else str(v) for v in values], pa.string())
    if kind == "boolean":
        return pa.array([None if v is None else bool(v) for v in values], pa.bool_())
    return pa.array(values, {"integer": pa.int64(), "number": pa.float64()}[kind])


def write_parquet(path: Path, relation: Relation, rows: Iterable[Any], types: dict[str, str]) -> Path:
    """One row group per batch; the types of view columns are read from the first batch."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        raise ExportError('Parquet needs pyarrow: pip install -e ".[analyst]"') from error
    writer = None
    try:
        for batch in _batches(rows, FETCH_BATCH):
            columns = list(zip(*batch, strict=True))
            for index, name in enumerate(relation.columns):
                types.setdefault(name, infer_type(columns[index]))
            arrays = [_arrow_column(list(columns[i]), types[n]) for i, n in enumerate(relation.columns)]
            chunk = pa.Table.from_arrays(arrays, names=relation.columns)
            if writer is None:
                writer = pq.ParquetWriter(path, chunk.schema, compression="zstd")
            writer.write_table(chunk)
        if writer is None:  # no rows: an empty file with string columns where types are unknown
            schema = pa.schema([(n, _arrow_column([], types.setdefault(n, "string")).type) for n in relation.columns])
            writer = pq.ParquetWriter(path, schema)
    finally:
        if writer is not None:
            writer.close()
    return path


def _typed_rows(rows: Iterator[Any], relation: Relation, types: dict[str, str]) -> Iterator[Any]:
    """Rows passed through, reading view column types from the first rows seen (for datapackage.json)."""
    peeked = []
    for row in rows:
        peeked.append(row)
        if len(peeked) == FETCH_BATCH:
            break
    columns = list(zip(*peeked, strict=True)) if peeked else [() for _ in relation.columns]
    for index, name in enumerate(relation.columns):
        types.setdefault(name, infer_type(columns[index]))
    yield from peeked
    yield from rows


def export_relation(
    connection: Connection, relation: Relation, out_dir: Path, options: ExportOptions, progress: Progress | None = None
) -> Path:
    types = dict(relation.types)
    path = out_dir / f"{relation.name}.{options.format}"
    rows = counted(rows_of(connection, relation, options), path.name, progress)
    if options.format == "parquet":
        write_parquet(path, relation, rows, types)
    else:
        writer = write_csv if options.format == "csv" else write_jsonl
        writer(path, relation.columns, _typed_rows(rows, relation, types))
    relation.types.update(types)
    return path


# data package -----------------------------------------------------------------------------------------------


def resource(relation: Relation, path: Path, file_format: str) -> dict[str, Any]:
    fields = []
    for name in relation.columns:
        field = {"name": name, "type": relation.types.get(name, "string")}
        description = describe(relation.name, name)
        if description:
            field["description"] = description
        fields.append(field)
    entry: dict[str, Any] = {
        "name": relation.name.replace("_", "-"),
        "path": path.name,
        "format": file_format,
        "mediatype": MEDIA_TYPES[file_format],
        "description": relation_description(relation.name) or "",
        "schema": {"fields": fields},
    }
    if relation.order_by:
        entry["schema"]["primaryKey"] = relation.order_by
    if file_format == "csv":
        entry.update(profile="tabular-data-resource", encoding="utf-8-sig", dialect={"header": True})
    elif file_format == "jsonl":
        entry.update(encoding="utf-8")
    return entry


def write_datapackage(out_dir: Path, resources: list[dict[str, Any]], options: ExportOptions) -> Path:
    package = {
        "profile": "tabular-data-package" if options.format == "csv" else "data-package",
        "name": "vnportal",
        "title": "Facts from Vietnamese local-government news portals",
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "vnportal_filters": {
            "portals": list(options.portals),
            "since": options.since.isoformat() if options.since else None,
            "until": options.until.isoformat() if options.until else None,
        },
        "resources": resources,
    }
    path = out_dir / "datapackage.json"
    path.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def export_dataset(
    engine_or_url: Engine | str | None, out_dir: Path, options: ExportOptions, progress: Progress | None = None
) -> list[Path]:
    """Write the chosen tables and views to `out_dir` in `options.format`, then `datapackage.json`; return
    the files written (datapackage.json last). One read transaction: every file shows the same moment.
    `progress(file_name, rows_written)` is called every FETCH_BATCH rows and at the end of each file."""
    if options.format not in FORMATS:
        raise ExportError(f"unknown format {options.format!r}; choose one of {', '.join(FORMATS)}")
    engine = engine_from(engine_or_url)
    out_dir.mkdir(parents=True, exist_ok=True)
    written, resources = [], []
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            for relation in relations(connection, options.tables):
                path = export_relation(connection, relation, out_dir, options, progress)
                written.append(path)
                resources.append(resource(relation, path, options.format))
    written.append(write_datapackage(out_dir, resources, options))
    return written


def export_csv(engine_or_url: Engine | str | None, out_dir: Path, progress: Progress | None = None) -> list[Path]:
    """Every table and analyst view as CSV (the demo's and the crawl's default export)."""
    return export_dataset(engine_or_url, out_dir, ExportOptions(), progress)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Export the vnportal database (see `vnportal export --help`).")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--db", default=None, help="SQLAlchemy URL or SQLite path (default: $VNPORTAL_DB)")
    parser.add_argument("--format", default="csv", choices=FORMATS)
    args = parser.parse_args(argv)
    for path in export_dataset(args.db, args.out_dir, ExportOptions(format=args.format)):
        print(path)


if __name__ == "__main__":
    main()
