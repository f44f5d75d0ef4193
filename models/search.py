"""Diacritic-insensitive article search: the query is folded exactly like `articles.search_text`.

A LIKE on the folded column works the same on SQLite and PostgreSQL ("dang uy" finds "Đảng ủy", đ -> d
included, which neither SQLite FTS5's remove_diacritics nor a plain ILIKE does). `search` ranks with the
databases' full-text indexes over that same folded column (migration 0004_analyst).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import Float, Integer, func, literal_column, select, text
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


# ranked full-text search ------------------------------------------------------------------------------------

SNIPPET_REACH = 90
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    portal: str
    title: str | None
    published_on: date | None
    url: str
    score: float  # higher is better
    snippet: str  # the first passage of the title and text that holds the query, «marked»

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "published_on": self.published_on.isoformat() if self.published_on else None}


def fold_same_length(text: str) -> str:
    """`fold_diacritics` character by character, so offsets in the folded text are offsets in `text`."""
    folded = fold_diacritics(text)
    return folded if len(folded) == len(text) else "".join((fold_diacritics(c) or c)[:1] for c in text)


def snippet_for(text: str, query_tokens: list[str]) -> str:
    """A passage around the query phrase (else its first word) in the original text, the match «marked»."""
    folded = fold_same_length(text)
    phrase = re.compile(r"\W+".join(re.escape(t) for t in query_tokens))
    found = phrase.search(folded) or re.search(re.escape(query_tokens[0]), folded)
    if found is None:
        return collapse_spaces(text[: 2 * SNIPPET_REACH])
    start, end = max(0, found.start() - SNIPPET_REACH), min(len(text), found.end() + SNIPPET_REACH)
    passage = f"{text[start : found.start()]}«{text[found.start() : found.end()]}»{text[found.end() : end]}"
    return ("…" if start else "") + collapse_spaces(passage) + ("…" if end < len(text) else "")


def ranked_article_ids(session: Session, tokens: list[str], dialect: str) -> Any:
    """(article id, score) ranked by the database's full-text index; None where it has none."""
    if dialect == "sqlite":
        match = " ".join(f'"{t}"' for t in tokens)
        fts = text("SELECT rowid AS id, -bm25(articles_fts) AS score FROM articles_fts WHERE articles_fts MATCH :q")
        return fts.bindparams(q=match).columns(id=Integer, score=Float).subquery("ranked")
    if dialect == "postgresql":
        vector = func.to_tsvector(literal_column("'simple'"), ArticleRow.search_text)
        query = func.plainto_tsquery(literal_column("'simple'"), " ".join(tokens))
        return (
            select(ArticleRow.id.label("id"), func.ts_rank(vector, query).label("score"))
            .where(vector.op("@@")(query))
            .subquery("ranked")
        )
    return None


def search(
    session: Session, query: str, *, portal: str | None = None, since: date | None = None, limit: int = 20
) -> list[SearchHit]:
    """Articles holding every word of `query`, ignoring case and diacritics (đ -> d), best first: SQLite FTS5
    (bm25) or PostgreSQL's text search (ts_rank) over the folded text; elsewhere a phrase LIKE, newest first."""
    tokens = _TOKEN.findall(fold_query(query))
    if not tokens:
        return []
    ranked = ranked_article_ids(session, tokens, session.get_bind().dialect.name)
    columns = (
        ArticleRow.id,
        PortalRow.slug,
        ArticleRow.title,
        ArticleRow.published_on,
        ArticleRow.url,
        ArticleRow.text,
    )
    if ranked is None:
        like = f"%{escape_like(' '.join(tokens))}%"
        stmt = select(*columns, literal_column("0.0").label("score")).where(
            ArticleRow.search_text.like(like, escape=LIKE_ESCAPE)
        )
        order: list[Any] = [ArticleRow.published_on.desc().nulls_last(), ArticleRow.id.desc()]
    else:
        stmt = select(*columns, ranked.c.score).join(ranked, ranked.c.id == ArticleRow.id)
        order = [ranked.c.score.desc(), ArticleRow.id.desc()]
    stmt = stmt.join(PortalRow, PortalRow.id == ArticleRow.portal_id)
    if portal is not None:
        stmt = stmt.where(PortalRow.slug == portal)
    if since is not None:
        stmt = stmt.where(ArticleRow.published_on >= since)
    hits = []
    for row in session.execute(stmt.order_by(*order).limit(limit)):
        body = f"{row.title or ''}\n{row.text}"
        hits.append(
            SearchHit(
                row.id,
                row.slug,
                row.title,
                row.published_on,
                row.url,
                float(f"{float(row.score):.6g}"),
                snippet_for(body, tokens),
            )
        )
    return hits
