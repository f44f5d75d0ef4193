"""The article's dates looked up by position, and the dates written right after a citation's number.

Shared by `issue_dates` (which day a document was issued) and `bodies` (the body is read past that date).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from extractors.facts.dates import ResolvedDate
from extractors.facts.documents.patterns import TYPE_WORD

# Between a number and its date: "(được) ban hành", "ký", "được Quốc hội thông qua" (the body that passed it), "ra"
# ("thông tư số 17/2005/TT-BCA ra ngày 21/11": issued on), "ban hành từ ngày 17/8/2005"; a dash left after a code
# ("59/2007/NĐ-CP- ngày 9.4.2007").
_PASSED = r"(?:(?:được\s+(?:[^\W\d_][^\d,.;:()]{0,40}?\s)?)?(?:ban hành|ký|thông qua|ra)\s+(?:(?:từ|vào)\s+(?=ngày))?)?"
# The short name a text gives the paper it has just cited, in parentheses before its date: "Thông tư số
# 02/2013/TT-NHNN (Thông tư 02) ngày 21/01/2013", "(gọi tắt là Nghị định 15)", "(viết tắt là TT 14)" (a word and a
# number only: "(thay thế NĐ 83/CP)" names another paper).
_SHORT_NAME = (
    rf"(?:\(\s*(?:(?:sau\s+đây\s+)?(?:gọi|viết)\s+(?:tắt\s+)?là\s+)?(?:{TYPE_WORD}|QĐ|NĐ|NQ|TT|CT)\s+(?:số\s+)?\d[\w/.\-]*\s*\)"
    r"[\s,]*)?"
)
# "ngày13/11/2015" glued too; "ngay" is "ngày" typed without its tone mark, as the same texts write "ND-CP" for
# "NĐ-CP" ("Nghị định số 68/2002/ND-CP ngay 10/7/2002").
DATE_GAP = re.compile(rf"(?:-(?=\s))?[\s,]*{_SHORT_NAME}[\s,(]*{_PASSED}(?:ngày\s*|ngay\s+)?", re.IGNORECASE)
SAME_DAY = re.compile(rf"[\s,(]*{_PASSED}(?:vào\s+)?cùng ngày", re.IGNORECASE)
MAX_EVENT_LOOK_BACK = 50
BORN_BEFORE = re.compile(r"(?<![^\W_])(?i:sinh)\s+(?:(?i:ngày)\s+)?$")
LOOK_BEFORE_BORN = 12


class DatesInText:
    """The article's resolved dates, looked up by position in O(log n)."""

    def __init__(self, dated: tuple[ResolvedDate, ...]) -> None:
        self.document_ends: set[int] = set()
        self.birth_ends: set[int] = set()
        self.by_start = {resolved.hit.start: resolved for resolved in reversed(dated)}  # first hit at a start
        self.ends = sorted(resolved.hit.end for resolved in dated)
        self.day_by_end: dict[int, date] = {}
        self.resolved_by_end: dict[int, ResolvedDate] = {}
        for resolved in sorted(dated, key=lambda r: (r.hit.end, r.hit.start)):
            self.day_by_end[resolved.hit.end] = resolved.day  # the latest hit ending there, in text order
            self.resolved_by_end[resolved.hit.end] = resolved

    def starting_at(self, position: int) -> ResolvedDate | None:
        return self.by_start.get(position)

    def last_before(self, position: int) -> date | None:
        """The day of the last date that ends at or before `position`."""
        end = self.last_end_before(position)
        return self.day_by_end[end] if end is not None else None

    def last_end_before(self, position: int) -> int | None:
        index = bisect_right(self.ends, position)
        return self.ends[index - 1] if index else None

    def attach(self, resolved: ResolvedDate) -> ResolvedDate:
        """Mark a date as a document's own (not the day of an event the text tells)."""
        self.document_ends.add(resolved.hit.end)
        return resolved

    def last_event_before(self, position: int) -> date | None:
        """The day of the last date before `position` that is no document's own and no one's birthday."""
        index = bisect_right(self.ends, position)
        for end in reversed(self.ends[max(0, index - MAX_EVENT_LOOK_BACK) : index]):
            if end not in self.document_ends and end not in self.birth_ends:
                return self.day_by_end[end]
        return None

    def mark_births(self, form: str) -> None:
        """A day someone was born on ("Ông A sinh ngày 25/7/1970") is no event a later "cùng ngày" refers back to."""
        for end, resolved in self.resolved_by_end.items():
            start = resolved.hit.start
            if BORN_BEFORE.search(form, max(0, start - LOOK_BEFORE_BORN), start):
                self.birth_ends.add(end)


def latest_year(dated: DatesInText) -> int | None:
    """The year of the article's latest date: no paper it cites was issued after it."""
    return max(dated.day_by_end.values()).year if dated.day_by_end else None


# A paper's title in quotes right after its number or date: "Chỉ thị số 05 “Về đẩy mạnh …” của Bộ Chính trị".
QUOTED_TITLE = re.compile(r"\s*,?\s*(?:“[^“”\n]{1,200}”|\"[^\"\n]{1,200}\")")


def past_quoted_title(form: str, end: int) -> int:
    title = QUOTED_TITLE.match(form, end)
    return title.end() if title else end


def date_after_title(form: str, end: int, dated: DatesInText) -> ResolvedDate | None:
    """The date right after a quoted title, not after a comma ("Đề án “…”, ngày 5/3 ông A nói": the next clause's)."""
    return None if COMMA_AFTER_TITLE.match(form, end) else date_right_after(form, end, dated)


COMMA_AFTER_TITLE = re.compile(r"\s*,")


def date_right_after(form: str, end: int, dated: DatesInText) -> ResolvedDate | None:
    """The date written right after a number ("ngày 17/7/2024", ", ngày 30/5/2019", "(ngày ...)")."""
    gap = DATE_GAP.match(form, end)
    return dated.starting_at(gap.end() if gap else end)


# A day after a number that the article's dates could not give a year (no publication date, no other full date):
# the body named after it is still the paper's. So is it after the rest of a code written on after the day, which
# no date reader takes for a day: "Quyết định số 807 ngày 2/4/2004/QĐUB của UBND thành phố Hải Phòng".
UNRESOLVED_DAY = re.compile(
    r"[\s,(]*ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?(?:/(?-i:[A-ZĐ]{2,8}(?:-[A-ZĐ]{1,8})?))?\)?"
    r"(?![\d/.-]\d)"
)
