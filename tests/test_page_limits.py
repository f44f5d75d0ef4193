"""Size caps for pathological pages: what is cut is cut at a boundary and recorded in the warnings."""

from __future__ import annotations

import gc
import json
from pathlib import Path

from extractors.article import extract_article_from_html, extract_article_from_text
from extractors.options import ExtractionOptions
from extractors.page.limits import BODY_TRUNCATED, PAGE_TRUNCATED, cap_page

PAGES = Path(__file__).parent / "fixtures" / "pages"
PAGE = PAGES / "liferay-hard-wrapped.html"
PARAGRAPHS = json.loads((PAGES / "liferay-hard-wrapped.expected.json").read_text(encoding="utf-8"))["paragraphs"]
DUMP = Path(__file__).parent / "fixtures" / "pages" / "dump-ward.txt"


def _warning(warnings: list[str], kind: str) -> tuple[int, int]:
    found = [w for w in warnings if w.startswith(kind + ":")]
    assert len(found) == 1, warnings
    kept, total = found[0].split(":", 1)[1].split("/")
    return int(kept), int(total)


def test_a_page_over_the_cap_is_read_up_to_a_tag_and_says_so() -> None:
    data = PAGE.read_bytes()
    limit = data.index("Tại hội nghị".encode())  # the third paragraph is cut off
    article = extract_article_from_html(data, ExtractionOptions(max_page_bytes=limit))
    assert article.content.text.split("\n\n") == PARAGRAPHS[:2]
    kept, total = _warning(article.content.warnings, PAGE_TRUNCATED)
    assert kept <= limit and total == len(data)


def test_the_page_cut_never_splits_a_utf8_character() -> None:
    data = "<p>Đảng ủy</p>".encode()
    for limit in range(1, len(data)):
        cut = cap_page(data, limit, [])
        assert isinstance(cut, bytes)
        cut.decode("utf-8")


def test_a_body_over_the_cap_is_cut_at_a_paragraph_and_facts_stay_inside() -> None:
    limit = len(PARAGRAPHS[0]) + 10
    article = extract_article_from_html(PAGE.read_bytes(), ExtractionOptions(max_body_chars=limit))
    assert article.content.text == PARAGRAPHS[0]
    assert _warning(article.content.warnings, BODY_TRUNCATED) == (len(PARAGRAPHS[0]), len("\n\n".join(PARAGRAPHS)))
    assert [d.number for d in article.facts.documents] == ["27"]
    assert not article.facts.officials  # named in the second paragraph, which was cut


def test_a_text_dump_over_the_cap_is_cut_at_a_line() -> None:
    text = DUMP.read_text(encoding="utf-8")
    whole = extract_article_from_text(text, ExtractionOptions())
    limit = text.index(whole.content.text.split("\n\n")[1][:30])
    article = extract_article_from_text(text, ExtractionOptions(max_page_bytes=limit))
    assert article.content.text == whole.content.text.split("\n\n")[0]
    assert _warning(article.content.warnings, PAGE_TRUNCATED)[1] == len(text)


def test_no_cap_reads_everything() -> None:
    article = extract_article_from_html(PAGE.read_bytes(), ExtractionOptions(max_page_bytes=None, max_body_chars=None))
    assert article.content.text.split("\n\n") == PARAGRAPHS
    assert not any(w.startswith((PAGE_TRUNCATED, BODY_TRUNCATED)) for w in article.content.warnings)


def test_reading_a_page_leaves_the_cycle_collector_as_it_found_it() -> None:
    data, dump = PAGE.read_bytes(), DUMP.read_text(encoding="utf-8")
    was_enabled = gc.isenabled()
    try:
        gc.enable()
        extract_article_from_html(data, ExtractionOptions())
        extract_article_from_text(dump, ExtractionOptions())
        assert gc.isenabled()
        gc.disable()  # a caller that pauses it keeps it paused
        extract_article_from_html(data, ExtractionOptions())
        assert not gc.isenabled()
    finally:
        (gc.enable if was_enabled else gc.disable)()
