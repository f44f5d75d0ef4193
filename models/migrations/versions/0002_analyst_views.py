"""Analyst views joining each fact to its article and portal (plain SQL valid on SQLite and PostgreSQL).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 01:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The article columns every view starts with, so analysts can join or filter them the same way.
_ARTICLE_COLUMNS = (
    "a.id AS article_id, p.slug AS portal, a.title AS article_title, a.published_on, a.url AS article_url"
)
_ARTICLE_JOIN = "JOIN articles a ON a.id = f.article_id JOIN portals p ON p.id = a.portal_id"

# Kept as literal SQL in this revision: a later change to a view is a new revision, never an edit here.
VIEWS = {
    "v_article_officials": f"""
        SELECT {_ARTICLE_COLUMNS}, o.name AS official_name, NULLIF(f.title, '') AS official_title,
               f.snippet
        FROM official_mentions f {_ARTICLE_JOIN} JOIN officials o ON o.id = f.official_id""",
    "v_document_citations": f"""
        SELECT {_ARTICLE_COLUMNS}, d.number AS document_number, NULLIF(d.type, '') AS document_type,
               NULLIF(d.issuer, '') AS document_issuer, d.year AS document_year, d.type_name,
               d.issuing_body, f.issued_on, f.raw, f.snippet
        FROM document_citations f {_ARTICLE_JOIN} JOIN documents d ON d.id = f.document_id""",
    "v_article_terms": f"""
        SELECT {_ARTICLE_COLUMNS}, f.ordinal, f.start_year, f.end_year, f.organisation, f.snippet
        FROM terms f {_ARTICLE_JOIN}""",
    "v_article_sittings": f"""
        SELECT {_ARTICLE_COLUMNS}, f.kind AS sitting_kind, f.number AS sitting_number, f.snippet
        FROM sittings f {_ARTICLE_JOIN}""",
    "v_article_dates": f"""
        SELECT {_ARTICLE_COLUMNS}, f.day AS mentioned_day,
               CASE WHEN f.year_inferred THEN 1 ELSE 0 END AS year_inferred, f.snippet
        FROM dated_mentions f {_ARTICLE_JOIN}""",
}


def upgrade() -> None:
    for name, select in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {select}")


def downgrade() -> None:
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
