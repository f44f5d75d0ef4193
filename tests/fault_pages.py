"""Damaged variants of the fault fixtures' pages, made from the clean page at test time: a byte or a
paragraph in Windows-1258 inside a UTF-8 page (as a CMS editor pasting from an old Windows tool leaves
them), a whole page in Windows-1258, a gzip stream cut short."""

from __future__ import annotations

import gzip
import re
import unicodedata
from pathlib import Path

FAULTS = Path(__file__).parent / "fixtures" / "fetch_faults"
ARTICLE = FAULTS / "article.html"
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # the five tone marks Windows-1258 writes as combining characters
OFFICIAL_PARAGRAPH = "chu-tri"  # id of the paragraph naming three of the five officials


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese editors write it: letter (â, ê, ơ … precomposed) + combining tone mark."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        letter = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(letter + "".join(c for c in parts if c in _TONES))
    return "".join(out).encode("cp1258")


def article_bytes() -> bytes:
    return ARTICLE.read_bytes()


def with_one_cp1258_byte(page: bytes) -> bytes:
    """'năm 2025' with its 'ă' as the single Windows-1258 byte 0xE3."""
    return page.replace("năm 2025".encode(), b"n\xe3m 2025", 1)


def with_one_cp1258_paragraph(page: bytes, paragraph_id: str = OFFICIAL_PARAGRAPH) -> bytes:
    pattern = re.compile(rb'(<p id="' + paragraph_id.encode() + rb'">)(.*?)(</p>)', re.DOTALL)
    return pattern.sub(lambda m: m.group(1) + to_cp1258(m.group(2).decode("utf-8")) + m.group(3), page, count=1)


def whole_page_cp1258(page: bytes) -> bytes:
    text = page.decode("utf-8").replace("charset=UTF-8", "charset=windows-1258")
    return to_cp1258(text)


def truncated_gzip(page: bytes, keep: float = 0.6) -> bytes:
    """The page gzipped, the stream cut after `keep` of its bytes (no gzip trailer)."""
    compressed = gzip.compress(page, mtime=0)
    return compressed[: int(len(compressed) * keep)]
