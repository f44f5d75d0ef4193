"""Quality gate: the real extraction over invented gold articles must not fall below the pinned baseline.

tests/fixtures/gold/ and heldout*/ (invented articles) and tests/fixtures/mirror/*/gold/ (the demo
mirror) hold pages and text dumps with NAME.gold.json in the format of shared/eval;
tests/quality_baseline.json pins the scores (measured, rounded down by ~0.02).
Re-pin deliberately when extraction improves.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractors.article import extract_article_from_file
from extractors.contract import article_record
from extractors.evaluation import METRIC_KEYS, Tally, normalize, report, score_file, word_f1
from extractors.options import ExtractionOptions

GOLD_DIR = Path(__file__).parent / "fixtures" / "gold"
HELDOUT_DIRS = tuple(sorted((Path(__file__).parent / "fixtures").glob("heldout*")))
MIRROR_DIR = Path(__file__).parent / "fixtures" / "mirror"
BASELINE: dict[str, float | None] = json.loads(
    (Path(__file__).parent / "quality_baseline.json").read_text(encoding="utf-8")
)


def gold_files() -> list[Path]:
    """The invented gold articles, the held-out sets (annotated by rules, without reading the extractors) and
    the demo mirror's articles (gold/ beside each portal's pages)."""
    return [
        *sorted(GOLD_DIR.glob("*.gold.json")),
        *(path for directory in HELDOUT_DIRS for path in sorted(directory.glob("*.gold.json"))),
        *sorted(MIRROR_DIR.glob("*/gold/*.gold.json")),
    ]


def input_of(gold_path: Path, gold: dict[str, Any]) -> Path:
    beside = gold_path.parent / gold["input"]
    return beside if beside.is_file() else gold_path.parent.parent / gold["input"]


@pytest.fixture(scope="module")
def scores() -> dict[str, float | None]:
    tally = Tally()
    for gold_path in gold_files():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = extract_article_from_file(input_of(gold_path, gold), ExtractionOptions())
        score_file(article_record(article, gold["input"]), gold, tally)
    return report(tally)


def test_gold_set_covers_dumps_pages_and_the_mirror() -> None:
    inputs = [json.loads(p.read_text(encoding="utf-8"))["input"] for p in gold_files()]
    assert len(inputs) >= 134
    assert {Path(name).suffix for name in inputs} == {".txt", ".html"}


@pytest.mark.parametrize("metric", METRIC_KEYS)
def test_metric_holds_baseline(scores: dict[str, float | None], metric: str) -> None:
    floor = BASELINE[metric]
    if floor is None:
        pytest.skip(f"{metric}: nothing pinned yet")
    assert scores[metric] is not None and scores[metric] >= floor, f"{metric}: {scores[metric]} < {floor}"


# The scorer itself, on small hand-made predictions.

GOLD = {
    "input": "a.txt",
    "officials": [{"name": "Lê Văn Khiêm", "titles": ["Bí thư Đảng uỷ xã", "Chủ tịch HĐND xã"]}],
    "documents": [{"number": "09", "type": "KH", "issuer": "ĐU", "issued_on": "2019-09-20"}],
    "terms": [{"ordinal": 24, "start_year": 2015, "end_year": 2020}],
    "dates": ["2019-09-20"],
    "must_keep": ["Đảng bộ xã tổ chức"],
    "must_drop": ["Lượt xem"],
}


def _score(prediction: dict[str, Any] | None) -> dict[str, float | None]:
    tally = Tally()
    score_file(prediction, GOLD, tally)
    return report(tally)


def test_normalisation_unifies_tone_placement_and_capital_d() -> None:
    assert normalize("Uỷ ban  Hoà\u00a0Bình") == normalize("ỦY BAN HÒA BÌNH")
    assert normalize("\u00d0ảng") == normalize("Đảng")


def test_title_overlap_threshold() -> None:
    assert word_f1("Bí thư Đảng ủy xã khóa XXIV", "Bí thư Đảng uỷ xã") >= 0.8
    assert word_f1("Phó Bí thư Đảng ủy xã", "Bí thư Đảng uỷ xã") >= 0.8
    assert word_f1("Chủ tịch UBND xã", "Chủ tịch Ủy ban nhân dân xã") < 0.8


def test_perfect_prediction_scores_one() -> None:
    prediction = {
        **GOLD,
        "text": "Đảng bộ xã tổ chức đại hội.",
        "documents": [{"number": "9", "type": "KH", "issuer": "ĐU", "issued_on": "2019-09-20"}],
    }
    assert {k: v for k, v in _score(prediction).items() if v is not None} == {
        "officials_names": 1.0,
        "officials_titles": 1.0,
        "documents": 1.0,
        "documents_issued_on": 1.0,
        "terms": 1.0,
        "dates": 1.0,
        "boilerplate_keep": 1.0,
        "boilerplate_drop": 1.0,
    }


def test_repeated_entries_are_false_positives() -> None:
    prediction = {"terms": GOLD["terms"] * 2, "documents": GOLD["documents"] * 2}
    result = _score(prediction)
    assert result["terms"] == pytest.approx(2 / 3) and result["documents"] == pytest.approx(2 / 3)


def test_missing_prediction_fails_every_check() -> None:
    result = _score(None)
    assert result["officials_names"] == 0.0 and result["dates"] == 0.0 and result["boilerplate_drop"] == 0.0


def test_documents_sharing_a_key_are_dated_one_to_one() -> None:
    """Two decrees of one number and type, a new one and the older one it amends, are paired in order (as the shared
    scorer pairs them): each gold date is judged on its own prediction."""
    gold = {
        "input": "b.txt",
        "documents": [
            {"number": "19", "type": "NĐ", "issuer": "CP", "issued_on": "2024-02-19"},
            {"number": "19", "type": "NĐ", "issuer": "CP", "issued_on": "2015-03-21"},
        ],
    }
    tally = Tally()
    score_file({"documents": gold["documents"]}, gold, tally)
    assert report(tally)["documents_issued_on"] == 1.0
