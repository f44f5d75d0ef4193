"""Which document a citation names: national issuers are one document everywhere, local ones are scoped.

A document's key is number | type | issuer | year | place:
- national issuers (TW, BCT, BBT, VPTW, QH…, UBTVQH…, CP, TTg, ministries …) leave the place empty: one
  document across every portal;
- local issuer codes (TU, HU, QU, ĐU, ĐUK, UBND, HĐND, BTGTU …) are scoped to the place of the issuing body:
  the unit its name gives ("Huyện ủy Sơn Hà"), else the portal's unit at the level the code implies (a HU
  document on a commune portal is its district's, a TU one its province's), else the portal's place;
- the year is the code's ("30/2020/NĐ-CP"), else the issue date's: numbering restarts every year or term, so
  "45-KH/HU ngày 3/5/2021" and "45-KH/HU ngày 28/2/2025" are two documents. A citation giving neither
  keys the document with no year.

The key is a pure function of the citation and its portal, computed inside the write transaction, so
concurrent writers converge on one row through the upsert's ON CONFLICT (no read of other rows needed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from extractors.normalize import match_form
from extractors.types import DocumentRef
from models.keys import KEY_SEPARATOR, collapse_spaces
from models.places import COMMUNE, DISTRICT, PROVINCE, PlaceChain, place_of_body, portal_place

NATIONAL, LOCAL = "national", "local"
# Issuers of the central Party, the National Assembly, the state and the mass organisations' central bodies.
NATIONAL_ISSUERS = frozenset(
    {
        "TW",
        "BCT",
        "BBT",
        "VPTW",
        "BCHTW",
        "BTCTW",
        "BTGTW",
        "BDVTW",
        "BKTTW",
        "UBKTTW",
        "BNCTW",
        "BTGDVTW",
        "ĐUKCQTW",
        "ĐUKDNTW",
        "QH",
        "UBTVQH",
        "CP",
        "TTg",
        "CTN",
        "VPCP",
        "VPQH",
        "NHNN",
        "TTCP",
        "KTNN",
        "TANDTC",
        "VKSNDTC",
        "MTTW",
        "UBTWMTTQVN",
        "TLĐ",
        "TWĐTN",
        "TWHLHPN",
        "TWHND",
        "TWHCCB",
    }
)
NATIONAL_PATTERN = re.compile(r"^(?:QH|UBTVQH)\d*$|TW$|^MTTW")
# Local issuers whose code gives the level of the issuing body.
LOCAL_LEVELS = {
    "TU": PROVINCE,
    "ĐUK": PROVINCE,
    "BTGTU": PROVINCE,
    "BTCTU": PROVINCE,
    "BDVTU": PROVINCE,
    "UBKTTU": PROVINCE,
    "VPTU": PROVINCE,
    "BNCTU": PROVINCE,
    "HU": DISTRICT,
    "QU": DISTRICT,
    "TXU": DISTRICT,
    "BTGHU": DISTRICT,
    "BTCHU": DISTRICT,
    "UBKTHU": DISTRICT,
    "ĐU": COMMUNE,
}
# State ministries are "B" + the ministry's initials; local boards end in the committee they serve.
MINISTRY = re.compile(r"^B[A-ZĐ]{1,8}$")
LOCAL_SUFFIX = re.compile(r"(?:TU|HU|QU|ĐU|TXU|ĐUK)$")
ISSUER_PARTS = re.compile(r"[-/]")


def issuer_code(issuer: str | None) -> str:
    return collapse_spaces(match_form(issuer or ""))


def is_national(issuer: str | None) -> bool:
    """Every part of the issuer is a national body ("BTC-BNN" is joint, and national)."""
    parts = [p for p in ISSUER_PARTS.split(issuer_code(issuer)) if p]
    return bool(parts) and all(_national_part(p) for p in parts)


def _national_part(part: str) -> bool:
    if part in NATIONAL_ISSUERS or NATIONAL_PATTERN.search(part):
        return True
    return bool(MINISTRY.match(part)) and not LOCAL_SUFFIX.search(part)


def issuer_level(issuer: str | None) -> str | None:
    """The level of a local issuing body the code alone gives (TU: province), else None (UBND, HĐND …)."""
    code = issuer_code(issuer)
    return LOCAL_LEVELS.get(code) or LOCAL_LEVELS.get(ISSUER_PARTS.split(code)[-1])


@dataclass(frozen=True)
class DocumentScope:
    scope: str  # national | local
    place: PlaceChain | None  # the issuing body's place, for a local document

    @property
    def place_key(self) -> str:
        return self.place.key if self.place is not None else ""


def document_scope(ref: DocumentRef, portal: PlaceChain) -> DocumentScope:
    if is_national(ref.issuer):
        return DocumentScope(NATIONAL, None)
    return DocumentScope(LOCAL, place_of_body(ref.issuing_body, portal, issuer_level(ref.issuer)))


PARTY_ISSUER = re.compile(r"(?:TW|TU|HU|QU|ĐU|ĐUK|TXU|BCT|BBT)$")


def written_code(ref: DocumentRef) -> str:
    """The code as documents print it: Party "45-KH/HU", state "119/QĐ-UBND", normative "30/2020/NĐ-CP"."""
    number, doc_type, issuer = ref.key
    issuer = issuer or ""
    if doc_type and PARTY_ISSUER.search(issuer_code(issuer)):
        return f"{number}-{doc_type}/{issuer}"
    middle = f"{ref.year}/" if ref.year else ""
    tail = f"{doc_type}-{issuer}" if doc_type and issuer else doc_type or issuer
    return f"{number}/{middle}{tail}" if tail else number


def document_year(ref: DocumentRef) -> int | None:
    if ref.year:
        return ref.year
    return ref.issued_on.year if ref.issued_on is not None else None


def document_key(ref: DocumentRef, scope: DocumentScope) -> str:
    number, doc_type, issuer = ref.key
    year = document_year(ref)
    parts = (number, doc_type or "", issuer or "", str(year) if year else "")
    code = KEY_SEPARATOR.join(collapse_spaces(match_form(part)).upper() for part in parts)
    return f"{code}{KEY_SEPARATOR}{scope.place_key}"


@dataclass(frozen=True)
class DocumentKeyer:
    """Keys and row values of the documents cited on one portal."""

    portal: PlaceChain

    def scope(self, ref: DocumentRef) -> DocumentScope:
        return document_scope(ref, self.portal)

    def key(self, ref: DocumentRef) -> str:
        return document_key(ref, self.scope(ref))

    def values(self, ref: DocumentRef) -> dict[str, Any]:
        number, doc_type, issuer = ref.key
        scope = self.scope(ref)
        return {
            "number": number,
            "type": doc_type or "",
            "issuer": issuer or "",
            "year": document_year(ref),
            "type_name": ref.type_name,
            "issuing_body": ref.issuing_body,
            "code": written_code(ref),
            "scope": scope.scope,
            "place_key": scope.place_key,
            "doc_key": document_key(ref, scope),
        }


def keyer_for_portal(province: str | None, level: str | None, name: str | None, slug: str) -> DocumentKeyer:
    return DocumentKeyer(portal_place(province, level, name, slug))
