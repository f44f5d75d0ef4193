"""Initial schema: portals, crawl runs, pages, articles and their facts.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 00:55:38.882083
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "crawl_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("portals", sa.JSON(), nullable=False),
        sa.Column("stats", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crawl_runs")),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=50), nullable=False),
        sa.Column("type", sa.String(length=50), nullable=False),
        sa.Column("issuer", sa.String(length=100), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("type_name", sa.Text(), nullable=True),
        sa.Column("issuing_body", sa.Text(), nullable=True),
        sa.Column("doc_key", sa.String(length=250), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("doc_key", name=op.f("uq_documents_doc_key")),
    )
    op.create_table(
        "officials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_officials")),
        sa.UniqueConstraint("name_key", name=op.f("uq_officials_name_key")),
    )
    op.create_table(
        "portals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("base_url", sa.Text(), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=True),
        sa.Column("province", sa.Text(), nullable=True),
        sa.Column("cms", sa.String(length=50), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_portals")),
        sa.UniqueConstraint("slug", name=op.f("uq_portals_slug")),
    )
    op.create_table(
        "crawl_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["crawl_runs.id"], name=op.f("fk_crawl_failures_run_id"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crawl_failures")),
    )
    op.create_index(op.f("ix_crawl_failures_run_id"), "crawl_failures", ["run_id"], unique=False)

    op.create_table(
        "pages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("final_url", sa.Text(), nullable=True),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("html_gz", sa.LargeBinary(), nullable=True),
        sa.Column("content_type", sa.String(length=200), nullable=True),
        sa.Column("encoding", sa.String(length=50), nullable=True),
        sa.Column("portal_id", sa.Integer(), nullable=False),
        sa.Column("last_run_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["last_run_id"], ["crawl_runs.id"], name=op.f("fk_pages_last_run_id"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["portal_id"], ["portals.id"], name=op.f("fk_pages_portal_id")),
        sa.CheckConstraint("kind IN ('article', 'non-article', 'error')", name=op.f("ck_pages_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pages")),
        sa.UniqueConstraint("url", name=op.f("uq_pages_url")),
    )
    op.create_index(op.f("ix_pages_portal_id"), "pages", ["portal_id"], unique=False)

    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("portal_id", sa.Integer(), nullable=False),
        sa.Column("page_id", sa.Integer(), nullable=True),
        sa.Column("canonical_url", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("source_credit", sa.Text(), nullable=True),
        sa.Column("category", sa.Text(), nullable=True),
        sa.Column("lead", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("cms", sa.String(length=50), nullable=True),
        sa.Column("extracted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["page_id"], ["pages.id"], name=op.f("fk_articles_page_id"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["portal_id"], ["portals.id"], name=op.f("fk_articles_portal_id")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("portal_id", "canonical_url", name=op.f("uq_articles_portal_id_canonical_url")),
    )
    op.create_index(op.f("ix_articles_page_id"), "articles", ["page_id"], unique=False)
    op.create_index(op.f("ix_articles_portal_id_text_hash"), "articles", ["portal_id", "text_hash"], unique=False)
    op.create_index(op.f("ix_articles_published_on"), "articles", ["published_on"], unique=False)

    op.create_table(
        "article_urls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("portal_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_article_urls_article_id"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["portal_id"], ["portals.id"], name=op.f("fk_article_urls_portal_id")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_urls")),
        sa.UniqueConstraint("portal_id", "url", name=op.f("uq_article_urls_portal_id_url")),
    )
    op.create_index(op.f("ix_article_urls_article_id"), "article_urls", ["article_id"], unique=False)

    op.create_table(
        "dated_mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("year_inferred", sa.Boolean(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=True),
        sa.Column("end_offset", sa.Integer(), nullable=True),
        sa.Column("snippet", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_dated_mentions_article_id"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dated_mentions")),
    )
    op.create_index(op.f("ix_dated_mentions_article_id"), "dated_mentions", ["article_id"], unique=False)
    op.create_index(op.f("ix_dated_mentions_day"), "dated_mentions", ["day"], unique=False)

    op.create_table(
        "document_citations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("raw", sa.Text(), nullable=True),
        sa.Column("start_offset", sa.Integer(), nullable=True),
        sa.Column("end_offset", sa.Integer(), nullable=True),
        sa.Column("snippet", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_document_citations_article_id"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_document_citations_document_id")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_citations")),
        sa.UniqueConstraint("article_id", "document_id", name=op.f("uq_document_citations_article_id_document_id")),
    )
    op.create_index(op.f("ix_document_citations_document_id"), "document_citations", ["document_id"], unique=False)

    op.create_table(
        "official_mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("official_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=True),
        sa.Column("end_offset", sa.Integer(), nullable=True),
        sa.Column("snippet", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_official_mentions_article_id"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["official_id"], ["officials.id"], name=op.f("fk_official_mentions_official_id")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_official_mentions")),
        sa.UniqueConstraint(
            "article_id",
            "official_id",
            "title",
            name=op.f("uq_official_mentions_article_id_official_id_title"),
        ),
    )
    op.create_index(op.f("ix_official_mentions_official_id"), "official_mentions", ["official_id"], unique=False)

    op.create_table(
        "sittings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=True),
        sa.Column("end_offset", sa.Integer(), nullable=True),
        sa.Column("snippet", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_sittings_article_id"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sittings")),
    )
    op.create_index(op.f("ix_sittings_article_id"), "sittings", ["article_id"], unique=False)

    op.create_table(
        "terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=True),
        sa.Column("start_year", sa.Integer(), nullable=True),
        sa.Column("end_year", sa.Integer(), nullable=True),
        sa.Column("organisation", sa.Text(), nullable=True),
        sa.Column("start_offset", sa.Integer(), nullable=True),
        sa.Column("end_offset", sa.Integer(), nullable=True),
        sa.Column("snippet", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_terms_article_id"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_terms")),
    )
    op.create_index(op.f("ix_terms_article_id"), "terms", ["article_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_terms_article_id"), table_name="terms")

    op.drop_table("terms")
    op.drop_index(op.f("ix_sittings_article_id"), table_name="sittings")

    op.drop_table("sittings")
    op.drop_index(op.f("ix_official_mentions_official_id"), table_name="official_mentions")

    op.drop_table("official_mentions")
    op.drop_index(op.f("ix_document_citations_document_id"), table_name="document_citations")

    op.drop_table("document_citations")
    op.drop_index(op.f("ix_dated_mentions_day"), table_name="dated_mentions")
    op.drop_index(op.f("ix_dated_mentions_article_id"), table_name="dated_mentions")

    op.drop_table("dated_mentions")
    op.drop_index(op.f("ix_article_urls_article_id"), table_name="article_urls")

    op.drop_table("article_urls")
    op.drop_index(op.f("ix_articles_published_on"), table_name="articles")
    op.drop_index(op.f("ix_articles_portal_id_text_hash"), table_name="articles")
    op.drop_index(op.f("ix_articles_page_id"), table_name="articles")

    op.drop_table("articles")
    op.drop_index(op.f("ix_pages_portal_id"), table_name="pages")

    op.drop_table("pages")
    op.drop_index(op.f("ix_crawl_failures_run_id"), table_name="crawl_failures")

    op.drop_table("crawl_failures")
    op.drop_table("portals")
    op.drop_table("officials")
    op.drop_table("documents")
    op.drop_table("crawl_runs")
