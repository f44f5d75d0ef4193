"""Analyst layer: title status, scoped documents, places, people, congresses, their views, full-text search.

- `official_mentions.status`; `documents.code`, `scope`, `place_key` (the key now scopes local documents to
  their place: rows stored before keep their old key until `vnportal reextract` re-keys them);
- `places`, `portal_places`, `people`, `person_links`, `congresses`, `congress_mentions` (rebuilt by
  `models.resolve.resolve_entities`);
- views `v_documents`, `v_positions`, `v_position_mentions`, `v_people`, `v_person_links`, `v_congresses`;
  `v_article_officials`, `v_document_citations` and `v_article_terms` gain columns (recreated);
- search: SQLite gets an FTS5 index of `articles.search_text` kept in step by triggers; PostgreSQL a GIN
  index of its `simple` tsvector. Both index the folded text (đ -> d), which neither tokenizer folds.

Revision ID: 0004_analyst
Revises: 0003_ops
Create Date: 2026-12-05 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_analyst"
down_revision: str | None = "0003_ops"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ARTICLE_COLUMNS = (
    "a.id AS article_id, p.slug AS portal, a.title AS article_title, a.published_on, a.url AS article_url"
)
_ARTICLE_JOIN = "JOIN articles a ON a.id = f.article_id JOIN portals p ON p.id = a.portal_id"
# A mention's person: its name, in the province of the portal that printed it, with that title.
_PERSON_JOIN = """
        LEFT JOIN portal_places pp ON pp.portal_id = a.portal_id
        LEFT JOIN person_links pl ON pl.official_id = f.official_id AND pl.province_key = pp.province_key
                                 AND pl.title = f.title"""
_MENTION_DAY = "a.published_on"

# Literal SQL, frozen in this revision: a later change to a view is a new revision.
REPLACED_VIEWS = {
    "v_article_officials": f"""
        SELECT {_ARTICLE_COLUMNS}, o.name AS official_name, NULLIF(f.title, '') AS official_title,
               f.snippet, f.status AS title_status, pl.person_id
        FROM official_mentions f {_ARTICLE_JOIN} JOIN officials o ON o.id = f.official_id {_PERSON_JOIN}""",
    "v_document_citations": f"""
        SELECT {_ARTICLE_COLUMNS}, d.number AS document_number, NULLIF(d.type, '') AS document_type,
               NULLIF(d.issuer, '') AS document_issuer, d.year AS document_year, d.type_name,
               d.issuing_body, f.issued_on, f.raw, f.snippet, d.id AS document_id, d.code AS document_code,
               d.scope AS document_scope, pl.name AS document_place
        FROM document_citations f {_ARTICLE_JOIN} JOIN documents d ON d.id = f.document_id
        LEFT JOIN places pl ON pl.place_key = d.place_key""",
    "v_article_terms": f"""
        SELECT {_ARTICLE_COLUMNS}, f.ordinal, f.start_year, f.end_year, f.organisation, f.snippet,
               cm.congress_id, cm.held_on
        FROM terms f {_ARTICLE_JOIN} LEFT JOIN congress_mentions cm ON cm.term_id = f.id""",
}
NEW_VIEWS = {
    "v_documents": """
        SELECT d.id AS document_id, d.code, d.number, NULLIF(d.type, '') AS type, d.type_name,
               NULLIF(d.issuer, '') AS issuer, d.year, d.scope, pl.name AS place, pl.province,
               pl.code AS place_code, d.issuing_body,
               COUNT(c.id) AS citations, COUNT(DISTINCT a.portal_id) AS portals,
               MIN(c.issued_on) AS issued_on, COUNT(DISTINCT c.issued_on) AS issue_dates,
               CASE WHEN COUNT(DISTINCT c.issued_on) > 1 THEN 1 ELSE 0 END AS date_conflict,
               MIN(a.published_on) AS first_cited, MAX(a.published_on) AS last_cited
        FROM documents d
        JOIN document_citations c ON c.document_id = d.id
        JOIN articles a ON a.id = c.article_id
        LEFT JOIN places pl ON pl.place_key = d.place_key
        GROUP BY d.id, d.code, d.number, d.type, d.type_name, d.issuer, d.year, d.scope, pl.name, pl.province,
                 pl.code, d.issuing_body""",
    "v_position_mentions": f"""
        SELECT pl.person_id, pe.name, pr.name AS province, f.title, f.status, {_MENTION_DAY} AS seen_on,
               a.id AS article_id, p.slug AS portal, a.title AS article_title, a.url AS article_url, f.snippet
        FROM official_mentions f {_ARTICLE_JOIN} {_PERSON_JOIN}
        JOIN people pe ON pe.id = pl.person_id
        LEFT JOIN places pr ON pr.place_key = pe.province_key
        WHERE f.title <> ''""",
    "v_people": f"""
        SELECT pl.person_id, pe.name, pr.name AS province, pr.code AS province_code,
               COUNT(DISTINCT NULLIF(f.title, '')) AS titles, COUNT(DISTINCT f.article_id) AS articles,
               MIN({_MENTION_DAY}) AS first_seen, MAX({_MENTION_DAY}) AS last_seen
        FROM official_mentions f {_ARTICLE_JOIN} {_PERSON_JOIN}
        JOIN people pe ON pe.id = pl.person_id
        LEFT JOIN places pr ON pr.place_key = pe.province_key
        GROUP BY pl.person_id, pe.name, pr.name, pr.code""",
    "v_person_links": """
        SELECT pl.person_id, pe.name, pr.name AS province, o.name AS official_name, NULLIF(pl.title, '') AS title,
               pl.unit_key, pl.reason
        FROM person_links pl
        JOIN people pe ON pe.id = pl.person_id
        JOIN officials o ON o.id = pl.official_id
        LEFT JOIN places pr ON pr.place_key = pe.province_key""",
    "v_congresses": """
        SELECT c.id AS congress_id, c.body, c.body_kind, pl.name AS place, COALESCE(pl.province, '') AS province,
               pl.code AS place_code, c.ordinal, c.start_year, c.end_year, c.held_on,
               COUNT(cm.term_id) AS mentions, COUNT(DISTINCT t.article_id) AS articles,
               MIN(a.published_on) AS first_seen, MAX(a.published_on) AS last_seen
        FROM congresses c
        JOIN congress_mentions cm ON cm.congress_id = c.id
        JOIN terms t ON t.id = cm.term_id
        JOIN articles a ON a.id = t.article_id
        LEFT JOIN places pl ON pl.place_key = c.place_key
        GROUP BY c.id, c.body, c.body_kind, pl.name, pl.province, pl.code, c.ordinal, c.start_year, c.end_year,
                 c.held_on""",
}
# v_positions: one row per person and title; `status` is the one the latest mention states.
NEW_VIEWS["v_positions"] = """
        SELECT m.person_id, m.name, m.province, m.title,
               (SELECT l.status FROM v_position_mentions l
                WHERE l.person_id = m.person_id AND l.title = m.title
                ORDER BY l.seen_on DESC, l.article_id DESC LIMIT 1) AS status,
               MIN(m.seen_on) AS first_seen, MAX(m.seen_on) AS last_seen, COUNT(DISTINCT m.article_id) AS articles
        FROM v_position_mentions m
        GROUP BY m.person_id, m.name, m.province, m.title"""

SQLITE_SEARCH = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5(search_text, content='articles', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF search_text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO articles_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
)
SQLITE_SEARCH_DROP = (
    "DROP TRIGGER IF EXISTS articles_fts_insert",
    "DROP TRIGGER IF EXISTS articles_fts_delete",
    "DROP TRIGGER IF EXISTS articles_fts_update",
    "DROP TABLE IF EXISTS articles_fts",
)
POSTGRES_SEARCH = ("CREATE INDEX rx_articles_search ON articles USING gin (to_tsvector('simple', search_text))",)
POSTGRES_SEARCH_DROP = ("DROP INDEX IF EXISTS rx_articles_search",)


def _create_tables() -> None:
    op.create_table(
        "congresses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("congress_key", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("body_kind", sa.String(length=20), nullable=False),
        sa.Column("place_key", sa.Text(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("start_year", sa.Integer(), nullable=True),
        sa.Column("end_year", sa.Integer(), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_congresses")),
        sa.UniqueConstraint("congress_key", name=op.f("uq_congresses_congress_key")),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_key", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("province_key", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("person_key", name=op.f("uq_people_person_key")),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("place_key", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("province", sa.Text(), nullable=False),
        sa.Column("parent_key", sa.Text(), nullable=True),
        sa.Column("code", sa.String(length=10), nullable=True),
        sa.Column("unit_type", sa.String(length=30), nullable=True),
        sa.Column("era", sa.String(length=20), nullable=True),
        sa.Column("historical", sa.Boolean(), nullable=False),
        sa.Column("successor_code", sa.String(length=10), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_places")),
        sa.UniqueConstraint("place_key", name=op.f("uq_places_place_key")),
    )
    op.create_table(
        "person_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("official_id", sa.Integer(), nullable=False),
        sa.Column("province_key", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("unit_key", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["official_id"], ["officials.id"], name=op.f("fk_person_links_official_id"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_person_links_person_id"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_links")),
        sa.UniqueConstraint(
            "official_id", "province_key", "title", name=op.f("uq_person_links_official_id_province_key_title")
        ),
    )
    op.create_index(op.f("ix_person_links_person_id"), "person_links", ["person_id"], unique=False)
    op.create_table(
        "portal_places",
        sa.Column("portal_id", sa.Integer(), nullable=False),
        sa.Column("place_key", sa.Text(), nullable=False),
        sa.Column("province_key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["portal_id"], ["portals.id"], name=op.f("fk_portal_places_portal_id"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("portal_id", name=op.f("pk_portal_places")),
    )
    op.create_index(op.f("ix_portal_places_province_key"), "portal_places", ["province_key"], unique=False)
    op.create_table(
        "congress_mentions",
        sa.Column("term_id", sa.Integer(), nullable=False),
        sa.Column("congress_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["congress_id"], ["congresses.id"], name=op.f("fk_congress_mentions_congress_id"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["term_id"], ["terms.id"], name=op.f("fk_congress_mentions_term_id"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("term_id", name=op.f("pk_congress_mentions")),
    )
    op.create_index(op.f("ix_congress_mentions_congress_id"), "congress_mentions", ["congress_id"], unique=False)


def upgrade() -> None:
    for name in REPLACED_VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    _create_tables()
    op.add_column("documents", sa.Column("code", sa.Text(), nullable=True))
    op.add_column("documents", sa.Column("scope", sa.String(length=20), server_default="local", nullable=False))
    op.add_column("documents", sa.Column("place_key", sa.Text(), server_default="", nullable=False))
    op.add_column(
        "official_mentions", sa.Column("status", sa.String(length=20), server_default="current", nullable=False)
    )
    for name, select in {**REPLACED_VIEWS, **NEW_VIEWS}.items():
        op.execute(f"CREATE VIEW {name} AS {select}")
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_SEARCH, "postgresql": POSTGRES_SEARCH}.get(dialect, ()):
        op.execute(statement)


def downgrade() -> None:
    from importlib import import_module

    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_SEARCH_DROP, "postgresql": POSTGRES_SEARCH_DROP}.get(dialect, ()):
        op.execute(statement)
    for name in [*reversed(NEW_VIEWS), *REPLACED_VIEWS]:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    with op.batch_alter_table("official_mentions") as batch_op:
        batch_op.drop_column("status")
    with op.batch_alter_table("documents") as batch_op:
        batch_op.drop_column("place_key")
        batch_op.drop_column("scope")
        batch_op.drop_column("code")
    for table in ("congress_mentions", "portal_places", "person_links", "places", "people", "congresses"):
        op.drop_table(table)
    previous = import_module("models.migrations.versions.0002_analyst_views").VIEWS
    for name in REPLACED_VIEWS:
        op.execute(f"CREATE VIEW {name} AS {previous[name]}")
