"""Every fixture page against its expected file, one test per field (tests/fixtures/pages/NAME.expected.json)."""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from extractors.facts import extract_facts
from extractors.normalize import match_form
from extractors.options import ExtractionOptions
from extractors.page import NOT_AN_ARTICLE, extract_html_page, extract_text_page
from extractors.types import PageContent

PAGES = Path(__file__).parent / "fixtures" / "pages"
EXPECTED = sorted(PAGES.glob("*.expected.json"))


def _input_for(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.json")
    return next(path for path in PAGES.glob(f"{stem}.*") if not path.name.endswith(".expected.json"))


@cache
def extracted(name: str) -> PageContent:
    expected = json.loads((PAGES / f"{name}.expected.json").read_text(encoding="utf-8"))
    source = _input_for(PAGES / f"{name}.expected.json")
    options = ExtractionOptions()
    if source.suffix == ".txt":
        return extract_text_page(source.read_text(encoding="utf-8"), options)
    return extract_html_page(source.read_bytes(), options, http_encoding=expected.get("http_encoding"))


def _cases(key: str) -> list[tuple[str, object]]:
    cases = []
    for path in EXPECTED:
        data = json.loads(path.read_text(encoding="utf-8"))
        if key in data:
            cases.append((path.name.removesuffix(".expected.json"), data[key]))
    return cases


def _items(key: str) -> list[tuple[str, str]]:
    return [(name, item) for name, items in _cases(key) for item in items]  # type: ignore[attr-defined]


def _norm(text: str) -> str:
    return " ".join(match_form(unicodedata.normalize("NFC", text)).casefold().split())


@pytest.mark.parametrize(("name", "title"), _cases("title"))
def test_title(name: str, title: str | None) -> None:
    assert extracted(name).title == title


@pytest.mark.parametrize(("name", "day"), _cases("published_on"))
def test_published_on(name: str, day: str | None) -> None:
    found = extracted(name).published_on
    assert (found.isoformat() if found else None) == day


@pytest.mark.parametrize(("name", "author"), _cases("author"))
def test_author(name: str, author: str | None) -> None:
    assert extracted(name).author == author


@pytest.mark.parametrize("name", [name for name, author in _cases("author") if author])
def test_byline_names_are_not_officials(name: str) -> None:
    content = extracted(name)
    names = {_norm(official.name) for official in extract_facts(content.text, author=content.author).officials}
    assert not any(name in _norm(content.author or "") for name in names)


@pytest.mark.parametrize(("name", "cms"), _cases("cms"))
def test_cms(name: str, cms: str | None) -> None:
    assert extracted(name).cms == cms


@pytest.mark.parametrize(("name", "category"), _cases("category"))
def test_category(name: str, category: str) -> None:
    assert extracted(name).category == category


@pytest.mark.parametrize(("name", "credit"), _cases("source_credit"))
def test_source_credit(name: str, credit: str) -> None:
    assert extracted(name).source_credit == credit


@pytest.mark.parametrize(("name", "url"), _cases("canonical_url"))
def test_canonical_url(name: str, url: str) -> None:
    assert extracted(name).canonical_url == url


@pytest.mark.parametrize(("name", "flag"), _cases("not_an_article"))
def test_not_an_article_warning(name: str, flag: bool) -> None:
    assert (NOT_AN_ARTICLE in extracted(name).warnings) is flag


@pytest.mark.parametrize(("name", "warning"), _items("warnings_include"))
def test_warnings(name: str, warning: str) -> None:
    assert warning in extracted(name).warnings


@pytest.mark.parametrize(("name", "snippet"), _items("must_keep"))
def test_body_keeps(name: str, snippet: str) -> None:
    assert _norm(snippet) in _norm(extracted(name).text)


@pytest.mark.parametrize(("name", "snippet"), _items("must_drop"))
def test_body_drops(name: str, snippet: str) -> None:
    assert _norm(snippet) not in _norm(extracted(name).text)


@pytest.mark.parametrize("name", [name for name, flag in _cases("not_an_article") if not flag])
def test_text_is_nfc_with_blank_line_paragraphs(name: str) -> None:
    text = extracted(name).text
    assert unicodedata.is_normalized("NFC", text)
    assert "\n\n" in text and "\n\n\n" not in text and text == text.strip()


@pytest.mark.parametrize("name", [name for name, flag in _cases("title") if flag])
def test_headline_is_not_in_text(name: str) -> None:
    content = extracted(name)
    assert not content.text.startswith(content.title or "\0")


@pytest.mark.parametrize("name", [name for name, flag in _cases("title") if flag])
def test_metadata_is_nfc(name: str) -> None:
    content = extracted(name)
    for value in (content.title, content.author, content.category, content.source_credit):
        assert value is None or unicodedata.is_normalized("NFC", value)


@pytest.mark.parametrize(("name", "paragraphs"), _cases("paragraphs"))
def test_paragraphs(name: str, paragraphs: list[str]) -> None:
    """Paragraphs come from block elements and <br> only: a body hard-wrapped in the source is one paragraph
    per <p>, whatever the source lines."""
    assert extracted(name).text.split("\n\n") == paragraphs
