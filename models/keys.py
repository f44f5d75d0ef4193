"""Pure functions computing the keys that decide when two things are "the same row"."""

from __future__ import annotations

import gzip
import hashlib
import re
from typing import Any
from urllib.parse import urldefrag, urlsplit, urlunsplit

from extractors.normalize import fold_diacritics, match_form

_SPACES = re.compile(r"\s+")
# Texts shorter than this are too generic ("Đang cập nhật", a caption) to prove two URLs are one article.
MIN_TEXT_FOR_HASH_ALIAS = 200
KEY_SEPARATOR = "|"


def without_nul(row: dict[str, Any]) -> dict[str, Any]:
    """PostgreSQL text cannot hold NUL; U+FFFD keeps the length, so evidence offsets stay valid."""
    return {k: v.replace("\x00", "\ufffd") if isinstance(v, str) and "\x00" in v else v for k, v in row.items()}


def collapse_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def compress_html(body: bytes) -> bytes:
    # mtime=0 keeps the bytes identical for identical pages
    return gzip.compress(body, compresslevel=6, mtime=0)


def decompress_html(blob: bytes) -> bytes:
    return gzip.decompress(blob)


def text_hash(text: str) -> str:
    """Hash of the body in matching form, so re-typed tone marks or spacing do not split an article."""
    return sha256_hex(collapse_spaces(match_form(text)).casefold().encode("utf-8"))


def search_text(title: str | None, text: str) -> str:
    """The diacritic-free, lower-case form searched by `search_articles` ("Đảng ủy" -> "dang uy")."""
    return collapse_spaces(fold_diacritics(f"{title or ''}\n{text}"))


def name_key(name: str) -> str:
    return collapse_spaces(match_form(name)).casefold()


def normalize_url(url: str) -> str:
    """Fragment dropped, scheme and host lower-cased; path and query kept (ASP.NET ids live in queries)."""
    without_fragment = urldefrag(url.strip()).url
    parts = urlsplit(without_fragment)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, ""))


def is_site_root(url: str) -> bool:
    """A canonical link pointing at the home page (a common CMS misconfiguration) names no article."""
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def site_origin(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/", "", ""))


def advisory_lock_key(name: str) -> int:
    """A signed 64-bit number naming `name`, for PostgreSQL's pg_advisory_xact_lock."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big", signed=True)
