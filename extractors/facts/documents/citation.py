"""One mention of a document, the record that every step fills in before mentions are merged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass
class Citation:
    """One mention of a document, before mentions of the same document are merged."""

    start: int
    end: int
    number: str
    type: str | None
    issuer: str | None
    year: int | None = None
    party: bool = False
    issued_on: date | None = None
    issuing_body: str | None = None
    has_code: bool = True
    issuer_named: str | None = None  # a document cited without a code: its issuer as the text names the body
    word_type: str | None = None
    opening_date: date | None = None  # "Ngày 5/4/2023, Đảng ủy đã có Tờ trình số ...": used when no other
    body_before: tuple[int, int] | None = None  # "Nghị quyết HĐND tỉnh Nghệ An số 170": the body's span
    word_end: int | None = None  # "văn bản “khẩn” (số 453)": where the clause's subject issuing it is looked for
    named_as: str | None = None  # the type the word before a code names, even where the code says another
    raw: str | None = None  # a number of a range, written with the code it shares ("542/QĐ-TTg" of "541-543/QĐ-TTg")
    written_day: date | None = None  # a day no date reader takes, the code glued to it: "số 807 ngày 2/4/2004/QĐUB"
