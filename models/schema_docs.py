"""What every table, view and column means: one source for `docs/schema.md`, Datasette and `datapackage.json`.

`python -m models.schema_docs` rewrites docs/schema.md; a test fails when a table, view or column has no
description here or when the file is out of step.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy import Engine, inspect

DOCS_FILE = Path(__file__).resolve().parents[1] / "docs" / "schema.md"

# Columns meaning the same wherever they appear.
COMMON = {
    "id": "Row id (stable while the row exists).",
    "article_id": "The article (`articles.id`).",
    "portal_id": "The portal (`portals.id`).",
    "official_id": "The name (`officials.id`).",
    "document_id": "The document (`documents.id`).",
    "person_id": "The resolved person (`people.id`).",
    "congress_id": "The resolved congress (`congresses.id`).",
    "start_offset": "Where the evidence starts: characters into `articles.text`.",
    "end_offset": "Where the evidence ends: characters into `articles.text`.",
    "snippet": "The sentence the fact was read from.",
    "portal": "Portal slug (`portals.slug`).",
    "article_title": "Headline of the article.",
    "published_on": "Publication day printed on the portal (ISO date).",
    "article_url": "Address of the article.",
    "province": "Province (its name as the portal registry gives it).",
    "place_key": "Folded path of the place: province / district / commune (`places.place_key`).",
    "province_key": "Folded name of the province (`places.place_key`).",
    "name": "Name as written.",
}

TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "portals": (
        "One row per portal of the registry.",
        {
            "slug": "Registry slug.",
            "name": "Portal's name.",
            "base_url": "Home address.",
            "level": "city | district | town | ward | commune | province.",
            "cms": "CMS family.",
        },
    ),
    "crawl_runs": (
        "One row per crawl run.",
        {
            "started_at": "Start, UTC.",
            "finished_at": "End, UTC.",
            "status": "running | finished | failed | interrupted.",
            "portals": "Slugs crawled (JSON list).",
            "stats": "Counters of the run (JSON object).",
            "reason": "Why the run failed or was interrupted.",
            "host": "Machine that ran it.",
            "pid": "Process that ran it.",
            "heartbeat_at": "Last sign of life of a running crawl, UTC.",
        },
    ),
    "pages": (
        "One row per fetched page (the raw HTML is kept compressed and not exported).",
        {
            "url": "Address requested.",
            "final_url": "Address after redirects.",
            "status": "HTTP status.",
            "fetched_at": "When fetched, UTC.",
            "content_hash": "sha256 of the raw body.",
            "html_gz": "gzip of the raw body (for re-extraction).",
            "content_type": "HTTP Content-Type.",
            "encoding": "Character encoding used.",
            "last_run_id": "Crawl run that last fetched it.",
            "kind": "article | non-article | error.",
        },
    ),
    "articles": (
        "One row per article.",
        {
            "page_id": "Page it was last extracted from.",
            "canonical_url": "Canonical address, else the page's.",
            "url": "First address it was stored under.",
            "title": "Headline.",
            "published_at": "Publication time printed on the portal (Vietnam wall clock).",
            "author": "Byline.",
            "source_credit": 'Source credited ("Nguồn: …").',
            "category": "Portal's category.",
            "lead": "Lead paragraph.",
            "text": "Cleaned body text; fact offsets point into it.",
            "text_hash": "Hash of the body in matching form.",
            "search_text": "Title and body folded to plain lower-case letters (đ -> d), for search.",
            "cms": "CMS family detected.",
            "extracted_at": "When extracted, UTC.",
            "kind": "'article', or 'notice' (a body that points to attached files).",
            "attachments": "Files the article links to, as JSON [{url, label}].",
        },
    ),
    "article_urls": ("Every address an article was reached under.", {"url": "An address of the article."}),
    "officials": (
        "One row per distinct name (normalised); `people` resolves names to persons.",
        {
            "name_key": "Name in matching form, lower-case.",
        },
    ),
    "official_mentions": (
        "A title given to a name in an article.",
        {
            "title": "Title as written ('' when none).",
            "status": "What the text says of the title: current | appointed | elected | former | relieved.",
        },
    ),
    "documents": (
        "One row per document: national ones once, local ones per issuing body's place and year.",
        {
            "number": "Number.",
            "type": "Type code (KH, QĐ, NQ …; '' for letters).",
            "issuer": "Issuer code (HU, UBND, TW …).",
            "year": "Year of the code, else of the issue date.",
            "type_name": "Type in words.",
            "issuing_body": "Issuing body as the text names it.",
            "code": "Code as usually written (45-KH/HU).",
            "scope": "national (one document everywhere) | local (scoped to the issuing body's place).",
            "place_key": "Issuing body's place ('' for national documents).",
            "doc_key": "number|type|issuer|year|place: what makes two citations one document.",
        },
    ),
    "document_citations": (
        "An article citing a document.",
        {
            "issued_on": "Issue date this citation gives (kept per citation; conflicts are flagged in v_documents).",
            "raw": "The citation as written.",
        },
    ),
    "terms": (
        "A term mention: congress ordinal and/or term years.",
        {
            "ordinal": "Ordinal (lần thứ / khóa).",
            "start_year": "First year of the term.",
            "end_year": "Last year of the term.",
            "organisation": "Body the text names for it.",
        },
    ),
    "sittings": ("A plenum or session number.", {"kind": "plenum | session.", "number": "Its number."}),
    "dated_mentions": (
        "A calendar day stated in an article.",
        {
            "day": "The day (ISO date).",
            "year_inferred": "1 when the text gave no year.",
        },
    ),
    "crawl_failures": (
        "A failed request or page.",
        {
            "run_id": "Crawl run.",
            "url": "Address.",
            "reason": "What failed.",
            "at": "When, UTC.",
        },
    ),
    "places": (
        "A place portals, issuing bodies or organisations sit in, with its official unit when found.",
        {
            "level": "province | district | commune.",
            "parent_key": "The enclosing place.",
            "code": "General Statistics Office code of the official unit (null when not found).",
            "unit_type": "Official unit type (Tỉnh, Huyện, Xã …).",
            "era": "until-2025-06 (before the 2025 reorganisation) | from-2025-07.",
            "historical": "1 for a unit abolished or merged on 1 July 2025 (every district).",
            "successor_code": "For an old province: the province it is part of from 1 July 2025.",
        },
    ),
    "portal_places": ("The place of each portal.", {}),
    "people": (
        "A resolved person: one name within one province, split when titles place them apart.",
        {
            "person_key": "province|name|unit: stays the same across resolution passes.",
        },
    ),
    "person_links": (
        "Why a name's title in a province belongs to a person.",
        {
            "title": "Title as written ('' when none).",
            "unit_key": "The place the title names, if any.",
            "reason": "Why this title was joined to (or kept apart from) the person.",
        },
    ),
    "congresses": (
        "A numbered congress or term of one body in one place.",
        {
            "congress_key": "kind|place|ordinal.",
            "body": "The body (Đảng bộ xã Nà Bó, HĐND huyện Sơn Hà …).",
            "body_kind": "party | council | front | union | women | veterans | farmers | youth | people-committee | "
            "assembly | national-party.",
            "ordinal": "Ordinal of the congress or term.",
            "start_year": "First year of the term (most stated).",
            "end_year": "Last year of the term.",
            "held_on": "Earliest day an article says it was held.",
        },
    ),
    "congress_mentions": (
        "Which congress a term mention stands for.",
        {
            "term_id": "The term mention (`terms.id`).",
            "held_on": "Day this article says it was held.",
            "reason": "How the body and place were read.",
        },
    ),
}

VIEWS: dict[str, tuple[str, dict[str, str]]] = {
    "v_article_officials": (
        "Each title of each name in each article.",
        {
            "official_name": "Name.",
            "official_title": "Title (null when none).",
            "title_status": "Status of the title.",
        },
    ),
    "v_document_citations": (
        "Each citation with its document.",
        {
            "document_number": "Number.",
            "document_type": "Type code.",
            "document_issuer": "Issuer code.",
            "document_year": "Year.",
            "type_name": "Type in words.",
            "issuing_body": "Issuing body as named.",
            "issued_on": "Issue date this citation gives.",
            "raw": "The citation as written.",
            "document_code": "Code as usually written.",
            "document_scope": "national | local.",
            "document_place": "Issuing body's place.",
        },
    ),
    "v_article_terms": (
        "Each term mention with its article and congress.",
        {
            "ordinal": "Ordinal.",
            "start_year": "First year.",
            "end_year": "Last year.",
            "organisation": "Body named.",
            "held_on": "Day this article says the congress was held.",
        },
    ),
    "v_article_sittings": (
        "Each plenum or session number.",
        {
            "sitting_kind": "plenum | session.",
            "sitting_number": "Number.",
        },
    ),
    "v_article_dates": (
        "Each day stated in an article.",
        {
            "mentioned_day": "The day.",
            "year_inferred": "1 when the text gave no year.",
        },
    ),
    "v_documents": (
        "One row per document, with its citations.",
        {
            "code": "Code as usually written.",
            "number": "Number.",
            "type": "Type code.",
            "type_name": "Type in words.",
            "issuer": "Issuer code.",
            "year": "Year (of the code, else of the issue date).",
            "scope": "national | local.",
            "place": "Issuing body's place (null for national documents).",
            "province": "Province of that place.",
            "place_code": "Official code of that place.",
            "issuing_body": "Issuing body as first named.",
            "citations": "Citations.",
            "portals": "Portals citing it.",
            "issued_on": "Earliest issue date cited.",
            "issue_dates": "Distinct issue dates cited.",
            "date_conflict": "1 when citations disagree on the issue date.",
            "first_cited": "First publication day citing it.",
            "last_cited": "Last publication day citing it.",
        },
    ),
    "v_positions": (
        "One row per person and title: when it was seen, and in how many articles.",
        {
            "title": "Title as written.",
            "status": "Status the latest mention states.",
            "first_seen": "First publication day naming it.",
            "last_seen": "Last publication day naming it.",
            "articles": "Articles naming it.",
        },
    ),
    "v_position_mentions": (
        "Each article giving a person a title (the articles behind v_positions).",
        {
            "title": "Title as written.",
            "status": "Status this article states.",
            "seen_on": "Publication day.",
        },
    ),
    "v_people": (
        "One row per resolved person.",
        {
            "province_code": "Official code of the province.",
            "titles": "Distinct titles.",
            "articles": "Articles.",
            "first_seen": "First publication day naming them.",
            "last_seen": "Last publication day naming them.",
        },
    ),
    "v_person_links": (
        "Why each title belongs to its person.",
        {
            "official_name": "Name as stored.",
            "title": "Title.",
            "unit_key": "Place the title names.",
            "reason": "Why it was joined or kept apart.",
        },
    ),
    "v_congresses": (
        "One row per congress, with its mentions.",
        {
            "body": "The body.",
            "body_kind": "Kind of body.",
            "place": "Place of the body.",
            "place_code": "Official code of the place.",
            "ordinal": "Ordinal.",
            "start_year": "First year.",
            "end_year": "Last year.",
            "held_on": "Day held, when an article says.",
            "mentions": "Term mentions.",
            "articles": "Articles.",
            "first_seen": "First publication day.",
            "last_seen": "Last publication day.",
        },
    ),
}


def describe(relation: str, column: str) -> str | None:
    own = (TABLES.get(relation) or VIEWS.get(relation) or ("", {}))[1]
    return own.get(column) or COMMON.get(column)


def relation_description(relation: str) -> str | None:
    found = TABLES.get(relation) or VIEWS.get(relation)
    return found[0] if found else None


def columns_of(engine: Engine) -> dict[str, list[str]]:
    """Every table's and v_* view's columns, in order, as the migrated database has them."""
    inspector = inspect(engine)
    names = [*TABLES, *sorted(v for v in inspector.get_view_names() if v.startswith("v_"))]
    return {name: [c["name"] for c in inspector.get_columns(name)] for name in names}


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|")


def render_markdown(columns: dict[str, list[str]]) -> str:
    lines = [
        "# Database schema",
        "",
        "Generated by `python -m models.schema_docs` from `models/schema_docs.py`; a test keeps it in step",
        "with the migrations. Dates are ISO days; times are UTC unless said otherwise.",
        "",
    ]
    for heading, group in (("Tables", TABLES), ("Views", VIEWS)):
        lines += [f"## {heading}", ""]
        for name in [n for n in columns if n in group]:
            lines += [f"### `{name}`", "", group[name][0], "", "| column | meaning |", "|---|---|"]
            lines += [f"| `{col}` | {_cell(describe(name, col))} |" for col in columns[name]]
            lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    from models.migrate import upgrade_database
    from models.session import make_engine

    parser = argparse.ArgumentParser(description="Regenerate docs/schema.md")
    parser.parse_args(argv)
    engine = make_engine("sqlite://")
    upgrade_database(engine)
    DOCS_FILE.parent.mkdir(exist_ok=True)
    DOCS_FILE.write_text(render_markdown(columns_of(engine)), encoding="utf-8")
    print(DOCS_FILE)


if __name__ == "__main__":
    main()
