"""The real-text corpus: locators well formed, the frozen split intact, rebuilt inputs and gold files matching them.

The inputs are third-party text rebuilt by `benchmarks/real_corpus.py rebuild` and never committed; the checks on
them are skipped, with the reason shown, when they are absent (as in CI).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "fixtures" / "real"
INPUTS = REAL / "inputs"
GOLD = REAL / "gold"

_spec = importlib.util.spec_from_file_location("real_corpus", ROOT / "benchmarks" / "real_corpus.py")
real_corpus = importlib.util.module_from_spec(_spec)
sys.modules["real_corpus"] = real_corpus  # dataclasses look their module up there
_spec.loader.exec_module(real_corpus)

LOCATORS = real_corpus.load_locators(REAL / "locators.json")
BY_NAME = {locator.name: locator for locator in LOCATORS}
NAME = re.compile(r"real-(?P<source>[a-z0-9]+)-\d{2}")


def _source(name: str) -> str:
    match = NAME.fullmatch(name)
    assert match, f"{name} is not real-<source>-<nn>"
    return match["source"]


def test_locators_are_unique_and_pinned() -> None:
    assert len(BY_NAME) == len(LOCATORS) >= 150
    for locator in LOCATORS:
        _source(locator.name)
        assert re.fullmatch(r"[0-9a-f]{40}", locator.commit), locator.name
        assert re.fullmatch(r"[0-9a-f]{64}", locator.sha256), locator.name
        assert "/" in locator.repo and locator.path, locator.name


def test_reserved_evaluation_repositories_are_not_used() -> None:
    reserved = {"easywebhub/daksong_website", "fontaineha1281/capstone2"}
    assert not {locator.repo.lower() for locator in LOCATORS} & reserved


def test_split_follows_the_frozen_rule() -> None:
    """Per source, the names with the lowest sha256(name) — ceil(n/3) of them — are the test split."""
    by_source: dict[str, list[str]] = defaultdict(list)
    for locator in LOCATORS:
        by_source[_source(locator.name)].append(locator.name)
    for names in by_source.values():
        ranked = sorted(names, key=lambda name: hashlib.sha256(name.encode()).hexdigest())
        test = set(ranked[: math.ceil(len(names) / 3)])
        assert {name for name in names if BY_NAME[name].split == "test"} == test


def test_a_delimited_row_becomes_one_line_per_column() -> None:
    data = "a|b|c\nwhen|Tiêu đề|Nội dung bài|Tác giả|url\n".encode()
    selected = real_corpus.select_article(data, {"row": 2, "delimiter": "|", "columns": [2, 3, 4]})
    assert selected.decode() == "Tiêu đề\nNội dung bài\nTác giả\n"


def test_a_selection_outside_the_file_is_a_clear_error() -> None:
    with pytest.raises(real_corpus.CorpusError, match="row 9"):
        real_corpus.select_article(b"one|two\n", {"row": 9, "delimiter": "|", "columns": [1]})


def test_a_csv_record_keeps_quoted_line_breaks_and_writes_the_named_columns_in_order() -> None:
    data = (
        "category,title,author,content,time\n"
        '/thoi-su,Tin một,Hà An,"Đoạn một, có dấu phẩy.\n\nĐoạn hai ""trích""",02/01/2024\n'
        '/chinh-tri,"Xã Tân Lợi họp,\nkỳ họp thứ 3",,"Sáng 3/4, HĐND xã họp.",03/04/2024\n'
    ).encode()
    columns = ["title", "time", "content", "author"]
    first = real_corpus.select_article(data, {"csv_record": 0, "columns": columns})
    assert first.decode() == 'Tin một\n02/01/2024\nĐoạn một, có dấu phẩy.\n\nĐoạn hai "trích"\nHà An\n'
    second = real_corpus.select_article(data, {"csv_record": 1, "columns": columns})
    assert second.decode() == "Xã Tân Lợi họp,\nkỳ họp thứ 3\n03/04/2024\nSáng 3/4, HĐND xã họp.\n"


def test_a_csv_record_outside_the_file_or_an_unknown_column_is_a_clear_error() -> None:
    data = b"title,content\nA,B\n"
    with pytest.raises(real_corpus.CorpusError, match="csv_record 1 is outside"):
        real_corpus.select_article(data, {"csv_record": 1, "columns": ["title"]})
    with pytest.raises(real_corpus.CorpusError, match="not in the CSV header"):
        real_corpus.select_article(data, {"csv_record": 0, "columns": ["author"]})


def test_a_json_record_writes_the_named_string_fields_in_order() -> None:
    data = json.dumps(
        {
            "title": "Xã Tân Lợi họp",
            "date": "",
            "content": "\nSáng 3/4, HĐND xã họp.\n\tCử tri kiến nghị.",
            "labels": "x",
        },
        ensure_ascii=False,
    ).encode()
    article = real_corpus.select_article(data, {"json_fields": ["title", "date", "content", "author"]})
    assert article.decode() == "Xã Tân Lợi họp\n\nSáng 3/4, HĐND xã họp.\n\tCử tri kiến nghị.\n"


@pytest.mark.parametrize("data", [b"[1, 2]", b"{not json", b'{"title": 3}'])
def test_a_json_record_that_is_no_object_of_strings_is_a_clear_error(data: bytes) -> None:
    with pytest.raises(real_corpus.CorpusError, match="JSON|strings"):
        real_corpus.select_article(data, {"json_fields": ["title"]})


def test_a_json_array_item_is_written_as_a_minimal_page() -> None:
    items = [
        {"id": "1", "title": "Tin khác", "description": "", "bodyhtml": "<p>Khác.</p>"},
        {
            "id": "2",
            "title": "Sở Y tế tập huấn 26&#x002F;12",
            "description": "Lớp tập huấn & bồi dưỡng",
            "bodyhtml": "<p>Sáng 3/4.</p>",
        },
    ]
    data = json.dumps(items, ensure_ascii=False).encode()
    page = real_corpus.select_article(
        data, {"json_item": 1, "title": "title", "lead": "description", "body": "bodyhtml"}
    )
    text = page.decode()
    assert "<h1>Sở Y tế tập huấn 26/12</h1>" in text and "<strong>Lớp tập huấn &amp; bồi dưỡng</strong>" in text
    assert "<p>Sáng 3/4.</p>" in text and "Khác." not in text


def test_a_json_array_item_outside_the_array_is_a_clear_error() -> None:
    with pytest.raises(real_corpus.CorpusError, match="json_item 5 is outside"):
        real_corpus.select_article(b"[]", {"json_item": 5, "title": "t", "lead": "l", "body": "b"})


PORTAL_DUMP = ROOT / "tests" / "fixtures" / "real_corpus" / "portal_dump.sql"
DUMP_SELECTION = {"sql_table": "posts", "title": "title", "lead": "description", "body": "body"}


def test_a_dump_record_becomes_a_page_with_its_headline_lead_and_stored_body() -> None:
    page = real_corpus.select_article(PORTAL_DUMP.read_bytes(), {**DUMP_SELECTION, "key": 2}).decode()
    assert "<h1>Xã Tân Lợi ra quân &#x27;Ngày Chủ nhật xanh&#x27;</h1>" in page
    assert "<p><strong>Tóm tắt, có dấu phẩy (và ngoặc)</strong></p>" in page
    assert '<p>Dòng một</p>\r\n<p>Dòng hai: "trích dẫn"</p>' in page


def test_a_dump_record_with_an_empty_body_still_has_its_headline() -> None:
    page = real_corpus.select_article(PORTAL_DUMP.read_bytes(), {**DUMP_SELECTION, "key": 3}).decode()
    assert "<h1>Bản ghi rỗng</h1>" in page


def test_a_missing_dump_record_is_a_clear_error() -> None:
    with pytest.raises(real_corpus.CorpusError, match="no record 9 in table posts"):
        real_corpus.select_article(PORTAL_DUMP.read_bytes(), {**DUMP_SELECTION, "key": 9})


APP_DETAIL = ROOT / "tests" / "fixtures" / "real_corpus" / "app_detail.java"
APP_LISTING = ROOT / "tests" / "fixtures" / "real_corpus" / "app_listing.java"


def _app_article(case: int) -> str:
    selection = {"java_case": case, "listing": "app_listing.java"}
    return real_corpus.select_article(APP_DETAIL.read_bytes(), selection, APP_LISTING.read_bytes()).decode()


def test_an_app_article_is_its_list_headline_and_lead_then_the_case_items_without_pictures() -> None:
    assert _app_article(1) == (
        'Xã Tân Lợi họp, "tổng kết" năm\n'
        "Sáng 2/1, UBND xã Tân Lợi tổng kết năm; ông Trần Văn Mạnh, Chủ tịch UBND xã chủ trì.\n"
        "Ông Trần Văn Mạnh (giữa) phát biểu; chú thích có dấu (ngoặc).\n"
        'Đoạn một.\n\nĐoạn hai "trích dẫn" của bà Lê Thị Hoa, Phó Chủ tịch HĐND xã.\n'
        "Hà An\n"
    )


def test_an_app_article_with_no_text_or_no_literal_headline_is_a_clear_error() -> None:
    with pytest.raises(real_corpus.CorpusError, match="no case 2 of the detail screen adds text"):
        _app_article(2)
    with pytest.raises(real_corpus.CorpusError, match="not a string literal"):
        _app_article(3)
    with pytest.raises(real_corpus.CorpusError, match="no NewsModel"):
        _app_article(7)
    with pytest.raises(real_corpus.CorpusError, match="needs the listing"):
        real_corpus.select_article(APP_DETAIL.read_bytes(), {"java_case": 1, "listing": "app_listing.java"})


def test_a_missing_mirror_and_no_network_is_a_recorded_failure(tmp_path: Path, monkeypatch) -> None:
    def offline(*args, **kwargs):
        raise real_corpus.urllib.error.URLError("offline")

    monkeypatch.setattr(real_corpus.urllib.request, "urlopen", offline)
    failures = real_corpus.rebuild(LOCATORS[:1], tmp_path / "no-mirror", tmp_path / "out")
    assert len(failures) == 1 and "could not be downloaded" in failures[0]
    assert not list((tmp_path / "out").iterdir())


def _present_inputs() -> list[Path]:
    return sorted(INPUTS.glob("real-*.*")) if INPUTS.is_dir() else []


@pytest.mark.skipif(not _present_inputs(), reason="real-corpus inputs not rebuilt (benchmarks/real_corpus.py rebuild)")
@pytest.mark.parametrize("locator", LOCATORS, ids=lambda locator: locator.name)
def test_rebuilt_input_matches_its_checksum(locator) -> None:
    path = INPUTS / locator.filename
    if not path.exists():
        pytest.skip(f"{path.name} not rebuilt")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == locator.sha256


GOLD_FILES = sorted(GOLD.glob("*/*.gold.json"))


@pytest.mark.skipif(not GOLD_FILES, reason="no real-corpus gold files yet")
@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_gold_file_has_its_locator(gold: Path) -> None:
    name = gold.name.removesuffix(".gold.json")
    assert name in BY_NAME, f"{gold} has no locator"
    locator = BY_NAME[name]
    assert gold.parent.name == locator.split
    assert json.loads(gold.read_text(encoding="utf-8"))["input"] == locator.filename


def test_every_locator_has_its_gold_file() -> None:
    """A locator without gold is rebuilt and extracted but never scored: the split would count one article less."""
    missing = [loc.name for loc in LOCATORS if not (GOLD / loc.split / f"{loc.name}.gold.json").exists()]
    assert not missing, f"locators without a gold file: {missing}"


def test_score_extracts_a_split_and_runs_the_shared_scorer(tmp_path: Path, capfd) -> None:
    """On an invented article (never on the corpus): the split's inputs go through `vnportal extract`."""
    if not real_corpus.DEFAULT_SCORER.exists():
        pytest.skip(f"shared scorer not found at {real_corpus.DEFAULT_SCORER}")
    locator = real_corpus.Locator(
        name="real-invented-01",
        kind="txt",
        split="tune",
        repo="nobody/nothing",
        commit="0" * 40,
        path="a.txt",
        sha256="0" * 64,
    )
    inputs, gold = tmp_path / "inputs", tmp_path / "gold" / "tune"
    inputs.mkdir()
    gold.mkdir(parents=True)
    (inputs / locator.filename).write_text(
        "Hội nghị sơ kết công tác\n"
        "Sáng ngày 3/4/2023, đồng chí Trần Văn Mạnh, Bí thư Huyện ủy chủ trì hội nghị triển khai "
        "Kế hoạch số 45-KH/HU ngày 3/1/2023.\n",
        encoding="utf-8",
    )
    (gold / "real-invented-01.gold.json").write_text(
        json.dumps({"input": locator.filename, "documents": [{"number": "45", "type": "KH", "issuer": "HU"}]}),
        encoding="utf-8",
    )
    status = real_corpus.score("tune", [locator], inputs, tmp_path / "gold", real_corpus.DEFAULT_SCORER, ["--json"])
    report = json.loads(capfd.readouterr().out)
    assert status == 0
    assert report["documents"]["f1"] == 1.0
