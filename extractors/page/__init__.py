"""Boilerplate removal and page metadata, for whole HTML pages and plain-text page dumps."""

from __future__ import annotations

from extractors.options import ExtractionOptions
from extractors.page.html_page import extract_html
from extractors.page.profiles import detect_family
from extractors.page.text_page import NOT_AN_ARTICLE, extract_text_dump
from extractors.types import PageContent


def extract_html_page(html: str | bytes, options: ExtractionOptions, http_encoding: str | None = None) -> PageContent:
    """Article body and metadata of a whole saved page (bytes are decoded, `http_encoding` is a hint)."""
    return extract_html(html, options, http_encoding)


def extract_text_page(text: str, options: ExtractionOptions) -> PageContent:
    """Article body and metadata of a visible-text dump (one block per line, boilerplate included)."""
    return extract_text_dump(text, options)


def detect_cms(html: str) -> str | None:
    """The portal family of a page from its markup: liferay, sharepoint-tandan, ... or None."""
    return detect_family(html)


__all__ = ["NOT_AN_ARTICLE", "detect_cms", "extract_html_page", "extract_text_page"]
