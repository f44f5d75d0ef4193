"""Calendar days stated in an article body.

Regexes find the day expressions on `match_form(text)`; a direct `datetime.date(y, m, d)` validates them
(dateparser is ~0.45 ms a call and adds nothing for these fixed shapes). Recognised forms:
"ngày 17/7/2024", "05-3-2025", "ngày 5 tháng 3 năm 2025", "Chiều 20/8", "Trong 2 ngày 6 và 7/8",
"các ngày 13 và 14/8/2020", "từ ngày 1 đến 3/10/2025" (the two stated ends, not the days between) and spans
of two full dates. A day-month without a year needs a cue word before it ("ngày", "sáng", "chiều", "từ", "dịp", ...),
which keeps out ratios ("16/18 chỉ tiêu", "5/7 xã") and batch labels ("đợt 3/2").

Year of a day written without one: the year of `published_on` (the previous year when that would put the day
more than 180 days after publication, e.g. "28/12" in a January article); without a publication date, the
most common year among the article's full dates, ties going to the latest (the event being reported is
usually the newest thing in it; documents cited are older). A yearless day written just before a full one
("30/6 - 2/7/2025") takes that one's year.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from extractors.facts.evidence import make_evidence
from extractors.facts.spans import DisjointSpans
from extractors.normalize import match_form
from extractors.types import DatedMention

MIN_YEAR, MAX_YEAR = 1800, 2100
ROLLBACK_AFTER = timedelta(days=180)

_TIME_CUES = (
    r"(?:ngày|sáng|chiều|trưa|tối|đêm|rạng\s+sáng|hôm|nay|từ|đến|tới|trước|sau|vào|hạn|dịp|"
    r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s*,?)(?:\s+(?:mùng|mồng))?"
)
_CONNECTOR = r"\s*(?:,|và|đến|tới|-)\s*(?:ngày\s+)?"

# Words after "2/3", "3/4" that make it a fraction ("hơn 2/3 số hộ", "tới 3/4 diện tích").
_FRACTION_NEXT = (
    r"(?!\s+(?i:số|tổng|diện|dân|hộ|xã|phường|thôn|bản|đơn|chỉ|lượng|thành|trường|đại|cán|người)(?![^\W_]))"
)
FULL_NUMERIC = re.compile(r"(?<![\w/.,])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/]|\.\d|-[^\W\d_])")
DAY_LIST = re.compile(
    rf"(?<![^\W_])(?i:ngày(?:\s+từ)?|từ)\s+(\d{{1,2}})((?:{_CONNECTOR}\d{{1,2}})+)\s*/\s*(\d{{1,2}})(?:/(\d{{4}}))?"
    rf"(?![\d/]|-[^\W\d_]){_FRACTION_NEXT}"
)
TEXTUAL = re.compile(
    rf"(?i:ngày)\s+(?:(?i:mùng|mồng)\s+)?(\d{{1,2}})((?:{_CONNECTOR}\d{{1,2}})*)\s+(?i:tháng)\s+(\d{{1,2}})"
    r"(?:\s*(?i:năm|,)?\s*(\d{4}))?(?!\d)"
)
SHORT_CUED = re.compile(
    rf"(?<![^\W_])(?i:{_TIME_CUES})\s+(?:(?i:ngày)\s+)?(\d{{1,2}})/(\d{{1,2}})(?![\d/]|\.\d){_FRACTION_NEXT}"
)
# "Sáng nay (12/6)", "hôm qua (thứ Hai, 5/8)"
BRACKETED = re.compile(
    r"(?i:nay|qua|mai|thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s*,?\s*\(\s*(?:(?i:thứ\s+\w+|chủ\s+nhật)\s*,\s*)?(?:(?i:ngày)\s+)?(\d{1,2})/(\d{1,2})\s*\)"
)
# A further day after a found one: "ngày 6/8 và 7/8", "từ 28/7 - 2/8".
CONTINUATION = re.compile(rf"{_CONNECTOR}(\d{{1,2}})/(\d{{1,2}})(?:/(\d{{4}}))?(?![\d/]|\.\d|-[^\W\d_])")
DASH_CUED = re.compile(r"(?i:ngày)\s+(\d{1,2})-(\d{1,2})(?![\d/-]|\.\d)")
# "Sáng ngày 2.8": a day and month with a full stop, only right after "ngày" (elsewhere "2.8" is a number).
DOT_CUED = re.compile(r"(?i:ngày)\s+(\d{1,2})\.(\d{1,2})(?![\d.]|,\d|\s*(?i:triệu|tỷ|nghìn|ha|km|%))")
_DAY_NUMBER = re.compile(r"\d{1,2}")
_LEADS_TO_FULL = re.compile(r"\s*(?:-|đến|tới|và)\s*(?:ngày\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class DateHit:
    """One stated day: the span of the whole expression it was read from, and its parts."""

    start: int
    end: int
    day: int
    month: int
    year: int | None


@dataclass(frozen=True)
class ResolvedDate:
    """A hit with the calendar day it stands for."""

    hit: DateHit
    day: date


def _valid(year: int, month: int, day: int) -> date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _days_of_list(first: str, rest: str) -> list[int]:
    return [int(first)] + [int(n) for n in _DAY_NUMBER.findall(rest)]


def _list_hits(pattern: re.Pattern[str], form: str) -> list[DateHit]:
    hits = []
    for found in pattern.finditer(form):
        year = int(found.group(4)) if found.group(4) else None
        start, end = found.start(1), found.end()
        for day in _days_of_list(found.group(1), found.group(2) or ""):
            hits.append(DateHit(start, end, day, int(found.group(3)), year))
    return hits


def _pair_hits(pattern: re.Pattern[str], form: str, year_group: int | None) -> list[DateHit]:
    hits = []
    for found in pattern.finditer(form):
        year = int(found.group(year_group)) if year_group else None
        month_group = 3 if year_group else 2
        hits.append(DateHit(found.start(1), found.end(), int(found.group(1)), int(found.group(month_group)), year))
    return hits


def _without_overlaps(hits: list[DateHit]) -> list[DateHit]:
    """Keep the hits of the longest expression wherever expressions overlap (hits of one expression, such as
    the days of "ngày 6 và 7/8", share its span and are all kept).

    Overlaps only chain within a cluster of overlapping spans, so the longest-first choice is made cluster
    by cluster: linear in the number of hits, whatever the page.
    """
    kept: list[DateHit] = []
    cluster: list[DateHit] = []
    cluster_end = -1
    for hit in sorted(set(hits), key=lambda h: (h.start, h.end, h.day)):
        if cluster and hit.start >= cluster_end:
            kept += _longest_first(cluster)
            cluster = []
        cluster_end = max(cluster_end, hit.end) if cluster else hit.end
        cluster.append(hit)
    kept += _longest_first(cluster)
    return sorted(kept, key=lambda h: (h.start, h.day))


def _longest_first(cluster: list[DateHit]) -> list[DateHit]:
    """The hits of one cluster that no longer expression overlaps; taken spans are disjoint, kept sorted."""
    if len(cluster) == 1:
        return cluster
    kept: list[DateHit] = []
    taken = DisjointSpans()
    for hit in sorted(cluster, key=lambda h: (-(h.end - h.start), h.start)):
        if taken.holds(hit.start, hit.end):
            kept.append(hit)
        elif not taken.overlaps(hit.start, hit.end):
            kept.append(hit)
            taken.add(hit.start, hit.end)
    return kept


def _continuations(form: str, hits: list[DateHit]) -> list[DateHit]:
    """Further days chained after a hit ("6/8 và 7/8, 8/8"); each position is continued from once."""
    found_more = []
    continued: set[int] = set()
    for hit in hits:
        end = hit.end
        while end not in continued and (found := CONTINUATION.match(form, end)) is not None:
            continued.add(end)
            year = int(found.group(3)) if found.group(3) else None
            found_more.append(DateHit(found.start(1), found.end(), int(found.group(1)), int(found.group(2)), year))
            end = found.end()
        continued.add(end)
    return found_more


def scan_dates(form: str) -> list[DateHit]:
    """Every day expression in a match-form text, in text order; years may be missing."""
    return list(_scan_dates(form))


@lru_cache(maxsize=8)  # the date and the document finders both scan the same article body
def _scan_dates(form: str) -> tuple[DateHit, ...]:
    hits = _without_overlaps(
        _list_hits(DAY_LIST, form)
        + _list_hits(TEXTUAL, form)
        + _pair_hits(FULL_NUMERIC, form, year_group=4)
        + _pair_hits(SHORT_CUED, form, year_group=None)
        + _pair_hits(BRACKETED, form, year_group=None)
        + _pair_hits(DASH_CUED, form, year_group=None)
        + _pair_hits(DOT_CUED, form, year_group=None)
    )
    hits = _without_overlaps(hits + _continuations(form, hits))
    return tuple(h for h in hits if _valid(h.year or 2000, h.month, h.day))


def article_year(hits: list[DateHit]) -> int | None:
    """The most common stated year, ties to the latest; None when no day states a year."""
    counts = Counter(h.year for h in hits if h.year is not None)
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))


def _year_from_next(form: str, hit: DateHit, following: DateHit | None) -> int | None:
    if following is None or following.year is None or following.start - hit.end > 20:
        return None
    if not _LEADS_TO_FULL.match(form[hit.end : following.start] + " "):
        return None
    return following.year - 1 if hit.month > following.month else following.year


def resolve_day(hit: DateHit, year: int | None, published_on: date | None) -> date | None:
    """The date of a hit, with `year` standing in for a missing one (rolled back across New Year)."""
    if hit.year is not None:
        return _valid(hit.year, hit.month, hit.day)
    if year is None:
        return None
    day = _valid(year, hit.month, hit.day)
    if day and published_on and year == published_on.year and day - published_on > ROLLBACK_AFTER:
        return _valid(year - 1, hit.month, hit.day)
    return day


def resolved_dates(form: str, published_on: date | None) -> list[ResolvedDate]:
    """Every hit paired with its calendar day (hits that cannot be dated are left out)."""
    hits = scan_dates(form)
    fallback = published_on.year if published_on else article_year(hits)
    pairs = []
    for index, hit in enumerate(hits):
        following = hits[index + 1] if index + 1 < len(hits) else None
        year = _year_from_next(form, hit, following) if hit.year is None else None
        day = resolve_day(hit, year or fallback, None if year else published_on)
        if day is not None:
            pairs.append(ResolvedDate(hit, day))
    return pairs


def find_dates(text: str, published_on: date | None) -> list[DatedMention]:
    """Each distinct stated day once, in order of first mention, with every mention as evidence."""
    form = match_form(text)
    mentions: dict[date, DatedMention] = {}
    spans: set[tuple[date, int, int]] = set()
    for resolved in resolved_dates(form, published_on):
        hit, day = resolved.hit, resolved.day
        mention = mentions.setdefault(day, DatedMention(day=day, year_inferred=hit.year is None))
        mention.year_inferred = mention.year_inferred and hit.year is None
        if (day, hit.start, hit.end) not in spans:
            spans.add((day, hit.start, hit.end))
            mention.evidence.append(make_evidence(text, hit.start, hit.end))
    return list(mentions.values())
