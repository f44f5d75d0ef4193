"""The article's own publication date, read from a date line or a CMS date field."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from extractors.normalize import fold_diacritics

_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
# "thứ năm, 08 08 2019 08:51": a Lạc Việt portal's date field separates with spaces only.
_SPACED = re.compile(r"(?<![\d/.:-])(\d{1,2})\s+(\d{1,2})\s+(\d{4})(?![\d/.:-])")
# "27/05/13 08:57 GMT+7": an aggregator's stamp writes the year in two digits; only a clock time after it makes
# the reading safe (in prose "12/5/13" is as likely a ratio or a code).
_SHORT_YEAR_STAMP = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{2})\s+\d{1,2}:\d{2}(?![\d/])")
# "2026-02-03t14:16:50+00:00" (folded): an ISO 8601 timestamp that states its offset from UTC.
_ZONED = re.compile(r"(\d{4})-(\d{2})-(\d{2})[t ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(z|[+-]\d{2}:?\d{2})(?![\d:])")
# The pages are Vietnamese: their day is the one of Vietnam's clock (UTC+7, no daylight saving time), so a
# timestamp written in another zone ("14:16:50+00:00", a crawler's UTC) is read on that clock.
VIETNAM_TIME = timezone(timedelta(hours=7))
_WORDS = re.compile(r"(?<!\d)(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:,\s*|\s+)nam\s+(\d{4})")
# A month by its English name (folded): "Mon, 08 Apr 2024 16:00:00 +0700" (an RSS or e-mail stamp, a feed digest's
# front matter), "8 April 2024", "April 8, 2024" (an English template's date line).
_MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAME = "(" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_DAY_MONTH_NAME = re.compile(rf"(?<!\d)(\d{{1,2}})\s+{_MONTH_NAME},?\s+(\d{{4}})(?!\d)")
_MONTH_NAME_DAY = re.compile(rf"\b{_MONTH_NAME}\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)")
# The clock and zone an RSS stamp writes after its year: " 16:00:00 +0700", " 09:00 GMT".
_STAMP_CLOCK = re.compile(r"\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(gmt|utc|z|[+-]\d{2}:?\d{2})(?![\d:])")
_TIME = re.compile(r"(?<![\d/.])(\d{1,2})\s*[:h]\s*(\d{2})(?!\d)(?:\s*(am|pm|sa|ch)\b)?")

# Labels that introduce the article's own date (folded): "Ngày đăng", "Cập nhật lúc", "Đăng ngày".
_LABELS = re.compile(
    r"ngay dang|dang ngay|ngay cap nhat|cap nhat(?: luc| ngay)?|thoi gian dang|ngay xuat ban|xuat ban|"
    r"dang luc|dang tai|posted|published|updated|ngay dang tin|ngay tao"
)

# "Thứ Hai, 03/03/2025", "Thứ 2", "Chủ nhật": how a portal prints the day a post went up.
_WEEKDAY = re.compile(r"\b(?:thu (?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat|cn)\b\s*[,:-]?\s*\d")


@dataclass(frozen=True)
class FoundDate:
    day: date
    at: datetime | None = None


def _time_near(text: str, day: date) -> datetime | None:
    match = _TIME.search(text)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if match.group(3) in ("pm", "ch") and hour < 12:
        hour += 12
    if hour > 23 or minute > 59:
        return None
    return datetime(day.year, day.month, day.day, hour, minute)


def _make(year: int, month: int, day: int) -> date | None:
    if not 1990 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _offset(zone: str) -> timezone:
    if zone == "z":
        return UTC
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _zoned_date(folded: str, start: int) -> FoundDate | None:
    """An ISO timestamp with an offset at `start`, as the day and time of Vietnam's clock."""
    match = _ZONED.match(folded, start)
    if not match:
        return None
    year, month, day, hour, minute = (int(match.group(i)) for i in range(1, 6))
    return _on_vietnam_clock((year, month, day), (hour, minute, int(match.group(6) or 0)), match.group(7))


def _on_vietnam_clock(ymd: tuple[int, int, int], clock: tuple[int, int, int], zone: str) -> FoundDate | None:
    """The day and time of Vietnam's clock for a stated day, clock time and zone ("z" or "+07:00"), if valid."""
    try:
        stated = datetime(*ymd, *clock, tzinfo=_offset(zone))
    except ValueError:
        return None
    local = stated.astimezone(VIETNAM_TIME).replace(tzinfo=None)
    return FoundDate(day=local.date(), at=local) if _make(local.year, local.month, local.day) else None


def parse_date(text: str) -> FoundDate | None:
    """The first full calendar day in a short date line (d/m/yyyy, d-m-yyyy, "d m yyyy", ISO, "d tháng m năm
    y")."""
    folded = fold_diacritics(text)
    candidates: list[tuple[int, date]] = []
    for match in _NUMERIC.finditer(folded):
        day = _make(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if day:
            candidates.append((match.start(), day))
    for match in _ISO.finditer(folded):
        day = _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if day:
            candidates.append((match.start(), day))
    for match in _SPACED.finditer(folded):
        day = _make(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if day:
            candidates.append((match.start(), day))
    for match in _WORDS.finditer(folded):
        day = _make(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if day:
            candidates.append((match.start(), day))
    for match in _SHORT_YEAR_STAMP.finditer(folded):
        day = _make(2000 + int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if day:
            candidates.append((match.start(), day))
    candidates.extend(_named_month_days(folded))
    if not candidates:
        return None
    start, day = min(candidates, key=lambda item: item[0])
    zoned = _zoned_date(folded, start) or _stamped_date(folded, start, day)
    if zoned:
        return zoned
    without_dates = _SPACED.sub(" ", _NUMERIC.sub(" ", _ISO.sub(" ", folded)))
    without_dates = re.sub(r"(?<![\d/.])\d{1,2}/\d{1,2}/\d{2}(?=\s+\d{1,2}:\d{2})", " ", without_dates)
    return FoundDate(day=day, at=_time_near(without_dates, day))


def _named_month_days(folded: str) -> list[tuple[int, date]]:
    found: list[tuple[int, date]] = []
    for match, day_group, month_group in (
        *((m, 1, 2) for m in _DAY_MONTH_NAME.finditer(folded)),
        *((m, 2, 1) for m in _MONTH_NAME_DAY.finditer(folded)),
    ):
        # "may" is also a Vietnamese word once folded ("Tổ 12 may 2024 bộ quần áo"): May counts only in a stamp
        if match.group(month_group) == "may" and not _STAMP_CLOCK.match(folded, match.end()):
            continue
        day = _make(int(match.group(3)), _MONTH_NAMES[match.group(month_group)], int(match.group(day_group)))
        if day:
            found.append((match.start(), day))
    return found


def _stamped_date(folded: str, start: int, day: date) -> FoundDate | None:
    """A day by its month's name with the clock and zone of an RSS stamp after its year ("08 apr 2024 16:00:00
    +0700"), as the day and time of Vietnam's clock (see `_zoned_date`)."""
    named = _DAY_MONTH_NAME.match(folded, start) or _MONTH_NAME_DAY.match(folded, start)
    clock = _STAMP_CLOCK.match(folded, named.end()) if named else None
    if clock is None:
        return None
    hour, minute, second = int(clock.group(1)), int(clock.group(2)), int(clock.group(3) or 0)
    zone = "z" if clock.group(4) in ("gmt", "utc") else clock.group(4)
    return _on_vietnam_clock((day.year, day.month, day.day), (hour, minute, second), zone)


def has_date_label(text: str) -> bool:
    return bool(_LABELS.search(fold_diacritics(text)))


def labelled_date(text: str) -> FoundDate | None:
    """A date that follows a publication label within the same short stretch of text."""
    folded = fold_diacritics(text)
    for match in _LABELS.finditer(folded):
        found = parse_date(folded[match.end() : match.end() + 60])
        if found:
            return found
    return None


def has_weekday(text: str) -> bool:
    """A weekday written right before a date."""
    return bool(_WEEKDAY.search(fold_diacritics(text)))
