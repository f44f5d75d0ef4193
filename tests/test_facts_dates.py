"""Stated days: one case per behaviour, from tests/fixtures/facts/dates_cases.json."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from extractors.facts.dates import find_dates
from extractors.types import DatedMention

FIXTURES = Path(__file__).parent / "fixtures" / "facts"
CASES = json.loads((FIXTURES / "dates_cases.json").read_text(encoding="utf-8"))
ARTICLE = FIXTURES / "article-council-session.txt"


def _found(case: dict[str, Any]) -> list[DatedMention]:
    published = date.fromisoformat(case["published_on"]) if case["published_on"] else None
    return find_dates(case["text"], published)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_days(case: dict[str, Any]) -> None:
    assert [m.day.isoformat() for m in _found(case)] == case["dates"]


@pytest.mark.parametrize("case", [c for c in CASES if "inferred" in c], ids=lambda c: c["id"])
def test_year_inferred_flag(case: dict[str, Any]) -> None:
    assert [m.year_inferred for m in _found(case)] == case["inferred"]


def test_repeated_day_collects_evidence() -> None:
    case = next(c for c in CASES if "evidence_count" in c)
    assert [len(m.evidence) for m in _found(case)] == case["evidence_count"]


def test_article_days_and_years() -> None:
    mentions = find_dates(ARTICLE.read_text(encoding="utf-8"), None)
    assert sorted(m.day.isoformat() for m in mentions) == [
        "2023-12-18",
        "2024-04-05",
        "2024-06-30",
        "2024-07-10",
        "2024-07-11",
        "2024-09-30",
    ]


def test_evidence_offsets_hold_the_day_number() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    for mention in find_dates(text, None):
        for evidence in mention.evidence:
            assert str(mention.day.day) in text[evidence.start : evidence.end]
            assert text[evidence.start : evidence.end] in evidence.snippet
