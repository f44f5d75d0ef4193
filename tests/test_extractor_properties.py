"""Properties of every public extractor on arbitrary and hostile input (hypothesis).

No exception whatever the text or markup; evidence offsets inside the text; time linear in size: the same
hostile unit repeated to n and 4n characters may not cost much more than 4 times as much (generous bounds
and few examples, so that CI stays fast and a busy machine does not fail it; speed figures are measured
in benchmarks/bench_scaling.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractors.facts import extract_facts
from extractors.facts.dates import find_dates
from extractors.facts.documents import MAX_ISSUER_CHARS, find_documents
from extractors.facts.documents.organs import MAX_ISSUING_BODY_CHARS
from extractors.facts.officials import find_officials
from extractors.facts.terms import find_sittings, find_terms
from extractors.options import ExtractionOptions
from extractors.page import detect_cms, extract_html_page, extract_text_page
from extractors.types import Evidence, Facts

# Letters, marks and punctuation that the rules look at, so that random text hits them.
ALPHABET = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "ĐÐðỦỦỳ0123456789 \n\t\u00a0.,;:!?…-–—/()[]\"“”'’&<>#%+*|"
)
WORDS = (
    "Đồng chí",
    "Nguyễn Văn An",
    "Bí thư",
    "Phó Chủ tịch",
    "UBND",
    "HĐND",
    "huyện",
    "xã",
    "Huyện ủy",
    "ông",
    "bà",
    "ngày",
    "12/3/2024",
    "5/4",
    "số",
    "12-KH/HU",
    "30/2020/NĐ-CP",
    "Kế hoạch",
    "Quyết định",
    "khóa",
    "XV",
    "nhiệm kỳ",
    "2020 - 2025",
    "lần thứ",
    "Đại hội",
    "kỳ họp thứ",
    "cùng ngày",
    "giữ chức",
    "được bầu",
    "nguyên",
    "Tin, ảnh:",
    "Nguồn:",
    "(",
    ")",
    ",",
    ".",
    ":",
    ";",
    "-",
    "\n",
    "\n\n",
    "của",
    "HĐND",
    "UBND-VP-BTCTU",
    "/",
)
TAGS = ("p", "div", "span", "b", "strong", "em", "a", "table", "tr", "td", "br", "li", "ul", "h1", "pre", "font")
ANY_TEXT = st.text(alphabet=ALPHABET, max_size=400)
PHRASES = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)
TEXTS = st.one_of(ANY_TEXT, PHRASES)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Tag soup: open and close tags in any order, attributes, entities, comments and text between."""
    pieces = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 5))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            pieces.append(f'<{tag} class="{draw(st.sampled_from(["content", "news-detail", "title", "x"]))}">')
        elif kind == 1:
            pieces.append(f"</{tag}>")
        elif kind == 2:
            pieces.append(draw(st.sampled_from(["&nbsp;", "&amp;amp;", "&#7897;", "&", "<!--", "-->", "<", ">"])))
        else:
            pieces.append(draw(TEXTS))
    return "<html><body>" + "".join(pieces) + "</body></html>"


def _evidence_of(facts: Facts) -> list[Evidence]:
    groups = [facts.officials, facts.documents, facts.terms, facts.sittings, facts.dates]
    return [evidence for group in groups for item in group for evidence in item.evidence]


def _assert_offsets(text: str, facts: Facts) -> None:
    """Evidence inside the text; document fields within their database columns (varchar(100))."""
    for evidence in _evidence_of(facts):
        assert 0 <= evidence.start <= evidence.end <= len(text)
    for document in facts.documents:
        assert len(document.issuer or "") <= MAX_ISSUER_CHARS
        assert len(document.issuing_body or "") <= MAX_ISSUING_BODY_CHARS


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(TEXTS)
def test_facts_never_fail_and_point_into_the_text(text: str) -> None:
    _assert_offsets(text, extract_facts(text, published_on=date(2024, 5, 1)))


@FAST
@given(TEXTS)
def test_text_dumps_never_fail(text: str) -> None:
    content = extract_text_page(text, ExtractionOptions())
    _assert_offsets(content.text, extract_facts(content.text))


@FAST
@given(html_pages())
def test_html_pages_never_fail(page: str) -> None:
    detect_cms(page)
    for data in (page, page.encode("utf-8"), page.encode("cp1258", errors="replace")):
        content = extract_html_page(data, ExtractionOptions())
        _assert_offsets(content.text, extract_facts(content.text))


# Linear time: a unit repeated to n and to 4n characters.

SMALL, LARGE = 10_000, 40_000
NOISE_SECONDS = 0.03  # below this a timing says nothing on a shared machine
GROWTH_BOUND = 10  # 4x the input may cost up to 10x (a quadratic step costs 16x)

# Units that once made an extractor quadratic (one long token, a date repeated, a term repeated ...),
# always tried, then a few drawn at random.
KNOWN_HOSTILE = (
    "a",
    "(",
    "ngày 12/3/2024, ",
    "ngày 5/4 và 6/4 ",
    "Bí thư ",
    "khóa I ",
    "12-KH/HU ",
    "Nguyễn Văn An, ",
    "nguyên ",
)
HOSTILE_UNITS = st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(lambda words: " ".join(words) + " "),
    st.text(alphabet=ALPHABET, min_size=1, max_size=8),
)
LINEAR = settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def known_hostile(test: Callable[..., None]) -> Callable[..., None]:
    for unit in KNOWN_HOSTILE:
        test = example(unit=unit)(test)
    return test


def _seconds(run: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        run(text)
        best = min(best, time.process_time() - started)
    return best


def _assert_linear(run: Callable[[str], object], unit: str) -> None:
    small = (unit * (SMALL // len(unit) + 1))[:SMALL]
    large = (unit * (LARGE // len(unit) + 1))[:LARGE]
    run(small[:500])  # compiled patterns and caches
    assert _seconds(run, large) <= GROWTH_BOUND * max(_seconds(run, small), NOISE_SECONDS), repr(unit)


OPTIONS = ExtractionOptions()
EXTRACTORS: dict[str, Callable[[str], object]] = {
    "officials": find_officials,
    "documents": find_documents,
    "dates": lambda text: find_dates(text, date(2024, 5, 1)),
    "terms": find_terms,
    "sittings": find_sittings,
    "text page": lambda text: extract_text_page(text, ExtractionOptions()),
    "html page": lambda text: extract_html_page(f"<html><body><div><p>{text}</p></div></body></html>", OPTIONS),
}


@pytest.mark.parametrize("name", ["officials", "documents", "dates", "terms", "sittings", "text page"])
@LINEAR
@known_hostile
@given(unit=HOSTILE_UNITS)
def test_time_is_linear(name: str, unit: str) -> None:
    _assert_linear(EXTRACTORS[name], unit)


@LINEAR
@known_hostile
@example(unit="<p>")
@example(unit="<p></p> ")
@example(unit="<div>")
@example(unit="<a href=x>Tin tức mới nhất hôm nay</a> ")
@given(unit=st.one_of(HOSTILE_UNITS, st.sampled_from(["<b>x</b>", "<td>", "<li>", "&nbsp;"])))
def test_html_page_time_is_linear(unit: str) -> None:
    _assert_linear(EXTRACTORS["html page"], unit)
