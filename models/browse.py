"""Browsing the database in Datasette (extra `analyst`): descriptions of every table, view and column, and the
canned questions analysts ask most. Datasette reads SQLite only, and opens it read-only (`mode=ro`)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.schema_docs import TABLES, VIEWS, describe


@dataclass(frozen=True)
class CannedQuery:
    name: str
    title: str
    description: str
    sql: str  # SQLite; every :parameter is a form field in Datasette


CANNED_QUERIES = (
    CannedQuery(
        "who_held_which_post",
        "Who held which post when",
        "Each person's titles with the first and last day an article gave them, and the latest status. Leave "
        "a field empty to list everything; type the words with their tone marks (SQLite LIKE).",
        """SELECT person_id, name, province, title, status, first_seen, last_seen, articles
FROM v_positions
WHERE (:title = '' OR title LIKE '%' || :title || '%') AND (:name = '' OR name LIKE '%' || :name || '%')
ORDER BY province, name, first_seen""",
    ),
    CannedQuery(
        "articles_citing_document",
        "Which articles cite a document",
        "Every article citing a document by its code as written (45-KH/HU, 30/2020/NĐ-CP); a local code names "
        "one document per issuing body's place: narrow with the place.",
        """SELECT published_on, portal, article_title, article_url, document_code, document_place, issued_on,
       snippet
FROM v_document_citations
WHERE document_code = :code AND (:place = '' OR document_place LIKE '%' || :place || '%')
ORDER BY published_on, article_id""",
    ),
    CannedQuery(
        "congresses_of_a_term_in_a_province",
        "Every congress of a term in a province",
        "The congresses and terms (Party organisations, councils, fronts …) of one term, by its first year, "
        "in a province.",
        """SELECT body, body_kind, place, ordinal, start_year, end_year, held_on, articles
FROM v_congresses
WHERE start_year = CAST(:start_year AS INTEGER) AND province LIKE '%' || :province || '%'
ORDER BY held_on IS NULL, held_on, body""",
    ),
    CannedQuery(
        "most_cited_documents_per_province",
        "The most cited documents per province",
        "The ten documents cited most by the portals of each province.",
        """SELECT province, rank, code, scope, place, citations
FROM (
    SELECT pr.name AS province, d.code, d.scope, pl.name AS place, COUNT(*) AS citations,
           ROW_NUMBER() OVER (PARTITION BY pr.name ORDER BY COUNT(*) DESC, d.code) AS rank
    FROM document_citations c
    JOIN documents d ON d.id = c.document_id
    JOIN articles a ON a.id = c.article_id
    JOIN portal_places pp ON pp.portal_id = a.portal_id
    JOIN places pr ON pr.place_key = pp.province_key
    LEFT JOIN places pl ON pl.place_key = d.place_key
    GROUP BY pr.name, d.id, d.code, d.scope, pl.name
)
WHERE rank <= 10
ORDER BY province, rank""",
    ),
)


def datasette_metadata(database: str, columns: dict[str, list[str]]) -> dict[str, Any]:
    """Datasette metadata for the database named `database` (Datasette names it after the file's stem), with
    a description of each of `columns` (relation -> its column names, see `schema_docs.columns_of`)."""
    relations = {}
    for name, (description, _own) in {**TABLES, **VIEWS}.items():
        described = {c: describe(name, c) for c in columns.get(name, [])}
        relations[name] = {"description": description, "columns": {c: d for c, d in described.items() if d}}
    relations.update({t: {"hidden": True} for t in FTS_TABLES})
    return {
        "title": "vnportal",
        "description": "Facts from Vietnamese local-government portals: officials, documents, congresses. "
        "Column meanings: docs/schema.md.",
        "databases": {
            database: {
                "tables": relations,
                "queries": {
                    q.name: {"title": q.title, "description": q.description, "sql": q.sql} for q in CANNED_QUERIES
                },
            }
        },
    }


FTS_TABLES = ("articles_fts", "articles_fts_config", "articles_fts_data", "articles_fts_docsize", "articles_fts_idx")


def datasette_command(db_path: Path, metadata_path: Path, host: str, port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        str(db_path),
        "--metadata",
        str(metadata_path),
        "--host",
        host,
        "--port",
        str(port),
        "--setting",
        "sql_time_limit_ms",
        "5000",
    ]


def serve(db_path: Path, columns: dict[str, list[str]], host: str = "127.0.0.1", port: int = 8001) -> int:
    """Run Datasette on the database (blocks until stopped); returns its exit status."""
    if importlib.util.find_spec("datasette") is None:
        raise RuntimeError('`vnportal serve` needs Datasette: pip install -e ".[analyst]"')
    with tempfile.TemporaryDirectory(prefix="vnportal-serve-") as folder:
        metadata = Path(folder) / "metadata.json"
        metadata.write_text(json.dumps(datasette_metadata(db_path.stem, columns), ensure_ascii=False), encoding="utf-8")
        return subprocess.call(datasette_command(db_path, metadata, host, port))
