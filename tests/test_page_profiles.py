"""CMS detection, the profiles data file, and per-portal selector overrides."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml.cssselect import CSSSelector

from extractors.options import ExtractionOptions, SelectorOverrides
from extractors.page import detect_cms, dom, extract_html_page, selectors
from extractors.page.encoding import decode_html_bytes
from extractors.page.profiles import _LOWER_CHANGES_MATCHING, load_profiles

PAGES = Path(__file__).parent / "fixtures" / "pages"
FAMILIES = [
    "liferay",
    "sharepoint-lacviet",
    "sharepoint-tandan",
    "fitc-asp",
    "sharepoint",
    "dotnetnuke",
    "wordpress",
    "drupal",
]


def _html_cases() -> list[tuple[str, str | None]]:
    cases = []
    for expected in sorted(PAGES.glob("*.expected.json")):
        stem = expected.name.removesuffix(".expected.json")
        page = PAGES / f"{stem}.html"
        if page.exists():
            cases.append((stem, json.loads(expected.read_text(encoding="utf-8"))["cms"]))
    return cases


def test_profiles_load_from_package_data() -> None:
    profiles = load_profiles()
    assert set(FAMILIES) <= set(profiles)
    assert all(profiles[name].container for name in FAMILIES)


@pytest.mark.parametrize(("stem", "family"), _html_cases())
def test_detect_cms(stem: str, family: str | None) -> None:
    html = decode_html_bytes((PAGES / f"{stem}.html").read_bytes()).text
    assert detect_cms(html) == family


def test_markers_match_whatever_the_case_of_letters_around_them() -> None:
    page = '<div id="DNN_CTR123">Ủy ban nhân dân xã Đông Hòa</div><script src="/js/DotNetNuke.js"></script>'
    assert detect_cms(page) == "dotnetnuke"
    # the Kelvin sign lower-cases to "k": a page spelling the name with it shows the marker to `str.lower`
    assert detect_cms(page.replace("DotNetNuke", "DotNetNu\u212ae")) == "dotnetnuke"
    assert detect_cms(page.replace("DotNetNuke", "DotNetNuqe")) is None


def test_only_the_listed_characters_lower_case_differently_for_markers() -> None:
    """Lower-casing only ASCII letters reads every marker as `str.lower` does, but for the characters
    `_LOWER_CHANGES_MATCHING` names: any other one lower-cases to one non-ASCII character of its kind."""
    word, digit = re.compile(r"\w"), re.compile(r"\d")
    changing = set()
    for code in range(0x80, 0x110000):
        char = chr(code)
        lower = char.lower()
        if lower == char:
            continue
        same_kind = bool(word.match(char)) == bool(word.match(lower)) and bool(digit.match(char)) == bool(
            digit.match(lower)
        )
        if len(lower) != 1 or lower.isascii() or not same_kind:
            changing.add(char)
    assert changing == set(_LOWER_CHANGES_MATCHING)


def test_options_cms_skips_detection() -> None:
    page = (PAGES / "wordpress-commune.html").read_bytes()
    assert extract_html_page(page, ExtractionOptions(cms="drupal")).cms == "drupal"


def test_selector_overrides_win_over_fallback() -> None:
    overrides = SelectorOverrides(article="div.bai", title="h1.td", date="div.ngaydang", drop=("div.cong-cu",))
    content = extract_html_page((PAGES / "unknown-template.html").read_bytes(), ExtractionOptions(selectors=overrides))
    assert "generic-fallback" not in content.warnings
    assert content.text.startswith("Tối 6/10")
    assert content.author == "Hà Thu Trang"


def test_selector_override_title_wins_over_profile() -> None:
    overrides = SelectorOverrides(title="figcaption")
    content = extract_html_page((PAGES / "wordpress-commune.html").read_bytes(), ExtractionOptions(selectors=overrides))
    assert content.title == "Các đại biểu cắt băng khánh thành nhà văn hóa thôn Đồng Tâm"


def test_bad_override_selector_is_ignored() -> None:
    overrides = SelectorOverrides(article="div[[[")
    content = extract_html_page((PAGES / "wordpress-commune.html").read_bytes(), ExtractionOptions(selectors=overrides))
    assert "Sáng 2/9" in content.text


def test_fallback_can_be_switched_off() -> None:
    options = ExtractionOptions(use_trafilatura_fallback=False)
    content = extract_html_page((PAGES / "unknown-template.html").read_bytes(), options)
    assert content.text == "" and "not-an-article" in content.warnings


ATTRIBUTE_SELECTORS = [
    '[itemprop="articleBody"]',
    '[itemprop="headline"]',
    '[id$="_lblContent"]',
    '[id$="_lblTitle"]',
    '[id*="dnn_ctr"]',
    '[id*="dnn_ctr"] p',
    'div[id*="dnn"][id$="Content"]',
    '[id*="content"] h1',
]


@pytest.mark.parametrize("page", ["dotnetnuke-cp1258.html", "generic-news-theme-lead-figure.html"])
def test_indexed_attribute_selectors_answer_as_css_selector(page: str) -> None:
    """id and itemprop tests answered from the page index give CSSSelector's elements, in its order."""
    root = dom.parse_html(decode_html_bytes((PAGES / page).read_bytes()).text)
    found_any = False
    for selector in ATTRIBUTE_SELECTORS:
        assert selectors.parse(selector) is not None, selector  # answered from the index, not by CSSSelector
        for scope in [root, *root.iter("div")]:
            expected = CSSSelector(selector, translator="html")(scope)
            assert selectors.select(scope, selector) == expected, (selector, scope.get("class"))
            found_any = found_any or bool(expected)
    assert found_any


LAST_CHILD_PAGE = """<html><body>
<ul class="breadcrumb"><li><a href="/">Trang chủ</a></li>
<li><a href="/tin">Tin tức</a> <a href="/tin/xa">Tin xã</a></li><!-- hết đường dẫn --></ul>
<div class="breadcrumbs"><a href="/">Trang chủ</a> » <a href="/hd">Hoạt động</a><span>»</span></div>
<div id="dnn_Breadcrumb"><a href="/">Trang chủ</a><a class="x" href="/cd">Chỉ đạo</a><?php echo 1; ?></div>
<div class="box"><a href="/a">Tin 1</a><div class="box"><ul><li><a href="/b">Tin 2</a></li></ul></div></div>
<p>Ngày 3/1/2024, UBND xã tổ chức hội nghị.</p><p>Ông Nguyễn Văn A phát biểu.</p>
</body></html>"""
LAST_CHILD_SELECTORS = [
    ".breadcrumb li:last-child",
    ".breadcrumb a:last-child",
    '[class*="breadcrumb"] a:last-child',
    ".breadcrumbs a:last-child",
    '[id*="Breadcrumb"] a:last-child',
    "a:last-child.x",
    "p:last-child",
    ":last-child",
    ".box a",
    ".box .box a",
    ".box li a:last-child",
    '[class*="breadcrumb"] *',
    ".breadcrumb li a",
]


def test_last_child_and_chain_selectors_answer_as_css_selector() -> None:
    """`:last-child` is answered from the page index (no element follows among the siblings; a comment or a
    processing instruction may), and a chain read down from its outermost compound, with CSSSelector's
    elements, in its order."""
    root = dom.parse_html(LAST_CHILD_PAGE)
    for selector in LAST_CHILD_SELECTORS:
        assert selectors.parse(selector) is not None, selector
        for scope in (root, root.find("body")):
            expected = CSSSelector(selector, translator="html")(scope)
            assert selectors.select(scope, selector) == expected, selector
