"""Page kinds: "not an article" needs positive evidence; notices keep their attached files."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from extractors.article import extract_article_from_html, is_article
from extractors.options import ExtractionOptions
from extractors.page.body import Block
from extractors.page.kind import EMPTY, PageSignals, classify_page, teaser_run
from extractors.types import Article, PageKind

KIND = Path(__file__).parent / "fixtures" / "kind"
CASES: dict[str, dict[str, str | None]] = json.loads((KIND / "cases.json").read_text(encoding="utf-8"))


@cache
def extracted(name: str) -> Article:
    return extract_article_from_html((KIND / f"{name}.html").read_bytes(), ExtractionOptions(url=CASES[name]["url"]))


@pytest.mark.parametrize("name", sorted(CASES))
def test_kind(name: str) -> None:
    assert extracted(name).content.kind == CASES[name]["kind"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_rejection_reason(name: str) -> None:
    assert extracted(name).content.rejected_as == CASES[name]["rejected_as"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_is_article_agrees_with_the_kind(name: str) -> None:
    assert is_article(extracted(name)) is (CASES[name]["kind"] != "not-an-article")


@pytest.mark.parametrize("name", [name for name, case in CASES.items() if case["kind"] == "notice"])
def test_notice_keeps_its_attachment_link(name: str) -> None:
    (attachment,) = extracted(name).content.attachments
    assert attachment.url.startswith("http://") and attachment.url.endswith(".pdf")


def test_notice_keeps_its_title_and_date() -> None:
    content = extracted("liferay-notice-attachment-only").content
    assert content.title and content.title.startswith("Thông báo")
    assert content.published_on is not None


def test_article_under_a_notice_portlet_is_the_asset_publishers() -> None:
    text = extracted("liferay-notice-portlet-above-article").content.text
    assert len(text) > 1500 and "bộ phận tiếp nhận và trả kết quả chuyển về trụ sở mới" not in text


def _blocks(*spec: tuple[str, bool]) -> list[Block]:
    return [Block(text=text, link_ratio=1.0 if linked else 0.0) for text, linked in spec]


TITLE = ("Hội nghị sơ kết công tác xã Tân Lập năm 2025", True)
SUMMARY = ("Ngày 12/9, UBND xã tổ chức hội nghị sơ kết.", False)
PARAGRAPH = (" ".join(["Hội nghị đã thống nhất nhiều giải pháp trọng tâm cho thời gian tới."] * 8), False)


def test_teaser_run_counts_titles_followed_by_their_summary() -> None:
    assert teaser_run(_blocks(*[TITLE, SUMMARY] * 5)) == 5


def test_related_links_after_an_article_are_no_teaser_run() -> None:
    assert teaser_run(_blocks(PARAGRAPH, PARAGRAPH, *[TITLE] * 6)) <= 1


def test_a_short_body_is_no_evidence_against_an_article() -> None:
    signals = PageSignals(blocks=_blocks(SUMMARY), paragraphs=[SUMMARY[0]], prose_chars=len(SUMMARY[0]))
    assert classify_page(signals).kind is PageKind.ARTICLE


def test_a_page_with_nothing_in_it_is_empty() -> None:
    verdict = classify_page(PageSignals(blocks=[], paragraphs=[], prose_chars=0))
    assert (verdict.kind, verdict.reason) == (PageKind.NOT_AN_ARTICLE, EMPTY)
