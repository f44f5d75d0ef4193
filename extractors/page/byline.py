"""Bylines: "Tin, ảnh: Hoàng Lan" -> author "Hoàng Lan"; "Nguồn: Báo X" -> source credit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.normalize import match_form

_CREDIT_PREFIX = re.compile(
    r"^(?:tin|bài|ảnh|tin và ảnh|tin, ảnh|tin - ảnh|tin-ảnh|tin/ảnh|bài và ảnh|bài, ảnh|bài/ảnh|bài - ảnh|"
    r"bài và ảnh|thực hiện|tác giả|người viết|nhóm pv|nhóm phóng viên|phóng viên|pv|ctv|btv)\s*[:：.]\s*(.+)$",
    re.IGNORECASE,
)
_SOURCE_PREFIX = re.compile(r"^(?:nguồn|theo|nguồn tin|source)\s*[:：]?\s*(.+)$", re.IGNORECASE)
_AGENCY_ONLY = re.compile(r"^(?:pv|ctv|btv|nhóm pv|phóng viên|nhóm phóng viên|ttxvn|vna)\.?$", re.IGNORECASE)
_PARENTHESES = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*")
_PEOPLE_SEPARATOR = re.compile(r"\s+[-–—]\s+|\s*,\s*|\s+và\s+")
# Capitalised words that make a short line an organisation or a heading, not a person.
_NOT_NAME_WORDS = frozenset(
    [
        "ubnd",
        "hđnd",
        "mttq",
        "đảng",
        "ban",
        "huyện",
        "tỉnh",
        "xã",
        "phường",
        "sở",
        "phòng",
        "quận",
        "ủy",
        "uỷ",
        "cổng",
        "bài",
        "ảnh",
        "nguồn",
        "theo",
        "báo",
        "cơ",
        "các",
        "tp",
        "thpt",
        "thcs",
        "video",
        "clip",
    ]
)


@dataclass(frozen=True)
class Byline:
    author: str | None = None
    source_credit: str | None = None


def _clean(line: str) -> str:
    text = line.strip().strip("*_").strip().rstrip(".;,").strip()
    if text.startswith(("(", "[")) and text.endswith((")", "]")):
        text = text[1:-1].strip()  # "(Theo TTXVN)"
    return text


def _is_name_word(word: str) -> bool:
    """ "Lan", "LAN" or an initial "H." (a Vietnamese name word is capitalised and purely alphabetic)."""
    letters = word.rstrip(".")
    return (
        letters.isalpha() and letters[0].isupper() and (letters[1:].islower() or letters.isupper() or len(letters) == 1)
    )


def looks_like_name(text: str) -> bool:
    """Two to five capitalised words with no organisation word: a person's name."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    if any(match_form(word).lower().strip(".") in _NOT_NAME_WORDS for word in words):
        return False
    return all(_is_name_word(word) for word in words)


def _people(text: str) -> str | None:
    """A name, or several names joined by "-", ","; a trailing unit after a dash is dropped."""
    text = _PARENTHESES.sub(" ", text).strip()
    parts = [part.strip() for part in _PEOPLE_SEPARATOR.split(text) if part.strip()]
    if not parts or not looks_like_name(parts[0]):
        return None
    if all(looks_like_name(part) for part in parts):
        return " ".join(text.split())
    return parts[0]


def parse_byline(line: str) -> Byline | None:
    """Read one short closing line as a byline or a source credit; None when it is neither."""
    text = _clean(line)
    if not text or len(text.split()) > 14:
        return None
    matchable = match_form(text)
    if _AGENCY_ONLY.match(matchable):
        return Byline(source_credit=text)
    credit = _CREDIT_PREFIX.match(matchable)
    if credit:
        rest = re.split(r"\s*[;|]\s*", text[credit.start(1) :].strip())[0]
        return Byline(author=_people(rest) or _clean(_PARENTHESES.sub(" ", rest)) or None)
    source = _SOURCE_PREFIX.match(matchable)
    if source and len(text.split()) <= 10:
        return Byline(source_credit=text[source.start(1) :].strip())
    person = _people(text)
    return Byline(author=person) if person else None
