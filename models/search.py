"""Diacritic-insensitive article search: the query is folded exactly like `articles.search_text`.

A LIKE on the folded column works the same on SQLite and PostgreSQL ("dang uy" finds "Đảng ủy", đ -> d
included, which neither SQLite FTS5's remove_diacritics nor a plain ILIKE does).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from extractors.normalize import fold_diacritics
from models.keys import collapse_spaces
from models.tables import ArticleRow, PortalRow

LIKE_ESCAPE = "\\"


def fold_query(query: str) -> str:
    return collapse_spaces(fold_diacritics(query))


def escape_like(text: str) -> str:
    return text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", "\\%").replace("_", "\\_")


def search_articles(
    session: Session, query: str, *, limit: int = 50, portal_slug: str | None = None
) -> list[ArticleRow]:
    """Articles whose title or text contains `query` as a phrase, ignoring case and diacritics;
    newest first."""
    folded = fold_query(query)
    if not folded:
        return []
    stmt = select(ArticleRow).where(ArticleRow.search_text.like(f"%{escape_like(folded)}%", escape=LIKE_ESCAPE))
    if portal_slug is not None:
        stmt = stmt.join(PortalRow, PortalRow.id == ArticleRow.portal_id).where(PortalRow.slug == portal_slug)
    stmt = stmt.order_by(ArticleRow.published_on.desc().nulls_last(), ArticleRow.id.desc()).limit(limit)
    return list(session.execute(stmt).scalars())
