"""Officials extraction over invented article paragraphs (tests/fixtures/officials)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.facts.officials import find_officials
from extractors.facts.officials.merge import completed_names
from extractors.facts.person_names import find_names, name_key, short_form, tokenize
from extractors.facts.titles import starts_title, title_key
from extractors.types import Official

FIXTURES = Path(__file__).parent / "fixtures" / "officials"
CASES = sorted(path.stem for path in FIXTURES.glob("*.txt"))


def _load(case: str) -> tuple[str, dict]:
    text = (FIXTURES / f"{case}.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / f"{case}.expected.json").read_text(encoding="utf-8"))
    return text, expected


def _found(case: str) -> tuple[str, dict, list[Official]]:
    text, expected = _load(case)
    return text, expected, find_officials(text, author=expected.get("author"))


@pytest.mark.parametrize("case", CASES)
def test_names_are_the_officials_of_the_article(case: str) -> None:
    _, expected, found = _found(case)
    assert [o.name for o in found] == [o["name"] for o in expected["officials"]]


@pytest.mark.parametrize("case", CASES)
def test_each_person_has_every_title_as_written(case: str) -> None:
    _, expected, found = _found(case)
    assert {o.name: o.titles for o in found} == {o["name"]: o["titles"] for o in expected["officials"]}


@pytest.mark.parametrize("case", CASES)
def test_byline_and_private_people_are_not_officials(case: str) -> None:
    _, expected, found = _found(case)
    found_keys = {name_key(o.name) for o in found}
    assert not found_keys & {name_key(name) for name in expected["not_officials"]}


@pytest.mark.parametrize("case", CASES)
def test_one_entry_per_person_and_titles_deduplicated(case: str) -> None:
    _, _, found = _found(case)
    keys = [name_key(o.name) for o in found]
    assert len(keys) == len(set(keys))
    for official in found:
        assert len({title_key(t) for t in official.titles}) == len(official.titles)


@pytest.mark.parametrize("case", CASES)
def test_evidence_offsets_point_at_the_name(case: str) -> None:
    """At the whole name, or at a part of it written again ("ông Khiêm", "Văn Đức Hải" for "Triệu Văn Đức Hải", "Lê
    Hà" for "Lê Thị Hà")."""
    text, _, found = _found(case)
    for official in found:
        assert official.evidence
        full = name_key(official.name).split()
        for evidence in official.evidence:
            mention = text[evidence.start : evidence.end]
            written = name_key(mention).split()
            assert written in (full, full[-1:], short_form(" ".join(full)).split()) or (
                1 < len(written) < len(full) and written in (full[: len(written)], full[-len(written) :])
            )
            assert mention in evidence.snippet


@pytest.mark.parametrize("case", CASES)
def test_titles_appear_in_the_text(case: str) -> None:
    text, _, found = _found(case)
    for official in found:
        for title in official.titles:
            assert title in " ".join(text.split())


def test_author_given_as_argument_is_excluded() -> None:
    text, _ = _load("comrade_dash")
    names = {o.name for o in find_officials(text, author="Quàng Văn Hưởng")}
    assert "Quàng Văn Hưởng" not in names
    assert "Tòng Thị Xuân" in names


def test_empty_text_has_no_officials() -> None:
    assert find_officials("") == []


SPLITS = json.loads((FIXTURES / "name_splits.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", SPLITS, ids=[case["text"][:40] for case in SPLITS])
def test_name_boundaries_after_titles_and_places(case: dict) -> None:
    text = case["text"]
    names = [n.text for n in find_names(tokenize(text), text, starts_title) if not n.place_like]
    assert names == case["names"]


CUED = json.loads((FIXTURES / "cued_names.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CUED, ids=[case["text"][:40] for case in CUED])
def test_unlisted_family_names_need_a_strong_cue_and_a_title(case: dict) -> None:
    assert [o.name for o in find_officials(case["text"])] == case["officials"]


STATUSES = json.loads((FIXTURES / "title_status.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", STATUSES, ids=[case["text"][:40] for case in STATUSES])
def test_title_status_is_what_the_text_states(case: dict) -> None:
    found = {o.name: {title: str(o.status_of(title)) for title in o.titles} for o in find_officials(case["text"])}
    assert found == case["positions"]


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ({"đỗ đức duy", "đức duy"}, {"đức duy": "đỗ đức duy"}),  # the surname left out
        ({"đinh la thăng", "đinh la"}, {"đinh la": "đinh la thăng"}),  # the given name left out
        ({"nguyễn văn chiến", "nguyễn chiến"}, {"nguyễn chiến": "nguyễn văn chiến"}),  # the middle "Văn" left out
        ({"lê đức duy", "đỗ đức duy", "đức duy"}, {}),  # two people it may stand for: neither
        ({"duy", "đỗ đức duy"}, {}),  # one word is no name to complete
    ],
)
def test_a_shortened_name_stands_for_the_one_full_name_it_fits(keys: set[str], expected: dict[str, str]) -> None:
    assert completed_names(keys) == expected


def test_shortened_names_are_completed_among_thousands_of_names() -> None:
    keys = {f"nguyễn văn {a} {b}" for a in ("an", "bình", "cường") for b in map(str, range(1000))}
    assert completed_names({*keys, "văn an 7"}) == {"văn an 7": "nguyễn văn an 7"}
