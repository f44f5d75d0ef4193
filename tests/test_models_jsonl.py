"""`vnportal extract` records read back into `Article` objects without loss."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.contract import article_record
from models.jsonl import article_from_record, read_articles

FIXTURES = Path(__file__).parent / "fixtures" / "models"
RECORDS = sorted(FIXTURES.glob("article_*.json"))


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.stem)
def test_record_round_trips_through_article(path: Path) -> None:
    record = json.loads(path.read_text(encoding="utf-8"))
    assert article_record(article_from_record(record), source=record["source"]) == record


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.stem)
def test_fixture_evidence_offsets_point_at_their_snippets(path: Path) -> None:
    article = article_from_record(json.loads(path.read_text(encoding="utf-8")))
    facts = article.facts
    items = [*facts.officials, *facts.documents, *facts.terms, *facts.sittings, *facts.dates]
    evidence = [e for item in items for e in item.evidence]
    assert all(article.content.text[e.start : e.end] == e.snippet for e in evidence)


def test_jsonl_file_yields_one_article_per_line(tmp_path: Path) -> None:
    lines = [json.dumps(json.loads(p.read_text(encoding="utf-8")), ensure_ascii=False) for p in RECORDS]
    source = tmp_path / "out.jsonl"
    source.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    assert [a.url for a in read_articles(source)] == [json.loads(line)["url"] for line in lines]


def test_document_cited_without_a_code_keeps_its_name_and_code() -> None:
    record = json.loads((FIXTURES / "article_congress.json").read_text(encoding="utf-8"))
    record["documents"][0].update(issuer="HU", issuer_named="Ban Thường vụ Huyện ủy")
    document = article_from_record(record).facts.documents[0]
    assert (document.issuer, document.issuer_named) == ("HU", "Ban Thường vụ Huyện ủy")
    assert article_record(article_from_record(record), source=record["source"]) == record
