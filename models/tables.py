"""The tables (SQLAlchemy 2.x typed declarative). Every change here needs a new Alembic revision.

Key columns that take part in unique constraints are NOT NULL ('' for "none"), because SQL treats NULLs as
distinct and a unique key with a NULL in it would let re-crawls insert duplicates.
Timestamps of the crawl are UTC; `articles.published_at` is the wall-clock time printed on the portal.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Explicit names so that migrations name constraints identically on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s",
    "pk": "pk_%(table_name)s",
}

UTC_TIMESTAMP = DateTime(timezone=True)
FACT_CASCADE = "CASCADE"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class PortalRow(Base):
    __tablename__ = "portals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(Text)
    base_url: Mapped[str] = mapped_column(Text)
    level: Mapped[str | None] = mapped_column(String(20))
    province: Mapped[str | None] = mapped_column(Text)
    cms: Mapped[str | None] = mapped_column(String(50))


class CrawlRunRow(Base):
    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTC_TIMESTAMP)
    finished_at: Mapped[datetime | None] = mapped_column(UTC_TIMESTAMP)
    status: Mapped[str] = mapped_column(String(20))  # running | finished | failed | interrupted
    portals: Mapped[list[str]] = mapped_column(JSON)
    stats: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)  # why the run failed or was interrupted
    # who runs it, and when it last showed signs of life: a run whose process is gone is marked interrupted
    host: Mapped[str | None] = mapped_column(String(255))
    pid: Mapped[int | None] = mapped_column(Integer)
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTC_TIMESTAMP)


class PageRow(Base):
    __tablename__ = "pages"
    __table_args__ = (CheckConstraint("kind IN ('article', 'non-article', 'error')", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    final_url: Mapped[str | None] = mapped_column(Text)
    status: Mapped[int | None] = mapped_column(Integer)
    fetched_at: Mapped[datetime] = mapped_column(UTC_TIMESTAMP)
    content_hash: Mapped[str | None] = mapped_column(String(64))  # sha256 hex of the raw body
    html_gz: Mapped[bytes | None] = mapped_column(LargeBinary)  # gzip of the raw body, for re-extraction
    content_type: Mapped[str | None] = mapped_column(String(200))
    encoding: Mapped[str | None] = mapped_column(String(50))
    portal_id: Mapped[int] = mapped_column(ForeignKey("portals.id"), index=True)
    last_run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20))  # article | non-article | error


class ArticleRow(Base):
    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("portal_id", "canonical_url"),
        Index(None, "portal_id", "text_hash"),
        Index(None, "published_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    portal_id: Mapped[int] = mapped_column(ForeignKey("portals.id"))
    page_id: Mapped[int | None] = mapped_column(ForeignKey("pages.id", ondelete="SET NULL"), index=True)
    canonical_url: Mapped[str] = mapped_column(Text)  # the canonical URL, else the page URL
    url: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published_on: Mapped[date | None] = mapped_column(Date)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))
    author: Mapped[str | None] = mapped_column(Text)
    source_credit: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(Text)
    lead: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64))
    search_text: Mapped[str] = mapped_column(Text)  # fold_diacritics(title + text)
    cms: Mapped[str | None] = mapped_column(String(50))
    extracted_at: Mapped[datetime] = mapped_column(UTC_TIMESTAMP)


class ArticleUrlRow(Base):
    """Every URL an article was reached under, so a second visit under any of them finds the same row."""

    __tablename__ = "article_urls"
    __table_args__ = (UniqueConstraint("portal_id", "url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    portal_id: Mapped[int] = mapped_column(ForeignKey("portals.id"))
    url: Mapped[str] = mapped_column(Text)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete=FACT_CASCADE), index=True)


class OfficialRow(Base):
    __tablename__ = "officials"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text, unique=True)  # match_form + casefold + single spaces


class OfficialMentionRow(Base):
    __tablename__ = "official_mentions"
    __table_args__ = (UniqueConstraint("article_id", "official_id", "title"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete=FACT_CASCADE))
    official_id: Mapped[int] = mapped_column(ForeignKey("officials.id"), index=True)
    title: Mapped[str] = mapped_column(Text, default="")  # '' when the article gives no title
    start_offset: Mapped[int | None] = mapped_column(Integer)
    end_offset: Mapped[int | None] = mapped_column(Integer)
    snippet: Mapped[str | None] = mapped_column(Text)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(50))
    type: Mapped[str] = mapped_column(String(50), default="")  # '' for letters without a type
    issuer: Mapped[str] = mapped_column(String(100), default="")
    year: Mapped[int | None] = mapped_column(Integer)
    type_name: Mapped[str | None] = mapped_column(Text)
    issuing_body: Mapped[str | None] = mapped_column(Text)
    # number|type|issuer|year in matching form: one NOT NULL column carries the uniqueness
    doc_key: Mapped[str] = mapped_column(String(250), unique=True)


class DocumentCitationRow(Base):
    __tablename__ = "document_citations"
    __table_args__ = (UniqueConstraint("article_id", "document_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete=FACT_CASCADE))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    issued_on: Mapped[date | None] = mapped_column(Date)
    raw: Mapped[str | None] = mapped_column(Text)
    start_offset: Mapped[int | None] = mapped_column(Integer)
    end_offset: Mapped[int | None] = mapped_column(Integer)
    snippet: Mapped[str | None] = mapped_column(Text)


class TermRow(Base):
    __tablename__ = "terms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete=FACT_CASCADE), index=True)
    ordinal: Mapped[int | None] = mapped_column(Integer)
    start_year: Mapped[int | None] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer)
    organisation: Mapped[str | None] = mapped_column(Text)
    start_offset: Mapped[int | None] = mapped_column(Integer)
    end_offset: Mapped[int | None] = mapped_column(Integer)
    snippet: Mapped[str | None] = mapped_column(Text)


class SittingRow(Base):
    __tablename__ = "sittings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete=FACT_CASCADE), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # plenum | session
    number: Mapped[int] = mapped_column(Integer)
    start_offset: Mapped[int | None] = mapped_column(Integer)
    end_offset: Mapped[int | None] = mapped_column(Integer)
    snippet: Mapped[str | None] = mapped_column(Text)


class DatedMentionRow(Base):
    __tablename__ = "dated_mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete=FACT_CASCADE), index=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    year_inferred: Mapped[bool] = mapped_column(Boolean, default=False)
    start_offset: Mapped[int | None] = mapped_column(Integer)
    end_offset: Mapped[int | None] = mapped_column(Integer)
    snippet: Mapped[str | None] = mapped_column(Text)


class CrawlFailureRow(Base):
    __tablename__ = "crawl_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id", ondelete=FACT_CASCADE), index=True)
    url: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTC_TIMESTAMP)


# The per-article fact tables that `Store.save_article` replaces as a whole.
FACT_TABLES = (OfficialMentionRow, DocumentCitationRow, TermRow, SittingRow, DatedMentionRow)
