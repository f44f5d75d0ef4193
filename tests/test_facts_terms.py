"""Terms and sittings: one case per behaviour, from tests/fixtures/facts/{terms,sittings}_cases.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractors.contract import term_record
from extractors.facts import extract_facts
from extractors.facts.terms import find_sittings, find_terms
from models.fact_rows import term_row

FIXTURES = Path(__file__).parent / "fixtures" / "facts"
TERM_CASES = json.loads((FIXTURES / "terms_cases.json").read_text(encoding="utf-8"))
SITTING_CASES = json.loads((FIXTURES / "sittings_cases.json").read_text(encoding="utf-8"))
ARTICLE = FIXTURES / "article-ward-congress.txt"


@pytest.mark.parametrize("case", TERM_CASES, ids=[c["id"] for c in TERM_CASES])
def test_term_triples(case: dict[str, Any]) -> None:
    assert [list(t.key) for t in find_terms(case["text"])] == case["terms"]


@pytest.mark.parametrize("case", SITTING_CASES, ids=[c["id"] for c in SITTING_CASES])
def test_sittings(case: dict[str, Any]) -> None:
    assert [[s.kind, s.number] for s in find_sittings(case["text"])] == case["sittings"]


def test_article_terms_mention_by_mention() -> None:
    keys = [t.key for t in find_terms(ARTICLE.read_text(encoding="utf-8"))]
    assert keys == [(1, 2025, 2030), (None, 2025, 2030), (19, 2025, 2030), (14, None, None), (1, None, None)]


def test_repeated_term_is_one_entry_with_all_evidence() -> None:
    terms = find_terms(ARTICLE.read_text(encoding="utf-8"))
    years_only = next(t for t in terms if t.ordinal is None)
    assert len([t for t in terms if t.key == years_only.key]) == 1
    text = (
        "Đại hội Đảng bộ xã lần thứ XXV, nhiệm kỳ 2025 - 2030. "
        "Nghị quyết Đại hội Đảng bộ xã lần thứ XXV, nhiệm kỳ 2025 - 2030."
    )
    (term,) = find_terms(text)
    assert len(term.evidence) == 2


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Đại hội đại biểu Đảng bộ phường Đông Sơn lần thứ I, nhiệm kỳ 2025 - 2030", "Đảng bộ phường Đông Sơn"),
        ("Kỳ họp thứ 3 HĐND huyện khóa XX bế mạc.", "HĐND huyện"),
        ("Sáng 9/5/2025, Đảng bộ xã Hòa Mỹ long trọng tổ chức Đại hội đại biểu lần thứ XIX.", "Đảng bộ xã Hòa Mỹ"),
        ("Ủy ban MTTQ Việt Nam huyện Lâm Sơn tổ chức Đại hội lần thứ XI.", "Ủy ban MTTQ Việt Nam huyện Lâm Sơn"),
        ("Đồng chí Đặng Văn Tư, Bí thư Đảng ủy xã khóa XVI trình bày báo cáo.", "Đảng ủy xã"),
        ("bầu 5 đại biểu đi dự Đại hội đại biểu MTTQ Việt Nam tỉnh lần thứ XII.", "MTTQ Việt Nam tỉnh"),
        ("quán triệt Nghị quyết Đại hội XIV của Đảng vào thực tiễn", "Đảng"),
        ("tiến tới Đại hội đại biểu toàn quốc lần thứ XIV", "toàn quốc"),
    ],
)
def test_organisation(text: str, organisation: str) -> None:
    assert find_terms(text)[0].organisation == organisation


def test_evidence_offsets_cover_the_mention() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    for term in find_terms(text):
        for evidence in term.evidence:
            mention = text[evidence.start : evidence.end]
            assert mention in evidence.snippet
            assert any(word in mention for word in ("lần thứ", "khoá", "khóa", "Đại hội", "nhiệm kỳ"))


def test_a_headline_adds_the_term_triples_the_body_does_not_name() -> None:
    facts = extract_facts(
        "Sáng 8/7, HĐND huyện Mường Tè khóa XXI, nhiệm kỳ 2021 - 2026 khai mạc kỳ họp thứ 12.",
        headline="Kỳ họp thứ 12 HĐND huyện Mường Tè khóa XXI",
    )
    assert [(t.ordinal, t.start_year, t.end_year) for t in facts.terms] == [(21, 2021, 2026), (21, None, None)]
    assert [e.field for t in facts.terms for e in t.evidence] == ["text", "title"]


def test_a_headline_term_the_body_repeats_is_one_entry() -> None:
    facts = extract_facts(
        "Đại hội Hội Nông dân xã lần thứ IX diễn ra ngày 3/4.", headline="Đại hội Hội Nông dân xã lần thứ IX"
    )
    assert [(t.ordinal, [e.field for e in t.evidence]) for t in facts.terms] == [(9, ["text"])]


def test_headline_evidence_is_marked_in_the_contract_record() -> None:
    facts = extract_facts("Hội nghị diễn ra sáng 2/5.", headline="Hội nghị Ban Chấp hành Đảng bộ xã khóa XXV")
    (record,) = [term_record(term) for term in facts.terms]
    assert record["evidence"][0]["field"] == "title" and record["ordinal"] == 25


def test_a_headline_term_is_stored_with_the_headline_as_snippet_and_no_body_offsets() -> None:
    (term,) = extract_facts("Hội nghị diễn ra sáng 2/5.", headline="Hội nghị Ban Chấp hành Đảng bộ xã khóa XXV").terms
    row = term_row(1, term)
    assert (row["start_offset"], row["end_offset"]) == (None, None)
    assert row["snippet"] == "Hội nghị Ban Chấp hành Đảng bộ xã khóa XXV"
