"""Congresses: each numbered term mention resolved to one body's congress, and the day it was held (pure).

A congress is (kind of body, place, ordinal): "Đại hội Đảng bộ xã Nà Bó lần thứ XXI" and "Ban Chấp hành Đảng
bộ xã khóa XXI" on the same district portal are one congress of the Party organisation of xã Nà Bó. The place
is the unit the organisation names, else the portal's (at the level the organisation's words give). The
national Party congress ("Đại hội XIV của Đảng", "Đại hội đại biểu toàn quốc") and the National Assembly have
no place. A congress is dated when a sentence says it was held on a day ("Ngày 15/4/2025, Đảng bộ xã Nà Bó
long trọng tổ chức Đại hội ..."), not when it is planned ("dự kiến", "tiến tới", "trước ngày").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from extractors.normalize import match_form
from models.places import LEVEL_DEPTH, PlaceChain, locate, named_units, place_of_body

# kind -> (words in the organisation's name, label of the body)
BODY_KINDS: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE), label)
    for kind, pattern, label in (
        ("assembly", r"Quốc\s+hội", "Quốc hội"),
        ("council", r"HĐND|Hội\s+đồng\s+nhân\s+dân", "HĐND"),
        ("front", r"MTTQ|Mặt\s+trận", "Ủy ban MTTQ Việt Nam"),
        ("union", r"Công\s+đoàn|Liên\s+đoàn\s+Lao\s+động", "Công đoàn"),
        ("women", r"Phụ\s+nữ|LHPN", "Hội Liên hiệp Phụ nữ"),
        ("veterans", r"Cựu\s+chiến\s+binh|CCB", "Hội Cựu chiến binh"),
        ("farmers", r"Nông\s+dân", "Hội Nông dân"),
        ("youth", r"Đoàn\s+(?:TNCS|Thanh\s+niên)|Thanh\s+niên", "Đoàn TNCS Hồ Chí Minh"),
        ("party", r"Đảng|Chi\s+bộ|(?:Tỉnh|Huyện|Quận|Thị|Thành)\s+ủy|Ban\s+Chấp\s+hành", "Đảng bộ"),
        ("people-committee", r"UBND|Ủy\s+ban\s+nhân\s+dân", "UBND"),
    )
)
NATIONAL_PARTY = re.compile(r"^(?:Đảng|toàn\s+quốc)$", re.IGNORECASE)
HELD = re.compile(r"tổ\s+chức|khai\s+mạc|diễn\s+ra|bế\s+mạc|họp", re.IGNORECASE)
NOT_HELD_YET = re.compile(r"dự\s+kiến|tiến\s+tới|chuẩn\s+bị|trước\s+ngày|kế\s+hoạch|\bsẽ\b|đi\s+dự", re.IGNORECASE)
CONGRESS_WORD = re.compile(r"Đại\s+hội", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?;\n]")


@dataclass(frozen=True)
class Congress:
    key: str
    body: str
    kind: str
    place: PlaceChain | None
    ordinal: int
    reason: str

    @property
    def place_key(self) -> str:
        return self.place.key if self.place else ""


def body_kind(organisation: str) -> tuple[str, str] | None:
    for kind, pattern, label in BODY_KINDS:
        if pattern.search(organisation):
            return kind, label
    return None


def article_places(organisations: list[str | None], portal: PlaceChain) -> list[PlaceChain]:
    """The places an article's term organisations name ("Đảng bộ xã Nà Bó" -> xã Nà Bó)."""
    places = []
    for organisation in organisations:
        units = named_units(organisation or "")
        if units and units[-1].name:
            places.append(locate(units[-1], portal))
    return places


def resolve_congress(
    ordinal: int, organisation: str | None, portal: PlaceChain, article_places: Sequence[PlaceChain] = ()
) -> Congress | None:
    """The congress a term mention stands for, or None when the text names no body."""
    if not organisation:
        return None
    organisation = " ".join(match_form(organisation).split())
    if NATIONAL_PARTY.match(organisation):
        key = f"national-party||{ordinal}"
        return Congress(key, "Đảng Cộng sản Việt Nam", "national-party", None, ordinal, "the national Party congress")
    found = body_kind(organisation)
    if found is None:
        return None
    kind, label = found
    if kind == "assembly":
        return Congress(f"assembly||{ordinal}", label, kind, None, ordinal, "the National Assembly")
    units = named_units(organisation)
    if units and not units[-1].name and LEVEL_DEPTH[units[-1].level] > LEVEL_DEPTH[portal.level]:
        # "Đảng ủy xã" on a district portal: the commune the article names, if it names one only
        level = units[-1].level
        named = {p.key: p for p in article_places if p.level == level}
        if len(named) != 1:
            return None
        (place,) = named.values()
        reason = f"'{organisation}' in an article naming one {units[-1].unit_type}: {label} of {place.name}"
    else:
        place = place_of_body(organisation, portal, None)
        reason = f"'{organisation}' on a portal of {portal.name}: {label} of {place.name}"
    key = f"{kind}|{place.key}|{ordinal}"
    return Congress(key, f"{label} {place.name}", kind, place, ordinal, reason)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    before = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    after = SENTENCE_END.search(text, end)
    return (before[-1] if before else 0, after.start() if after else len(text))


def held_on(text: str, start: int | None, end: int | None, days: list[tuple[date, int | None]]) -> date | None:
    """The earliest day stated in the mention's sentence, when that sentence says the congress was held."""
    if start is None or end is None:
        return None
    first, last = _sentence(text, start, end)
    sentence = text[first:last]
    if not CONGRESS_WORD.search(sentence) or not HELD.search(sentence) or NOT_HELD_YET.search(sentence):
        return None
    within = [day for day, offset in days if offset is not None and first <= offset < last]
    return min(within) if within else None
