"""Document numbers: one case per behaviour, from tests/fixtures/facts/documents_cases.json."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from extractors.contract import document_record
from extractors.facts.documents import find_documents
from extractors.types import DocumentRef

FIXTURES = Path(__file__).parent / "fixtures" / "facts"
CASES = json.loads((FIXTURES / "documents_cases.json").read_text(encoding="utf-8"))
ARTICLES = sorted(FIXTURES.glob("article-*.txt"))
CHECKED_FIELDS = ("number", "type", "issuer", "issuer_named", "year", "type_name", "issuing_body", "raw")


def _by_id(case_id: str) -> dict[str, Any]:
    return next(case for case in CASES if case["id"] == case_id)


def _found(case: dict[str, Any]) -> list[DocumentRef]:
    return find_documents(case["text"])


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_keys(case: dict[str, Any]) -> None:
    expected = [(e["number"], e["type"], e["issuer"]) for e in case["expect"]]
    assert [(d.number, d.type, d.issuer) for d in _found(case)] == expected


@pytest.mark.parametrize(
    "case", [c for c in CASES if any("issued_on" in e for e in c["expect"])], ids=lambda c: c["id"]
)
def test_issued_on(case: dict[str, Any]) -> None:
    got = [d.issued_on.isoformat() if d.issued_on else None for d in _found(case)]
    assert got == [e.get("issued_on") for e in case["expect"]]


@pytest.mark.parametrize("field_name", CHECKED_FIELDS)
def test_optional_fields(field_name: str) -> None:
    cases = [c for c in CASES if any(field_name in e for e in c["expect"])]
    assert cases, f"no fixture case checks {field_name}"
    for case in cases:
        for doc, expected in zip(_found(case), case["expect"], strict=True):
            if field_name in expected:
                assert getattr(doc, field_name) == expected[field_name], case["id"]


REPEATED = [
    "back-reference-joins-full-number",
    "cited-twice-is-one-entry",
    "short-code-joins-the-full-code-of-its-kind",
]


@pytest.mark.parametrize("case_id", REPEATED)
def test_repeated_citations_add_evidence(case_id: str) -> None:
    case = _by_id(case_id)
    docs = _found(case)
    assert [len(d.evidence) for d in docs] == [e["evidence_count"] for e in case["expect"]]


def test_rejects_phones_ratios_days_and_unkeyed_numbers() -> None:
    assert _found(_by_id("not-documents")) == []


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_evidence_offsets_point_at_the_number(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    docs = find_documents(text)
    assert docs
    for doc in docs:
        first = doc.evidence[0]
        assert text[first.start : first.end] == doc.raw
        assert doc.raw in first.snippet and len(first.snippet) <= len(doc.raw) + 170


def test_record_gives_the_code_of_a_body_named_and_its_name() -> None:
    document = _found(_by_id("bare-number-of-a-resolution"))[0]
    record = document_record(document)
    assert (record["issuer"], record["issuer_named"]) == ("TW", "Bộ Chính trị")
    coded = document_record(_found(_by_id("party-odd-spacing-and-dash"))[0])
    assert (coded["issuer"], coded["issuer_named"]) == ("TW", None)


def test_a_day_without_its_year_takes_the_publication_year() -> None:
    text = (
        "Ngày 17/7, Ban Thường vụ Huyện ủy ban hành Kế hoạch số 52-KH/HU về đại hội chi bộ. "
        "Các chi bộ đã hoàn thành nhiệm vụ của năm trước vào ngày 30/12/2023."
    )
    (document,) = find_documents(text, published_on=date(2024, 8, 1))
    assert document.issued_on == date(2024, 7, 17)


def test_a_day_without_its_year_takes_the_year_in_the_number() -> None:
    case = _by_id("yearless-day-takes-the-number-s-year")
    assert [d.issued_on for d in find_documents(case["text"], published_on=date(2024, 2, 1))] == [date(2023, 3, 15)]
