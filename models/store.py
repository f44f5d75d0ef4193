"""`Store`: the one object the crawler pipeline writes through.

Every public method is its own transaction, so one bad article never loses what was stored before it;
failures surface as `StoreError` (or its subclass `ArticleSaveError`) for the pipeline to count.
Saving is idempotent: the same pages crawled twice leave the same rows.

Several crawler processes may write at once. Every keyed row goes in with the database's upsert
(`INSERT … ON CONFLICT`), a page commits together with its article and facts (`save_page`), SQLite
writers begin IMMEDIATE and wait for each other (`models.session`), PostgreSQL writers of one article
take advisory locks on its addresses and text, and a transaction that lost a race (deadlock, busy) runs
again (`models.transient`).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import Engine, bindparam, exists, func, insert, or_, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from extractors.types import Article, Official
from models import keys
from models import runs as run_log
from models.bounds import fitted
from models.fact_rows import citation_rows, official_rows, simple_fact_rows
from models.fact_writer import FactsRefused, FactWriter
from models.identity import ArticleIdentity, article_identity, article_values, utc
from models.migrate import upgrade_database
from models.records import (
    PAGE_KINDS,
    CrawlStats,
    FetchedPage,
    PageSaveResult,
    PortalRecord,
    RunRecord,
    StoredPage,
)
from models.resolve_documents import DocumentKeyer, keyer_for_portal
from models.search import search_articles
from models.session import make_engine, make_session_factory, writer
from models.tables import (
    FACT_TABLES,
    ArticleRow,
    ArticleUrlRow,
    CrawlFailureRow,
    CrawlRunRow,
    DatedMentionRow,
    DocumentCitationRow,
    DocumentRow,
    OfficialMentionRow,
    OfficialRow,
    PageRow,
    PortalRow,
    SittingRow,
    TermRow,
)
from models.transient import RETRY_PAUSE_S, WRITE_ATTEMPTS, is_transient
from models.upsert import UpsertShape, insert_new_id, upsert_id

COUNTED_TABLES = {
    "portals": PortalRow,
    "runs": CrawlRunRow,
    "pages": PageRow,
    "articles": ArticleRow,
    "article_urls": ArticleUrlRow,
    "officials": OfficialRow,
    "official_mentions": OfficialMentionRow,
    "documents": DocumentRow,
    "document_citations": DocumentCitationRow,
    "terms": TermRow,
    "sittings": SittingRow,
    "dated_mentions": DatedMentionRow,
    "failures": CrawlFailureRow,
}
FACT_TABLES_BY_NAME = {model.__tablename__: model.__table__ for model in FACT_TABLES}
PORTAL_SHAPE = UpsertShape(("slug",), overwrite=("name", "base_url", "level", "province", "cms"))
PAGE_SHAPE = UpsertShape(
    ("url",),
    overwrite=("final_url", "status", "fetched_at", "content_type", "encoding", "portal_id", "last_run_id", "kind"),
)
PAGE_WITH_BODY_SHAPE = dataclasses.replace(PAGE_SHAPE, overwrite=(*PAGE_SHAPE.overwrite, "content_hash", "html_gz"))
# Built once: SQLAlchemy then reuses the compiled statement for every article.
_DELETE_FACTS = [
    table.delete().where(table.c.article_id == bindparam("article_id")) for table in FACT_TABLES_BY_NAME.values()
]
OFFICIAL_SHAPE = UpsertShape(("name_key",))
DOCUMENT_SHAPE = UpsertShape(("doc_key",), fill_if_null=("type_name", "issuing_body", "code"))
_ALIAS_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}
# Sorted, so two writers wanting overlapping keys take them in one order and cannot deadlock.
_ADVISORY_LOCKS = text(
    "SELECT pg_advisory_xact_lock(k) FROM (SELECT unnest(CAST(:keys AS bigint[])) AS k ORDER BY k) AS sorted_keys"
)
MAX_REASON_CHARS = 2000
T = TypeVar("T")


class StoreError(RuntimeError):
    """A write or read the store could not do; the database is left as it was before the call."""


class ArticleSaveError(StoreError):
    """One article could not be saved (everything stored before it is kept)."""


@dataclass(frozen=True)
class SavedArticle:
    article_id: int
    is_new: bool  # a new row has no facts to delete
    fact_failures: list[str] = field(default_factory=list)


class Store:
    def __init__(self, url: str | None = None, *, engine: Engine | None = None, upgrade: bool = True):
        self.engine = engine if engine is not None else make_engine(url)
        if upgrade:
            upgrade_database(self.engine)
        self._sessions = make_session_factory(self.engine)
        self._write_sessions = make_session_factory(writer(self.engine))
        self._portal_ids: dict[str, int] = {}

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(
        self, what: str, error: type[StoreError] = StoreError, *, reads_only: bool = False
    ) -> Iterator[Session]:
        """One transaction; a writing one holds SQLite's write lock from its start (see `_write` for retries)."""
        sessions = self._sessions if reads_only else self._write_sessions
        try:
            with sessions.begin() as session:
                yield session
            self._remember_portals(session)
        except StoreError:
            raise
        except Exception as exc:  # any failure inside the transaction: rolled back, reported as ours
            raise error(f"{what}: {type(exc).__name__}: {exc}") from exc

    def _write(self, what: str, work: Callable[[Session], T], error: type[StoreError] = StoreError) -> T:
        """Run `work` in one writing transaction; a transaction that lost a race runs again."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                with self._write_sessions.begin() as session:
                    result = work(session)
                self._remember_portals(session)
                return result
            except (StoreError, FactsRefused):
                raise
            except Exception as exc:  # any failure inside the transaction: rolled back, reported as ours
                if attempt < WRITE_ATTEMPTS and is_transient(exc):
                    time.sleep(RETRY_PAUSE_S * attempt)
                    continue
                raise error(f"{what}: {type(exc).__name__}: {exc}") from exc
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _write_isolating_facts(
        self, what: str, work: Callable[[Session, bool], T], error: type[StoreError] = StoreError
    ) -> T:
        """`work(session, isolate=False)`; when the database refused a fact, again with each fact alone."""
        try:
            return self._write(what, lambda session: work(session, False), error)
        except FactsRefused:
            return self._write(what, lambda session: work(session, True), error)

    # portals and runs -----------------------------------------------------------------------------

    def upsert_portal(self, portal: PortalRecord) -> int:
        values = {
            "slug": portal.slug,
            "name": portal.name,
            "base_url": portal.base_url,
            "level": portal.level,
            "province": portal.province,
            "cms": portal.cms,
        }
        with self._transaction(f"saving portal {portal.slug}") as session:
            return upsert_id(session, PortalRow, values, PORTAL_SHAPE)

    def _portal_id(self, session: Session, slug: str, seen_url: str | None) -> int:
        """The portal's id; a portal the pipeline never declared is created from its slug and URL."""
        if slug in self._portal_ids:
            return self._portal_ids[slug]
        seen = session.info.setdefault("portal_ids", {})
        if slug not in seen:
            base = keys.site_origin(seen_url) if seen_url else ""
            values = {"slug": slug, "name": slug, "base_url": base}
            seen[slug] = upsert_id(session, PortalRow, values, UpsertShape(("slug",)))
        return int(seen[slug])

    def _remember_portals(self, session: Session) -> None:
        """Portal ids are cached once their transaction committed: a rolled back one cannot stale the cache."""
        self._portal_ids.update(session.info.get("portal_ids", {}))

    def start_run(self, portal_slugs: list[str], lease: timedelta = run_log.DEFAULT_LEASE) -> int:
        """A new `running` run owned by this process; runs whose process is gone are closed first."""
        owner = run_log.RunOwner.current()
        with self._transaction("starting a crawl run") as session:
            run_log.close_abandoned_runs(session, owner, lease)
            return run_log.new_run(session, portal_slugs, owner).id

    def heartbeat(self, run_id: int) -> None:
        """The run's process is alive (see `models.runs`)."""
        with self._transaction(f"heartbeat of run {run_id}") as session:
            session.execute(update(CrawlRunRow).where(CrawlRunRow.id == run_id).values(heartbeat_at=datetime.now(UTC)))

    def finish_run(
        self, run_id: int, stats: dict[str, Any] | CrawlStats, status: str = "finished", reason: str | None = None
    ) -> None:
        with self._transaction(f"finishing run {run_id}") as session:
            run = session.get(CrawlRunRow, run_id)
            if run is None:
                raise StoreError(f"no crawl run with id {run_id}")
            run.finished_at = datetime.now(UTC)
            run.status = status
            run.reason = reason
            run.stats = stats.as_dict() if isinstance(stats, CrawlStats) else dict(stats)

    def runs(self) -> list[RunRecord]:
        """Every crawl run, oldest first."""
        return list(reversed(self.recent_runs()))

    def recent_runs(self, limit: int | None = None, status: str | None = None) -> list[RunRecord]:
        """Crawl runs newest first, optionally only the last `limit` or those with `status`."""
        with self._transaction("reading crawl runs", reads_only=True) as session:
            return run_log.recent_runs(session, limit, status)

    def record_failure(self, run_id: int | None, url: str, reason: str) -> None:
        """Log a failed URL; the same URL failing twice in one run keeps one row with the last reason."""
        with self._transaction(f"recording failure of {url}") as session:
            _add_failure(session, run_id, url, reason)

    # pages ------------------------------------------------------------------------------------------

    def record_page(self, page: FetchedPage, kind: str) -> int:
        """Upsert by URL. A fetch without a body keeps the body stored earlier (for re-extraction)."""
        _check_kind(kind)
        return self._write(f"recording page {page.url}", lambda session: self._upsert_page(session, page, kind))

    def save_page(self, page: FetchedPage, kind: str, article: Article | None = None) -> PageSaveResult:
        """The page, its article and the article's facts, in ONE transaction: a page is never stored as an
        article without its article row. A fact the database cannot hold is left out and named (in the
        result and in `crawl_failures`); an article that cannot be saved leaves the page stored as an
        error (so the next crawl fetches it again), its reason in the result and in `crawl_failures`."""
        _check_kind(kind)
        what = f"storing page {page.url}"
        try:
            return self._write_isolating_facts(
                what, lambda session, isolate: self._save_page(session, page, kind, article, isolate)
            )
        except ArticleSaveError as error:
            reason = f"store: {error}"
            page_id = self._write(what, lambda session: self._record_unsaved_article(session, page, reason))
            return PageSaveResult(page_id=page_id, error=reason)

    def _upsert_page(self, session: Session, page: FetchedPage, kind: str) -> int:
        values: dict[str, Any] = {
            "url": page.url,
            "final_url": page.final_url,
            "status": page.status,
            "fetched_at": utc(page.fetched_at),
            "content_type": page.content_type,
            "encoding": page.encoding,
            "portal_id": self._portal_id(session, page.portal_slug, page.url),
            "last_run_id": page.run_id,
            "kind": kind,
        }
        if page.html is not None:
            values["content_hash"] = keys.sha256_hex(page.html)
            values["html_gz"] = keys.compress_html(page.html)
        shape = PAGE_SHAPE if page.html is None else PAGE_WITH_BODY_SHAPE
        return upsert_id(session, PageRow, values, shape)

    def _save_page(
        self, session: Session, page: FetchedPage, kind: str, article: Article | None, isolate: bool
    ) -> PageSaveResult:
        page_id = self._upsert_page(session, page, kind)
        if article is None:
            return PageSaveResult(page_id=page_id)
        saved = self._save_article(session, page_id, page.portal_slug, article, page.run_id, isolate)
        return PageSaveResult(page_id=page_id, article_id=saved.article_id, fact_failures=saved.fact_failures)

    def _record_unsaved_article(self, session: Session, page: FetchedPage, reason: str) -> int:
        page_id = self._upsert_page(session, page, "error")
        _add_failure(session, page.run_id, page.final_url or page.url, reason)
        return page_id

    def page_fingerprint(self, url: str) -> str | None:
        """sha256 of the body last stored for `url`, for "unchanged since the last crawl" checks."""
        with self._transaction(f"reading page {url}", reads_only=True) as session:
            return session.execute(select(PageRow.content_hash).where(PageRow.url == url)).scalar()

    def known_page_hashes(self, portal_slug: str | None = None) -> dict[str, str]:
        stmt = select(PageRow.url, PageRow.content_hash).where(PageRow.content_hash.is_not(None))
        if portal_slug is not None:
            stmt = stmt.join(PortalRow, PortalRow.id == PageRow.portal_id).where(PortalRow.slug == portal_slug)
        with self._transaction("reading page hashes", reads_only=True) as session:
            return {url: digest for url, digest in session.execute(stmt)}

    def set_page_kind(self, page_id: int, kind: str) -> None:
        """Re-extraction may decide a stored page is (or is not) an article after all."""
        _check_kind(kind)
        with self._transaction(f"updating page {page_id}") as session:
            _set_page_kind(session, page_id, kind)

    def fresh_article_urls(self, since: datetime) -> set[str]:
        """URLs of pages fetched at or after `since` that incremental crawls skip: non-articles, and article
        pages whose article is stored (an article page without one, left by an older version or by an
        interrupted write, is fetched again)."""
        article_stored = exists().where(
            ArticleUrlRow.portal_id == PageRow.portal_id, ArticleUrlRow.url.in_([PageRow.url, PageRow.final_url])
        )
        stmt = select(PageRow.url).where(
            PageRow.fetched_at >= utc(since),
            or_(PageRow.kind == "non-article", (PageRow.kind == "article") & article_stored),
        )
        with self._transaction("reading recently fetched pages", reads_only=True) as session:
            return set(session.execute(stmt).scalars())

    def iter_pages_for_reextraction(
        self,
        portal_slug: str | None = None,
        kinds: tuple[str, ...] = ("article", "non-article"),
        batch_size: int = 200,
    ) -> Iterator[StoredPage]:
        """Stored bodies, in id order, read in batches (keyset paging: no transaction held while the
        caller works, so it may write through this store meanwhile)."""
        last_id = 0
        while True:
            with self._transaction("reading stored pages", reads_only=True) as session:
                batch = session.execute(_pages_after(last_id, portal_slug, kinds, batch_size)).all()
            for row in batch:
                yield StoredPage(
                    page_id=row.id,
                    url=row.url,
                    final_url=row.final_url,
                    portal_slug=row.slug,
                    html=keys.decompress_html(row.html_gz),
                    content_type=row.content_type,
                    encoding=row.encoding,
                    kind=row.kind,
                )
            if len(batch) < batch_size:
                return
            last_id = batch[-1].id

    # articles ---------------------------------------------------------------------------------------

    def save_article(self, page_id: int | None, portal_slug: str, article: Article, *, mark_page: bool = False) -> int:
        """Insert or update the article and replace all its facts, in one transaction (facts the database
        cannot hold are left out and recorded in `crawl_failures`, see `save_page`). `mark_page`: the same
        transaction marks the page an article (re-extraction), so a page never says article without one."""
        label = article.url or article.content.canonical_url or f"page {page_id}"

        def work(session: Session, isolate: bool) -> SavedArticle:
            saved = self._save_article(session, page_id, portal_slug, article, None, isolate)
            if mark_page and page_id is not None:
                _set_page_kind(session, page_id, "article")
            return saved

        return self._write_isolating_facts(f"saving article {label}", work, ArticleSaveError).article_id

    def _save_article(
        self,
        session: Session,
        page_id: int | None,
        portal_slug: str,
        article: Article,
        run_id: int | None,
        isolate: bool,
    ) -> SavedArticle:
        try:
            identity = article_identity(article, _page_urls(session, page_id))
            portal_id = self._portal_id(session, portal_slug, identity.url)
            saved = self._upsert_article(session, portal_id, page_id, article, identity)
            self._add_aliases(session, portal_id, saved.article_id, identity.alias_urls)
        except Exception as exc:
            if is_transient(exc):
                raise
            label = article.url or article.content.canonical_url or f"page {page_id}"
            raise ArticleSaveError(f"saving article {label}: {type(exc).__name__}: {exc}") from exc
        facts = FactWriter(session, isolate)
        self._replace_facts(facts, saved.article_id, article, saved.is_new, _document_keyer(session, portal_id))
        if facts.failures:
            reason = f"facts not stored ({len(facts.failures)}): " + "; ".join(facts.failures)
            _add_failure(session, run_id, identity.url, reason[:MAX_REASON_CHARS])
        return dataclasses.replace(saved, fact_failures=facts.failures)

    def _find_article(self, session: Session, portal_id: int, identity: ArticleIdentity) -> int | None:
        stmt = select(ArticleUrlRow.url, ArticleUrlRow.article_id).where(
            ArticleUrlRow.portal_id == portal_id, ArticleUrlRow.url.in_(identity.alias_urls)
        )
        by_url = {url: article_id for url, article_id in session.execute(stmt)}
        for url in identity.alias_urls:  # canonical first: it wins when URLs disagree
            if url in by_url:
                return by_url[url]
        if not identity.hash_is_evidence:
            return None
        same_text = select(ArticleRow.id).where(
            ArticleRow.portal_id == portal_id, ArticleRow.text_hash == identity.text_hash
        )
        return session.execute(same_text.order_by(ArticleRow.id).limit(1)).scalar()

    def _upsert_article(
        self, session: Session, portal_id: int, page_id: int | None, article: Article, identity: ArticleIdentity
    ) -> SavedArticle:
        _lock_identity(session, portal_id, identity)
        values = article_values(article, identity) | {"page_id": page_id}
        table = ArticleRow.__table__
        article_id = self._find_article(session, portal_id, identity)
        if article_id is None:
            new = values | {"portal_id": portal_id, "canonical_url": identity.canonical_url}
            new_id = insert_new_id(session, ArticleRow, new, ("portal_id", "canonical_url"))
            if new_id is not None:
                return SavedArticle(new_id, is_new=True)
            # another writer stored this canonical URL since we looked: update that row instead
            article_id = session.execute(
                select(ArticleRow.id).where(
                    ArticleRow.portal_id == portal_id, ArticleRow.canonical_url == identity.canonical_url
                )
            ).scalar_one()
        # canonical URL and URL stay the first stored: an article served under two paths must not flip
        # between them on every crawl; the page only fills in when none was known
        values.pop("url")
        values["page_id"] = func.coalesce(table.c.page_id, values.get("page_id"))
        session.execute(table.update().where(table.c.id == article_id).values(**fitted(table, values)))
        return SavedArticle(article_id, is_new=False)

    def _add_aliases(self, session: Session, portal_id: int, article_id: int, urls: list[str]) -> None:
        rows = [{"portal_id": portal_id, "url": url, "article_id": article_id} for url in urls]
        dialect = session.get_bind().dialect.name
        if dialect in _ALIAS_INSERTS:  # a URL already naming another article keeps naming it
            session.execute(_alias_insert(dialect), rows)
            return
        taken = set(
            session.execute(
                select(ArticleUrlRow.url).where(ArticleUrlRow.portal_id == portal_id, ArticleUrlRow.url.in_(urls))
            ).scalars()
        )
        fresh = [r for r in rows if r["url"] not in taken]
        if fresh:
            session.execute(insert(ArticleUrlRow), fresh)

    def _replace_facts(
        self, facts_writer: FactWriter, article_id: int, article: Article, is_new: bool, keyer: DocumentKeyer
    ) -> None:
        session = facts_writer.session
        if not is_new:
            for statement in _DELETE_FACTS:
                session.execute(statement, {"article_id": article_id})
        facts = article.facts
        # an official or document that cannot be stored is left out with the facts citing it
        official_values = [_official_values(o) for o in facts.officials]
        document_values = [keys.without_nul(keyer.values(d)) for d in facts.documents]
        officials = facts_writer.upsert_entities(OfficialRow, facts.officials, official_values, OFFICIAL_SHAPE)
        documents = facts_writer.upsert_entities(DocumentRow, facts.documents, document_values, DOCUMENT_SHAPE)
        batches = {
            "official_mentions": official_rows(article_id, officials.stored, officials.id_of),
            "document_citations": citation_rows(article_id, documents.stored, documents.id_of),
            **simple_fact_rows(article_id, facts),
        }
        for name, rows in batches.items():
            facts_writer.insert(FACT_TABLES_BY_NAME[name], rows)

    # reading ----------------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        with self._transaction("counting rows", reads_only=True) as session:
            return {
                name: int(session.execute(select(func.count()).select_from(model)).scalar_one())
                for name, model in COUNTED_TABLES.items()
            }

    def search(self, query: str, limit: int = 50) -> list[ArticleRow]:
        with self._transaction(f"searching {query!r}", reads_only=True) as session:
            return search_articles(session, query, limit=limit)


@lru_cache(maxsize=4)
def _alias_insert(dialect: str) -> Any:
    return _ALIAS_INSERTS[dialect](ArticleUrlRow.__table__).on_conflict_do_nothing()


def _check_kind(kind: str) -> None:
    if kind not in PAGE_KINDS:
        raise StoreError(f"page kind must be one of {PAGE_KINDS}, got {kind!r}")


def _add_failure(session: Session, run_id: int | None, url: str, reason: str) -> None:
    where = (
        CrawlFailureRow.url == url,
        CrawlFailureRow.run_id.is_(None) if run_id is None else CrawlFailureRow.run_id == run_id,
    )
    row = session.execute(select(CrawlFailureRow).where(*where)).scalars().first()
    if row is None:
        row = CrawlFailureRow(run_id=run_id, url=url)
        session.add(row)
    row.reason, row.at = reason, datetime.now(UTC)


def _lock_identity(session: Session, portal_id: int, identity: ArticleIdentity) -> None:
    """PostgreSQL: writers of one article (any of its addresses, or its text when that is evidence)
    queue here, so the look-up that follows sees what the other committed. SQLite's writers are
    serialised by BEGIN IMMEDIATE already."""
    if session.get_bind().dialect.name != "postgresql":
        return
    names = [*identity.alias_urls, *([f"text:{identity.text_hash}"] if identity.hash_is_evidence else [])]
    lock_keys = sorted({keys.advisory_lock_key(f"{portal_id}|{name}") for name in names})
    session.execute(_ADVISORY_LOCKS, {"keys": lock_keys}).all()


def _page_urls(session: Session, page_id: int | None) -> list[str]:
    if page_id is None:
        return []
    row = session.execute(select(PageRow.url, PageRow.final_url).where(PageRow.id == page_id)).first()
    return [] if row is None else [row.url, row.final_url or ""]


def _name_key(official: Official) -> str:
    return keys.name_key(official.name)


def _document_keyer(session: Session, portal_id: int) -> DocumentKeyer:
    """Documents are keyed by the place of the portal that cites them (models.resolve_documents)."""
    portal = session.execute(
        select(PortalRow.province, PortalRow.level, PortalRow.name, PortalRow.slug).where(PortalRow.id == portal_id)
    ).one()
    return keyer_for_portal(portal.province, portal.level, portal.name, portal.slug)


def _set_page_kind(session: Session, page_id: int, kind: str) -> None:
    page = session.get(PageRow, page_id)
    if page is None:
        raise StoreError(f"no page with id {page_id}")
    page.kind = kind


def _official_values(official: Official) -> dict[str, Any]:
    return keys.without_nul({"name": keys.collapse_spaces(official.name), "name_key": _name_key(official)})


def _pages_after(last_id: int, portal_slug: str | None, kinds: tuple[str, ...], limit: int) -> Any:
    stmt = (
        select(
            PageRow.id,
            PageRow.url,
            PageRow.final_url,
            PageRow.html_gz,
            PageRow.content_type,
            PageRow.encoding,
            PageRow.kind,
            PortalRow.slug,
        )
        .join(PortalRow, PortalRow.id == PageRow.portal_id)
        .where(PageRow.id > last_id, PageRow.html_gz.is_not(None), PageRow.kind.in_(kinds))
        .order_by(PageRow.id)
        .limit(limit)
    )
    return stmt.where(PortalRow.slug == portal_slug) if portal_slug is not None else stmt
