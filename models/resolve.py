"""The resolution pass: places, people and congresses rebuilt from the stored facts, in one transaction.

Why a pass over stored rows rather than a hook in the write path: a person or a congress depends on other
articles' mentions (a name's titles across a province), so deciding it while saving one article would mean
reading and locking every mention of that name inside each crawler worker's transaction — racing and
deadlocking between workers. Documents, whose identity depends on one citation and its portal only, are keyed
in the write path instead (`models.resolve_documents`). The pass takes a database-wide lock (PostgreSQL
advisory lock, SQLite write lock), so two passes never interleave, and writers go on meanwhile (on SQLite
they wait for its commit). Ids of people and congresses stay the same from one pass to the next as long as
their key does; crawls run it when they finish (`ResolvePipeline`), `reextract` after re-keying.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select
from sqlalchemy.orm import Session

from extractors.types import DocumentRef
from models.migrate import lock_exclusively
from models.places import PlaceChain, portal_place, resolve_unit
from models.resolve_congresses import Congress, article_places, held_on, resolve_congress
from models.resolve_documents import document_scope
from models.resolve_people import PersonCluster, TitleGroup, cluster_people, title_unit
from models.session import engine_from
from models.tables import (
    ArticleRow,
    CongressMentionRow,
    CongressRow,
    DatedMentionRow,
    DocumentCitationRow,
    DocumentRow,
    OfficialMentionRow,
    OfficialRow,
    PersonLinkRow,
    PersonRow,
    PlaceRow,
    PortalPlaceRow,
    PortalRow,
    TermRow,
)
from models.upsert import UpsertShape, upsert_ids

RESOLVE_LOCK_KEY = 7_420_151_032
PLACE_SHAPE = UpsertShape(
    ("place_key",),
    overwrite=("name", "level", "province", "parent_key", "code", "unit_type", "era", "historical", "successor_code"),
)
PERSON_SHAPE = UpsertShape(("person_key",), overwrite=("name", "province_key"))
CONGRESS_SHAPE = UpsertShape(
    ("congress_key",), overwrite=("body", "body_kind", "place_key", "ordinal", "start_year", "end_year", "held_on")
)
# term id -> its congress, the term row and the day the article says it was held
Found = dict[int, tuple[Congress, tuple[TermRow, date | None]]]


@dataclass
class ResolutionSummary:
    places: int = 0
    people: int = 0
    person_links: int = 0
    congresses: int = 0
    congress_mentions: int = 0


def resolve_entities(engine_or_url: Engine | str | None) -> ResolutionSummary:
    """Rebuild places, people (with their links) and congresses from the fact tables."""
    engine = engine_from(engine_or_url)
    with engine.begin() as connection:
        lock_exclusively(connection, RESOLVE_LOCK_KEY)
        session = Session(bind=connection)
        portals = _portal_places(session)
        summary = ResolutionSummary()
        places: dict[str, PlaceChain] = {chain.key: chain for chain in portals.values()}
        places.update(_document_places(session, portals))
        clusters = cluster_people(_title_groups(session, portals))
        summary.people, summary.person_links = _write_people(session, clusters)
        congresses = _congress_mentions(session, portals)
        places.update({c.place.key: c.place for c, _ in congresses.values() if c.place is not None})
        summary.congresses, summary.congress_mentions = _write_congresses(session, congresses)
        summary.places = _write_places(session, places)
        session.flush()
        return summary


# portals and places ---------------------------------------------------------------------------------------


def _portal_places(session: Session) -> dict[int, PlaceChain]:
    rows = session.execute(select(PortalRow.id, PortalRow.province, PortalRow.level, PortalRow.name, PortalRow.slug))
    chains = {row.id: portal_place(row.province, row.level, row.name, row.slug) for row in rows}
    session.execute(delete(PortalPlaceRow))
    values = [
        {"portal_id": pid, "place_key": chain.key, "province_key": chain.at("province").key}
        for pid, chain in chains.items()
    ]
    if values:
        session.execute(insert(PortalPlaceRow), values)
    return chains


def _document_places(session: Session, portals: dict[int, PlaceChain]) -> dict[str, PlaceChain]:
    """The place of each local document, recomputed from one citing portal (the key holds only its name)."""
    stmt = (
        select(
            DocumentRow.number,
            DocumentRow.type,
            DocumentRow.issuer,
            DocumentRow.year,
            DocumentRow.issuing_body,
            DocumentRow.place_key,
            func.min(ArticleRow.portal_id).label("portal_id"),
        )
        .join(DocumentCitationRow, DocumentCitationRow.document_id == DocumentRow.id)
        .join(ArticleRow, ArticleRow.id == DocumentCitationRow.article_id)
        .where(DocumentRow.place_key != "")
        .group_by(DocumentRow.id)
    )
    found: dict[str, PlaceChain] = {}
    for row in session.execute(stmt):
        ref = DocumentRef(row.number, row.type or None, row.issuer or None, row.year, issuing_body=row.issuing_body)
        place = document_scope(ref, portals[row.portal_id]).place
        if place is not None and place.key == row.place_key:
            found[place.key] = place
    return found


def _with_ancestors(places: dict[str, PlaceChain]) -> dict[str, PlaceChain]:
    every = dict(places)
    for chain in places.values():
        parent = chain.parent()
        while parent is not None:
            every.setdefault(parent.key, parent)
            parent = parent.parent()
    return every


def _place_values(chain: PlaceChain) -> dict[str, Any]:
    unit = resolve_unit(chain)
    parent = chain.parent()
    return {
        "place_key": chain.key,
        "name": chain.name,
        "level": chain.level,
        "province": chain.province,
        "parent_key": parent.key if parent else None,
        "code": unit.code if unit else None,
        "unit_type": unit.unit_type if unit else None,
        "era": unit.era if unit else None,
        "historical": bool(unit and (unit.historical and unit.level != "province" or unit.successor_code)),
        "successor_code": (unit.successor_code or None) if unit else None,
    }


def _write_places(session: Session, places: dict[str, PlaceChain]) -> int:
    rows = [_place_values(chain) for chain in _with_ancestors(places).values()]
    upsert_ids(session, PlaceRow, rows, PLACE_SHAPE)
    return len(rows)


# people ---------------------------------------------------------------------------------------------------


def _title_groups(session: Session, portals: dict[int, PlaceChain]) -> list[TitleGroup]:
    stmt = (
        select(
            OfficialMentionRow.official_id,
            OfficialRow.name,
            OfficialRow.name_key,
            OfficialMentionRow.title,
            ArticleRow.portal_id,
            func.count().label("mentions"),
        )
        .join(OfficialRow, OfficialRow.id == OfficialMentionRow.official_id)
        .join(ArticleRow, ArticleRow.id == OfficialMentionRow.article_id)
        .group_by(
            OfficialMentionRow.official_id,
            OfficialRow.name,
            OfficialRow.name_key,
            OfficialMentionRow.title,
            ArticleRow.portal_id,
        )
    )
    # one group per (name, province, title); its unit is read on the portal that prints it most
    merged: dict[tuple[int, str, str], tuple[Any, PlaceChain, int]] = {}
    for row in session.execute(stmt):
        portal = portals[row.portal_id]
        key = (row.official_id, portal.at("province").key, row.title)
        seen = merged.get(key)
        total = row.mentions + (seen[2] if seen else 0)
        best = row if seen is None or row.mentions > seen[0].mentions else seen[0]
        merged[key] = (best, portals[best.portal_id], total)
    groups = []
    for (official_id, province_key, title), (row, portal, total) in sorted(merged.items()):
        groups.append(
            TitleGroup(
                official_id=official_id,
                name=row.name,
                name_key=row.name_key,
                province_key=province_key,
                province=portal.province,
                title=title,
                mentions=total,
                unit=title_unit(title, portal),
            )
        )
    return groups


def _write_people(session: Session, clusters: list[PersonCluster]) -> tuple[int, int]:
    rows = [{"person_key": c.key, "name": c.name, "province_key": c.province_key} for c in clusters]
    ids = upsert_ids(session, PersonRow, rows, PERSON_SHAPE)
    _delete_others(session, PersonRow.__table__, PersonRow.person_key, set(ids))
    session.execute(delete(PersonLinkRow))
    links = [
        {
            "person_id": ids[cluster.key],
            "official_id": group.official_id,
            "province_key": group.province_key,
            "title": group.title,
            "unit_key": group.unit.key if group.unit else None,
            "reason": reason,
        }
        for cluster in clusters
        for group, reason in cluster.links
    ]
    if links:
        session.execute(insert(PersonLinkRow), links)
    return len(ids), len(links)


def _delete_others(session: Session, table: Any, key_column: Any, keep: set[str]) -> None:
    stale = [k for k in session.execute(select(key_column)).scalars() if k not in keep]
    for start in range(0, len(stale), 500):
        session.execute(delete(table).where(key_column.in_(stale[start : start + 500])))


# congresses -----------------------------------------------------------------------------------------------


def _congress_mentions(session: Session, portals: dict[int, PlaceChain]) -> Found:
    """term id -> its congress and (term row, day held)."""
    terms = session.execute(select(TermRow, ArticleRow.portal_id).join(ArticleRow).where(TermRow.ordinal.is_not(None)))
    by_article: dict[int, list[tuple[TermRow, int]]] = defaultdict(list)
    for term, portal_id in terms:
        by_article[term.article_id].append((term, portal_id))
    found: Found = {}
    for article_id, items in by_article.items():
        text = session.execute(select(ArticleRow.text).where(ArticleRow.id == article_id)).scalar_one()
        stated = select(DatedMentionRow.day, DatedMentionRow.start_offset).where(
            DatedMentionRow.article_id == article_id
        )
        days = [(row.day, row.start_offset) for row in session.execute(stated)]
        named = article_places([term.organisation for term, _ in items], portals[items[0][1]])
        for term, portal_id in items:
            congress = resolve_congress(term.ordinal, term.organisation, portals[portal_id], named)
            if congress is not None:
                found[term.id] = (congress, (term, held_on(text, term.start_offset, term.end_offset, days)))
    return found


def _congress_rows(found: Found) -> list[dict[str, Any]]:
    grouped: dict[str, list[tuple[Congress, TermRow, date | None]]] = defaultdict(list)
    for congress, (term, day) in found.values():
        grouped[congress.key].append((congress, term, day))
    rows = []
    for key, items in grouped.items():
        congress = items[0][0]
        years = [(t.start_year, t.end_year) for _, t, _ in items if t.start_year]
        days = [d for _, _, d in items if d is not None]
        start, end = max(set(years), key=years.count) if years else (None, None)
        rows.append(
            {
                "congress_key": key,
                "body": congress.body,
                "body_kind": congress.kind,
                "place_key": congress.place_key,
                "ordinal": congress.ordinal,
                "start_year": start,
                "end_year": end,
                "held_on": min(days) if days else None,
            }
        )
    return rows


def _write_congresses(session: Session, found: Found) -> tuple[int, int]:
    ids = upsert_ids(session, CongressRow, _congress_rows(found), CONGRESS_SHAPE)
    session.execute(delete(CongressMentionRow))
    _delete_others(session, CongressRow.__table__, CongressRow.congress_key, set(ids))
    links = [
        {"term_id": term_id, "congress_id": ids[congress.key], "held_on": day, "reason": congress.reason}
        for term_id, (congress, (_term, day)) in found.items()
    ]
    if links:
        session.execute(insert(CongressMentionRow), links)
    return len(ids), len(links)
