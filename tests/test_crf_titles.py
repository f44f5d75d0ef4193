"""benchmarks/crf_titles.py: features, BIO tags of located titles, and the optional sklearn-crfsuite extra.

The fixtures (tests/fixtures/crf/) are invented articles with their gold officials. CI installs only `.[test]`:
the test that trains a model skips, with its reason shown, when sklearn-crfsuite is absent.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "crf"
GOLD, INPUTS = FIXTURES / "gold", FIXTURES / "inputs"

_spec = importlib.util.spec_from_file_location("crf_titles", ROOT / "benchmarks" / "crf_titles.py")
crf_titles = importlib.util.module_from_spec(_spec)
sys.modules["crf_titles"] = crf_titles  # dataclasses look their module up there
_spec.loader.exec_module(crf_titles)


def _document(stem: str) -> crf_titles.Document:
    gold = json.loads((GOLD / f"{stem}.gold.json").read_text(encoding="utf-8"))
    return crf_titles.load_document(INPUTS / gold["input"], gold)


def _index(document: crf_titles.Document, word: str, occurrence: int = 0) -> int:
    return [i for i, token in enumerate(document.tokens) if token.text == word][occurrence]


def _features_of(document: crf_titles.Document, i: int, stacked: bool) -> dict:
    sentence = crf_titles.sentence_of(document.sentences, i)
    marks = crf_titles.document_marks(document, stacked)
    return crf_titles.token_features(document.tokens, i, sentence, marks)


def _tagged(document: crf_titles.Document, tags: list[str]) -> list[tuple[str, str]]:
    return [(token.text, tag) for token, tag in zip(document.tokens, tags, strict=True) if tag != crf_titles.OUTSIDE]


def test_features_read_the_title_vocabulary_case_and_neighbours() -> None:
    document = _document("crf-tanlac")
    pho = _index(document, "Phó")  # "Lê Thị Bình, Phó Chủ tịch UBND huyện"
    features = _features_of(document, pho, stacked=False)
    assert features["form"] == "phó" and features["folded"] == "pho" and features["shape"] == "Cap"
    assert features["head"] == crf_titles.BEGIN  # "Phó Chủ tịch" opens a title in the head vocabulary
    assert features["+1:form"] == "chủ" and features["-1:form"] == ","
    assert features["-2:in_name"] is True and features["in_name"] is False
    ubnd = _features_of(document, _index(document, "UBND"), stacked=False)
    assert ubnd["shape"] == "ABBR" and ubnd["head"] == crf_titles.OUTSIDE


def test_only_the_stacked_model_sees_the_rules_spans() -> None:
    document = _document("crf-tanlac")
    bi = _index(document, "Bí")  # the first "Bí thư Huyện ủy", the rules' title of Nguyễn Văn An
    assert "rule" not in _features_of(document, bi, stacked=False)
    stacked = _features_of(document, bi, stacked=True)
    assert stacked["rule"] == crf_titles.BEGIN and stacked["+1:rule"] == crf_titles.INSIDE


def test_gold_titles_are_bio_tagged_next_to_their_name_only() -> None:
    document = _document("crf-tanlac")
    tags = crf_titles.gold_tags(document)
    assert _tagged(document, tags) == [
        ("Bí", "B-TITLE"),
        ("thư", "I-TITLE"),
        ("Huyện", "I-TITLE"),
        ("ủy", "I-TITLE"),
        ("Chủ", "B-TITLE"),
        ("tịch", "I-TITLE"),
        ("HĐND", "I-TITLE"),
        ("huyện", "I-TITLE"),
        ("Phó", "B-TITLE"),
        ("Chủ", "I-TITLE"),
        ("tịch", "I-TITLE"),
        ("UBND", "I-TITLE"),
        ("huyện", "I-TITLE"),
    ]  # the rule's "Bí thư Huyện ủy chủ trì …", in a sentence naming nobody, stays outside
    assert tags[_index(document, "Bí", occurrence=1)] == crf_titles.OUTSIDE


def test_a_title_both_before_and_after_a_name_is_tagged_at_each_mention() -> None:
    document = _document("crf-binhson")
    spans = crf_titles.locate_titles(document, "Phạm Thị Dung", ["Phó Giám đốc Sở Tư pháp tỉnh"])
    assert [(document.tokens[s.first].text, s.last - s.first + 1) for s in spans] == [("Phó", 7), ("Phó", 7)]
    # "bà Phạm Thị Dung, Phó Giám đốc …" then "Phó Giám đốc … Phạm Thị Dung đề nghị"
    assert _index(document, "Dung") < spans[0].first and spans[1].last < _index(document, "Dung", occurrence=1)


def test_bio_spans_round_trip_and_a_stray_inside_opens_a_span() -> None:
    spans = [crf_titles.Span(1, 2), crf_titles.Span(4, 4)]
    assert crf_titles.spans_of(crf_titles.bio_tags(6, spans)) == spans
    assert crf_titles.spans_of(["O", "I-TITLE", "I-TITLE", "O"]) == [crf_titles.Span(1, 2)]


def test_without_sklearn_crfsuite_the_script_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "sklearn_crfsuite", None)  # import fails as when the extra is absent
    status = crf_titles.main(["train", "--gold", str(GOLD), "--inputs", str(INPUTS), "--model", str(tmp_path / "m")])
    assert status == 2
    assert 'pip install -e ".[crf]"' in capsys.readouterr().err
    assert not (tmp_path / "m").exists()


def test_a_trained_tagger_gives_officials_its_titles(tmp_path: Path) -> None:
    pytest.importorskip("sklearn_crfsuite", reason='needs the crf extra: pip install -e ".[crf]"')
    model, out = tmp_path / "model.pkl", tmp_path / "out.jsonl"
    assert crf_titles.main(["train", "--gold", str(GOLD), "--inputs", str(INPUTS), "--model", str(model)]) == 0
    page = INPUTS / "crf-tanlac.txt"
    assert crf_titles.main(["predict", "--variant", "crf", "--model", str(model), "--out", str(out), str(page)]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["source"] == str(page)
    titles = {official["name"]: official["titles"] for official in record["officials"]}
    assert titles["Lê Thị Bình"] == ["Phó Chủ tịch UBND huyện"]
    assert titles["Nguyễn Văn An"] == ["Bí thư Huyện ủy", "Chủ tịch HĐND huyện"]
