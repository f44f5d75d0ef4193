"""Calendar days stated in an article body.

Regexes find the day expressions on `match_form(text)`; a direct `datetime.date(y, m, d)` validates them
(dateparser is ~0.45 ms a call and adds nothing for these fixed shapes). Recognised forms:
"ngày 17/7/2024", "05-3-2025", "22.5.2016", "ngày 5 tháng 3 năm 2025", "Chiều 20/8", "Trong 2 ngày 6 và 7/8",
"các ngày 13 và 14/8/2020", "ngày mùng 3 và 5/4/2021", "từ ngày 1 đến 3/10/2025" (the two stated ends, not the days
between), "Tối 23-24/6", "(22 - 23/5)", "(30/4 và 1/5)" and spans of two full dates; days named from the article's
own ("hôm qua 21.5", "sáng mai (25-5)", "hôm thứ Sáu (26/5 theo giờ Mỹ)"). A day-month without a year needs a
cue word before it ("ngày", "sáng", "chiều", "từ", "dịp", ...), which keeps out ratios ("16/18 chỉ tiêu", "5/7 xã")
and batch labels ("đợt 3/2"); "ngày" and words naming the day are such a cue ("Ngày sinh nhật Bác Hồ 19/5"), and a
short span whose start is no proper fraction needs none ("nghỉ dưỡng 30/4 - 1/5"). A year in words after a day-month
is its year ("ngày 11/9 năm 2001").
The press also writes the day and month with a full stop or a dash ("Chiều 22.4", "Sáng 6-2", "Sáng nay 28 - 5"): read
so only after a word naming a day or a part of one, as a span "từ 23.4 - 1.5", as a dashed list or range after its cue
("3 ngày thi (2, 3 và 4-6)", "từ 2 – 4-6") or, dotted above the 12th, as a deadline ("trước 30.6 để phê duyệt"), never
before a unit ("2.5 triệu").

Year of a day written without one: the year of a full date it leads to ("30/6 - 2/7/2025") or of a year written
just before it ("Tết Mậu Thân năm 1968, ngày 11.2"); else the year of `published_on` (the previous year when that
would put the day more than 180 days after publication, e.g. "28/12" in a January article, unless the day comes every
year: "trước ngày 30/11 hàng năm", or the article states a full date of its publication year up to 60 days from
it: "nghỉ từ ngày 29/8/2026 đến hết ngày 2/9" in a February article; or more than 120 days after it in a sentence
that does not tell of it as to come, `_told_as_future`); without a
publication date, the year the article tells of (`article_year`), read only where the article states a full date
other than a birth date; when those are cited papers of several years, a day that year would put before the latest
paper is left out (`article_time`); a year before the web (`EARLIEST_WEB_YEAR`) dates no such day. A day with no
year to take is left out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache, partial

from extractors.facts.evidence import make_evidence
from extractors.facts.spans import DisjointSpans
from extractors.normalize import match_form
from extractors.types import DatedMention

MIN_YEAR, MAX_YEAR = 1800, 2100
# A day written without a year is a day near the article's publication, and no Vietnamese web page was published
# before the country went online (1997): a year of the article's own dates or names that is older (history told, a
# war-time full date, "ra quân năm 1983") is not the time of its yearless days, which are then left out.
EARLIEST_WEB_YEAR = 1997
ROLLBACK_AFTER = timedelta(days=180)
# A day more than four months after publication is announced as future ("sẽ", "dự kiến", "tới", a deadline "trước
# 30/9"); without such a word it is last year's ("Ngày 28/9, Ủy ban Thường vụ Quốc hội ban hành Nghị quyết ..." in
# an April article: a paper issued seven months before, which the 180-day window alone would put five months ahead).
PAST_UNLESS_FUTURE_AFTER = timedelta(days=120)
TOLD_NEAR = timedelta(days=60)  # a full date of the publication year this close before a late day keeps its year

# "hôm qua", "tối nay", "sáng mai", "ngày hôm qua": a day named from the article's own. "qua" and "mai" cue a day
# only after a part of the day ("thông qua 5/7 xã" is a ratio).
_RELATIVE_DAY = r"(?:(?:sáng|chiều|trưa|tối|đêm|rạng\s+sáng|ngày)(?:\s+hôm)?|hôm)\s+(?:nay|qua|mai)"
# The press also sets the day off with a comma after the relative word ("sáng nay, 21/6", "chiều nay, 8-2").
_RELATIVE_DAY_CUE = rf"{_RELATIVE_DAY}(?:\s*,)?"
# "sáng sớm 30/5", "chiều tối 5-3", "đêm khuya 2.9": a part of the day narrowed by a word.
_PART_OF_DAY = r"(?:sáng|chiều|trưa|tối|đêm|rạng\s+sáng)(?:\s+(?:sớm|muộn|tối|khuya))?"
# "chỉ số tồn kho tại thời điểm 1/5": the day a figure stands at. "Kết phiên 5/4", "trong phiên 4/4", "phiên giao
# dịch 3/4": the market's (or a court's) session of a day; "trực luân phiên 24/7" is a rota, not a session.
_TIME_CUES = (
    rf"(?:{_RELATIVE_DAY_CUE}|ngày|{_PART_OF_DAY}|hôm|nay|từ|đến|tới|trước|sau|vào|hạn|dịp|lễ(?:\s+nghỉ)?|quốc\s+khánh|"
    r"thời\s+điểm|(?<!luân\s)phiên(?:\s+giao\s+dịch)?|(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s*,?)"
    r"(?:\s+(?:mùng|mồng))?"
)
# Words that name a day or a part of one: after them "6-2" and "21.4" are days, where after "từ", "đến" or
# "hiện nay" they are usually a range of numbers ("từ 3-5 năm") or a decimal.
# "dịp 2-9", "dịp 1.6", "nghỉ lễ 30.4", "Quốc khánh 2-9": an occasion is always a day.
_DAY_CUES = (
    rf"(?:{_RELATIVE_DAY_CUE}|ngày|(?:nhân\s+)?dịp|lễ(?:\s+nghỉ)?|quốc\s+khánh|(?:{_PART_OF_DAY}|hôm)(?:\s+nay)?|"
    r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s*,?)(?:\s+(?:ngày))?(?:\s+(?:mùng|mồng))?"
)
# "từ 1/1 đến hết 31/1", "từ 10-4 đến hết 31-12": "hết" after "đến" still ends a span.
# "các ngày 08 & 09/6": an ampersand joins days as "và" does.
_CONNECTOR = r"\s*(?:,|và|&|(?:đến|tới)(?:\s+hết)?|-)\s*(?:ngày\s+)?"
# "2.5 triệu", "3.5 ha": a decimal quantity, not a day.
_NOT_QUANTITY = r"(?!\s*(?i:triệu|tỷ|tỉ|nghìn|ngàn|ha|km|m|m2|m3|kg|tấn|tạ|lít|đồng|usd|%|lần|người|tuổi)(?![^\W_]))"
# After a dashed "2-3": a count of time units, not a day ("2-3 tháng nữa"); "năm" before a year names the day's year
# ("ngày 11-9 năm 2001").
_NOT_A_COUNT = r"(?!\s*(?i:tháng|năm(?!\s+(?:19|20)\d\d(?!\d))|tuần|ngày|giờ|tiếng|phút)(?![^\W_]))"
# Where a dotted or dashed day-month ends: a full stop ends the sentence, ".5" or "-5" would continue a number.
_NUMBER_ENDS = r"(?![\d/]|[.,-]\d)"

# Words after "2/3", "3/4" that make it a fraction ("hơn 2/3 số hộ", "tới 3/4 diện tích").
_FRACTION_WORDS = (
    r"\s+(?i:số|tổng|diện|dân|hộ|xã|phường|thôn|bản|đơn|chỉ|lượng|thành|trường|đại|cán|người|thời|trận|lần|đội|phần|vốn|"
    r"giá\s+trị|kinh\s+phí)(?![^\W_])"
)
_FRACTION_NEXT = rf"(?!{_FRACTION_WORDS})"
# These two start without a look-behind: whether they start inside a word is checked after (`_inside_a_word`).
# The patterns led by a day write it `\d\d?`, not `\d{1,2}` (the same matches, tried in the same order): a
# pattern led by a character class lets the regex engine skip in C to the next digit, where one led by a counted
# repeat is tried at every position of the body (the date scans ran some 40% faster so).
FULL_NUMERIC = re.compile(
    r"(?P<day>\d\d?)(?:(?=\s[/-])\s)?(?P<sep>[/.-])(?:(?<=[/-])\s)?(?P<month>\d{1,2})"
    r"(?:(?=\s[/-])\s)?(?P=sep)(?:(?<=[/-])\s)?(?P<year>\d{4})"
    r"(?!\d|/(?!\s?\d{1,2}(?P<next_sep>[/.-])\d{1,2}(?P=next_sep)\d{4})|\.\d|-[^\W\d_])"
)
# "01/7/2024/31/12/2024", "(21-6-1925/21-6-2017)": two full dates joined by a slash (a span); the second starts after
# the first's year.
FULL_DATE_AND_SLASH_BEFORE = re.compile(r"(?<![\d/.-])\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)\d{4}\s?/\s?$")
# A list of days is found from its first number and its cue word checked before it (a pattern led by the cue
# words would be tried at every position of the body). At most 15 further days: bounded, so that a failed
# list costs a fixed time wherever it starts.
# "vào: 12-13/6", "Thời gian: ngày 8-9/5", "trong 2 ngày, 19 và 20/5": a colon or a comma may set the days off from
# their cue.
_LIST_CUE = r"(?i:ngày(?:\s+từ)?|từ|sáng|chiều|trưa|tối|đêm|vào)\s*[:,]?\s+(?:(?i:mùng|mồng)\s+)?"
LIST_CUE_BEFORE = re.compile(rf"(?<![^\W_]){_LIST_CUE}$")
DAY_LIST = re.compile(
    rf"(?P<first>\d\d?)"
    rf"(?P<rest>(?:{_CONNECTOR}\d{{1,2}}){{1,15}})\s*(?P<sep>[/.])\s*(?P<month>\d{{1,2}})(?:(?P=sep)(?P<year>\d{{4}}))?"
    rf"(?![\d/]|\.\d|-[^\W\d_]){_FRACTION_NEXT}{_NOT_QUANTITY}"
)
# "các ngày 18, 19 và 22-5", "2 ngày 18 đến 19-4", "từ 2 – 4-6": the month after a dash, the days joined by words,
# commas or a spaced or long dash (a hyphen between the days would make "5-6-7" three readings); "3 ngày thi (2, 3 và
# 4-6)": the list may stand in brackets after its cue.
_WORD_CONNECTOR = r"(?:\s*(?:,|và|&|đến|tới|–)\s*|\s+-\s+)(?:ngày\s+)?"
DASHED_DAY_LIST = re.compile(
    rf"(?=[(\d])\(?(?P<first>\d{{1,2}})"  # the look-ahead fails fast where no list starts
    rf"(?P<rest>(?:{_WORD_CONNECTOR}\d{{1,2}}){{1,15}})-(?P<month>\d{{1,2}})(?:-(?P<year>\d{{4}}))?"
    rf"{_NUMBER_ENDS}{_NOT_QUANTITY}{_NOT_A_COUNT}"
)
TEXTUAL = re.compile(
    rf"(?i:ngày)\s+(?:(?i:mùng|mồng)\s+)?(?P<first>\d{{1,2}})(?P<rest>(?:{_CONNECTOR}\d{{1,2}})*)\s+(?i:tháng)\s+"
    r"(?P<month>\d{1,2})(?:\s*(?i:năm|,)?\s*(?P<year>\d{4}))?(?!\d)"
)
# "Chiều 20/8", "từ ngày 1/10", "dịp 2/9": a day and month with a slash after a word that cues a day.
# Patterns below start at the digits or the bracket, and the cue is checked before them: a pattern that
# starts with a cue word and a look-behind is tried at every position of the body, many times slower.
SLASHED_DAY_MONTH = re.compile(r"(?P<day>\d\d?)\s?/\s?(?P<month>\d{1,2})(?![\d/]|\.\d)")
# Checked only where the day is less than the month: "hơn 2/3 số hộ" is a fraction, "ngày 30/4 lượng khách" is not
# (a text writes no improper fraction before a noun).
FRACTION_NEXT = re.compile(_FRACTION_WORDS)
TIME_CUE_BEFORE = re.compile(rf"(?<![^\W_])(?i:{_TIME_CUES})\s+(?:(?i:ngày)\s+)?$")
# "Theo đó, 23/5, Phó Chủ tịch UBND tỉnh chủ trì …", "Trước đó, 12/3, Sở Y tế …", "… đã hoàn thành. 3/10, Ban Thường
# vụ họp …": a slashed day-month set off by commas as its clause's time, after a sentence start or a linking word
# ("đó", "vậy", "đây") and its comma. A ratio there goes on to its noun ("Theo đó, 16/18 xã đạt chuẩn"), and one in a
# list of ratios follows a word or a number, not a sentence start ("lần lượt là 3/5, 4/7, …").
CLAUSE_OPENER_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n\s*|(?<![^\W_])(?i:đó|vậy|đây)\s*,\s*)$")
COMMA_THEN_WORD_AFTER = re.compile(r"\s*,\s*[^\W\d_]")
# Right after "ngày" a day-month is a day even before a noun of the fraction list ("trong ngày 2/7 đơn vị đã thảm
# nhựa", "đảm bảo ngày 1/6 Trường Cao đẳng ... chính thức"): no text writes "ngày" before a fraction.
# "Triệu Lập Kiênngày 13/4", "từngày 30/5", "ngày3/2/2021": texts whose markup lost a space glue "ngày" to the word
# before or to the day; no Vietnamese syllable ends in "ngày", so it still cues the day.
GLUED_DAY_WORD_BEFORE = re.compile(r"(?i:ngày)\s*$")
# "Ngày 6 - 2, ông …", "Ngày 5 -7, Phòng …", "Sáng nay 28 - 5, Bộ …": a day and month with a spaced dash, read so only
# right after a word that names a day or a part of one (elsewhere "3 - 5" is a range); a count or a unit after it
# keeps it a range ("ngày 2 - 3 tháng").
SPACED_DASH_DAY = re.compile(
    rf"(?P<day>\d\d?)(?:\s+-\s*|\s*-\s+)(?P<month>\d{{1,2}}){_NUMBER_ENDS}{_NOT_QUANTITY}{_NOT_A_COUNT}(?!\s*[/-]\s*\d)"
)
# "Sáng nay (12/6)", "hôm qua (thứ Hai, 5/8)", "chiều nay (23.5)", "sáng mai (25-5)", "hôm thứ Sáu (26/5 theo giờ
# Mỹ)", "tối thứ Tư (14/6, theo giờ địa phương)": the day in brackets may be written with any of the three marks and
# may name its time zone; a mark left dangling before the bracket closes ("Sáng nay (1/6/)", a year never typed) is
# a slip.
BRACKETED = re.compile(
    r"\(\s*(?:(?i:thứ\s+\w+|chủ\s+nhật)\s*,\s*)?(?:(?i:ngày)\s+)?(?P<day>\d{1,2})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)?"
    r"(?:\s*(?:[,-]\s*)?(?:(?i:theo)\s*)?(?i:giờ)[^()\n]{0,20})?\s*\)"
)
BRACKET_CUE_BEFORE = re.compile(
    r"(?i:nay|qua|mai|(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)(?:\s+tuần\s+(?:này|tới|sau|trước|qua|rồi))?"
    r"|vừa\s+rồi|cùng\s+ngày)\s*,?\s*$"
)
# A day alone in brackets needs no cue when written with a slash or a full stop ("gặp U20 Pháp (25/5)", "ra hầu tòa
# (23.5)"): only a ratio after a number or a comparison is written so ("14,2% (1/7)", "trúng đích hơn (7/3)").
# With a dash it is a score ("thắng (2-1)").
RATIO_BEFORE_BRACKET = re.compile(r"(?:[\d%]|(?<![^\W_])(?i:hơn|kém|đạt|tỷ\s+số|tỉ\s+số|tỷ\s+lệ|tỉ\s+lệ))\s*$")
# "Hội chợ (14 đến 18-4-2006)", "(2, 3 và 4-6-2006)": a bracketed list of days with dashes needs its year to be read
# without a cue (without it "(3 - 4-6)" could be a score or a count beside a day).
BRACKETED_DASHED_LIST = re.compile(
    rf"\((?P<first>\d{{1,2}})(?P<rest>(?:{_WORD_CONNECTOR}\d{{1,2}}){{1,15}})-(?P<month>\d{{1,2}})-(?P<year>\d{{4}})\s*\)"
)
# "nghỉ lễ (30/4 và 1/5)", "(23/4 đến ngày 27/4)": the first day of a bracketed chain of days (the others follow it
# as continuations).
BRACKETED_CHAIN = re.compile(
    rf"\((?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})(?=(?:{_CONNECTOR}\d{{1,2}}/\d{{1,2}}(?:/\d{{4}})?)+\s*\))"
)
# "chuyến thăm hai ngày (22 - 23/5)", "(19-24.08)": a list or range of days in brackets needs no cue word.
BRACKETED_LIST = re.compile(
    rf"\((?P<first>\d{{1,2}})(?P<rest>(?:{_CONNECTOR}\d{{1,2}})+)\s*(?P<sep>[/.])\s*(?P<month>\d{{1,2}})"
    r"(?:(?P=sep)(?P<year>\d{4}))?\s*\)"
)
# "Sáng 6-2", "ngày 21.4", "chiều nay 15.5": a day and month with a dash or a full stop, read as a day only after
# a word that names a day (elsewhere "2.8" is a number and "3-5" a range), or as the start of a span of two
# ("từ 23.4 - 1.5") or of an upcoming day ("từ 1-6 tới"). Found by the digits first: cheaper than a cue-led scan.
# "bán mỗi ngày 2-3 tiếng": a count of time units after it makes it a range of numbers.
MARKED_DAY_MONTH = re.compile(
    rf"(?P<day>\d\d?)(?P<sep>[.-])(?P<month>\d{{1,2}}){_NUMBER_ENDS}{_NOT_QUANTITY}{_NOT_A_COUNT}"
)
DAY_CUE_BEFORE = re.compile(rf"(?<![^\W_])(?i:{_DAY_CUES})\s+$")
SPAN_CUE_BEFORE = re.compile(r"(?<![^\W_])(?i:từ|đến|tới|trước|sau|vào|dịp)\s+$")
SPAN_END_AFTER = re.compile(
    rf"\s*(?:-|(?:đến|tới)(?:\s+hết)?)\s*\d{{1,2}}(?P<sep>[.-])\d{{1,2}}{_NUMBER_ENDS}|\s+(?i:tới)(?![^\W_])(?!\s*\d)"
)
DOTTED_DAY_ENDS = re.compile(r"\s*(?:[,;:)]|\.(?!\d)|$)")
# "phương án bảo tồn trước 30.6 để phê duyệt", "gieo cấy xong trước 30.6 và thu hoạch trước 25.9", "báo cáo chậm nhất
# đến 30.6 tình hình …": a deadline written with a full stop, its clause going on. Read so only where the day is above
# 12 (a decimal such as "2.5" or "4.0" is a small number, and a unit after it makes it a quantity: "đến 15.5 điểm")
# and a word follows.
DEADLINE_CUE_BEFORE = re.compile(r"(?<![^\W_])(?i:trước|đến|tới)\s+$")
MIN_DEADLINE_DAY = 13
WORD_AFTER = re.compile(r"\s+(?!(?i:điểm|độ)(?![^\W_]))[^\W\d_]")
# "Tuần Lễ hội … 31/1 - 6/2/2017": a day-month that a full date closes as a span is a day without a cue (its year is
# the full date's, or the year before when its month comes later).
_DAY_MONTH_SPAN = r"(?P<day>\d\d?)/(?P<month>\d{1,2})\s*[-–]\s*(?P<end_day>\d{1,2})/(?P<end_month>\d{1,2})"
SPAN_TO_FULL = re.compile(rf"{_DAY_MONTH_SPAN}/(?P<end_year>(?:19|20)\d\d)(?![\d/]|\.\d)")
# "tour nghỉ dưỡng 30/4 - 1/5": a span of two day-months without a year is a day without a cue when its start is no
# proper fraction (day above month: a ratio "2/3" is never so) and its end comes at most a month later.
SPAN_OF_DAY_MONTHS = re.compile(rf"{_DAY_MONTH_SPAN}(?![\d/]|\.\d)")
MAX_YEARLESS_SPAN = timedelta(days=31)
# Such a span is short (an event, a holiday, a quarter): a longer one is a ratio before a date ("tỷ lệ 3/5 -
# 12/3/2017").
MAX_SPAN = timedelta(days=120)
# A further day after a found one: "ngày 6/8 và 7/8", "từ 28/7 - 2/8", "từ 23.4 - 1.5".
CONTINUATION = re.compile(
    rf"{_CONNECTOR}(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})(?:/(?P<year>\d{{4}}))?(?![\d/]|\.\d|-[^\W\d_])"
)
# "8-9/5, 15-16/5 và 22-23/5": a further range of days after a slashed day or range.
RANGE_CONTINUATION = re.compile(
    rf"{_CONNECTOR}(?P<first>\d{{1,2}})(?P<rest>\s*-\s*\d{{1,2}})\s*/\s*(?P<month>\d{{1,2}})(?:/(?P<year>\d{{4}}))?"
    rf"(?![\d/]|\.\d|-[^\W\d_]){_FRACTION_NEXT}{_NOT_QUANTITY}"
)
DOTTED_CONTINUATION = re.compile(
    rf"{_CONNECTOR}(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})(?:\.(?P<year>\d{{4}}))?{_NUMBER_ENDS}{_NOT_QUANTITY}"
)
# "từ 25-5 tới 3-6": a dashed day goes on with a dashed one; "6-2, 2-3 tháng" is a day and then a count.
DASHED_CONTINUATION = re.compile(
    rf"{_CONNECTOR}(?P<day>\d{{1,2}})-(?P<month>\d{{1,2}})(?:-(?P<year>\d{{4}}))?{_NUMBER_ENDS}{_NOT_QUANTITY}{_NOT_A_COUNT}"
)
# Years that place the article in time: "năm 2017", but not the start of a span ("năm 2001 - 2003").
STATED_YEAR = re.compile(r"[nN]ăm\s+(?P<year>(?:19|20)\d\d)(?!\d|\s*-\s*\d)")
# Before a year that is no time the article tells of: a target ("đến năm 2030", "tầm nhìn đến cuối năm 2045",
# "tầm nhìn năm 2050"), a birth ("sinh năm 1977") or a plan being drawn up ("triển khai nhiệm vụ năm 2025", "xây
# dựng kế hoạch thanh tra năm 2018", a firm's "kế hoạch chia cổ tức năm 2026"), or the name of a law ("Luật Quản
# lý nợ công năm 2009", "Hiến pháp năm 2013").
NOT_THE_TIME_BEFORE = re.compile(
    r"(?<![^\W_])(?:(?i:đến|tới|trước|sinh|tầm\s+nhìn)(?:\s+(?i:cuối|đầu|giữa|hết))?"
    r"|(?i:triển\s+khai|phương\s+hướng|xây\s+dựng|dự\s+kiến|đề\s+ra|kế\s+hoạch)(?:\s+[^\W\d_]+){0,4}?"
    r"|(?i:luật|hiến\s+pháp)(?:\s+[^\W\d_]+){0,7}?)\s+$"
)
# "Quyết định số 47 ngày 18.9.2007", "Chỉ thị số 15-CT/TU, ngày 16-12-2016", "Nghị định 108/2014/CP ngày 20-11-2014",
# "văn bản số 2861/UBND-DT (ngày ...": a document's number ("số" and a number, or a code of digits, a mark and
# letters, or a paper's name and a number: "Quyết định 49 (ngày 1/9/2011)") right before "ngày" makes the date the
# document's own.
_PAPER_WORDS = (
    r"quyết\s+định|nghị\s+quyết|nghị\s+định|chỉ\s+thị|thông\s+tư|kế\s+hoạch|công\s+văn|công\s+điện|thông\s+báo|"
    r"kết\s+luận|quy\s+định|hướng\s+dẫn|văn\s+bản"
)
DOCUMENT_NUMBER_BEFORE = re.compile(
    rf"(?:(?<![^\W_])(?i:số|{_PAPER_WORDS})\s*\d[\w./&-]*|(?<![\w/.-])\d+[/-][\w./&-]*?[^\W\d_][\w./&-]*)"
    r"\s*,?\s*\(?\s*(?i:ngày)\s*$"
)
# "Luật ... có hiệu lực thi hành từ ngày 01/7/2016", "hiệu lực kể từ ngày 15/4/2019": the day a paper takes effect is
# the paper's own too, among papers of several years ("a law passed in 2015, in force from 1/7/2016"); alone it is
# often weeks after the article, so it never sets the day before which other days are left out.
TAKES_EFFECT_BEFORE = re.compile(
    r"(?<![^\W_])(?i:hiệu\s+lực)(?:\s+(?i:thi\s+hành))?(?:\s+(?i:kể\s+từ|từ))?(?:\s+(?i:ngày))?\s*$"
)
# "sẽ" (will) near a year named alone: the year is set for the future (`_set_for_the_future`).
FUTURE_WORD = re.compile(r"(?<![^\W_])(?i:sẽ)(?![^\W_])")
# Words of a sentence that tell of a day to come, or of this year's calendar ("Kỳ thi năm nay diễn ra ngày 7-8/6",
# "theo lịch thi", "trước ngày 30/11 hàng năm", an occasion "dịp lễ nghỉ 2.9", "hạn đăng kiểm kỳ tới vào 10/9");
# "sắp xếp" (arrange) is no "sắp" (about to), "hạn chế" (restrict) no "hạn" (deadline).
FUTURE_SENTENCE_WORD = re.compile(
    r"(?<![^\W_])(?i:sẽ|dự\s+kiến|dự\s+định|theo\s+kế\s+hoạch|lịch|sắp(?!\s+xếp)|chuẩn\s+bị|phấn\s+đấu|năm\s+nay|"
    r"hàng\s+năm|hằng\s+năm|mỗi\s+năm|dịp|(?:kỳ|đợt|tuần|tháng|năm|sắp)\s+tới|tới\s+đây|hạn(?!\s+(?:chế|hán)))(?![^\W_])"
)
# Right before the day, a deadline or the start or end of a period ("trước ngày 30/9", "đến ngày 30/9 kết thúc", "kể
# từ 1/10"); right after it, "tới" ("ngày 19/9 tới đây").
FUTURE_CUE_BEFORE = re.compile(
    r"(?<![^\W_])(?i:trước|đến|tới|từ|sau|hạn|hạn\s+chót|chậm\s+nhất|muộn\s+nhất)(?:\s+(?i:hết))?(?:\s+(?i:ngày))?"
    r"(?:\s+(?i:mùng|mồng))?\s*$"
)
FUTURE_CUE_AFTER = re.compile(r"\s*(?i:tới|sắp\s+tới)(?![^\W_])")
SENTENCE_ENDS = re.compile(r"[.!?;]\s|\n")
FUTURE_LOOK_BEHIND, FUTURE_LOOK_AHEAD = 80, 30
# "đưa vào sử dụng vào năm 2020", "lộ trình cấm xe máy vào năm 2030": a year after "vào" later than every full date
# of the article is a date set for the future.
TARGET_AT_BEFORE = re.compile(r"(?<![^\W_])(?i:vào)\s+$")
# "sinh ngày 12/5/1975": the day a birth date starts at (a birth date is no time the article tells of).
BIRTH_DAY = re.compile(r"[sS]inh\s+(?:(?:vào\s+)?[nN]gày\s+)?(?:(?:mùng|mồng)\s+)?(?=\d)")
# "hạn sử dụng 20/5/2027", "HSD: 01/6/2026", "ngày sản xuất 3/1/2024": a date printed on seized or inspected goods is
# the goods' own, like a birth date, and no time the article tells of (an expiry date lies years after it).
GOODS_DATE_BEFORE = re.compile(
    r"(?<![^\W_])(?:(?i:hạn\s+sử\s+dụng|hạn\s+dùng|ngày\s+sản\s+xuất)|HSD|NSX)(?:\s+(?i:đến))?(?:\s+(?i:ngày))?\s*:?\s*$"
)
YEAR_JUST_BEFORE = re.compile(
    r"(?<![^\W_])(?i:năm)\s+(?P<year>(?:19|20)\d\d)\s*,?\s*(?:(?i:sáng|chiều|trưa|tối|đêm|ngày|mùng|mồng)\s+)*$"
)
# "từ ngày 15 đến 30 tháng 3 âm lịch", "ngày 15/7 (âm lịch)": a day of the lunar calendar, which no ISO date states.
# "ngày 24 tháng 5 năm Mậu Tý": a year named by the sixty-year cycle dates a lunar day too.
_CYCLIC_YEAR = (
    r"(?i:năm)\s+(?:Giáp|Ất|Bính|Đinh|Mậu|Kỷ|Canh|Tân|Nhâm|Quý)\s+"
    r"(?:Tý|Sửu|Dần|Mão|Mẹo|Thìn|Tỵ|Tị|Ngọ|Mùi|Thân|Dậu|Tuất|Hợi)(?![^\W_])"
)
# "ngày 5 - 6 Tết", "từ 1-6 Tết": the first days of the lunar year, counted from Tết, not a day and a month (a gloss in
# brackets after a solar day, "17/2 (Mùng 1 Tết)", is not this: the day before it stays).
LUNAR_AFTER = re.compile(rf"\s*\(?\s*(?i:âm\s+lịch|âl)(?![^\W_])|\s*,?\s*{_CYCLIC_YEAR}|\s+(?i:tết)(?![^\W_])")
# "Sáng 29 tháng 5", "Vào 24 tháng 12 năm 1983", "Hôm nay là 14 tháng 1 năm 2017": a day and month in words without
# "ngày", read after a word that cues a day, or anywhere with its year.
TEXTUAL_WITHOUT_DAY_WORD = re.compile(
    r"(?P<day>\d\d?)\s+(?i:tháng)\s+(?P<month>\d{1,2})(?:\s*(?i:năm|,)?\s*(?P<year>\d{4}))?(?![\d/.,-]\d)"
)
TEXTUAL_CUE_BEFORE = re.compile(r"(?<![^\W_])(?i:sáng|chiều|trưa|tối|đêm|hôm\s+nay\s+là|vào|từ|đến)\s+$")
# Before a day in words with a year, a count word makes it a length of time ("trong 3 tháng 6 năm ..." is rare, but
# "thời hạn 12 tháng 5 năm" is a count of months and years).
COUNT_BEFORE = re.compile(r"(?<![^\W_])(?i:trong|thời\s+hạn|hạn|sau|khoảng|gần|hơn|mất|kéo\s+dài|được|có)\s+$")
# "ngày 11/9 năm 2001", "ngày 11.9 năm 2001": a day-month written with a mark and then its year in words; "ngày 3 tháng
# 1 tháng 1981": a year after a second "tháng" (a slip for "năm": no month has four digits) is the year too.
YEAR_IN_WORDS_AFTER = re.compile(r"\s+(?i:năm|tháng)\s+(?P<year>(?:19|20)\d\d)(?!\d|[.,/-]\d)")
# "ngày 30/1 (tức mùng 3 Tết Đinh Dậu 2017)": a day glossed as a day of Tết with the Tết's year; the first days of the
# lunar year fall in January or February of that same year.
TET_GLOSS_AFTER = re.compile(
    r"\s*[,(]\s*(?i:tức|nhằm)(?:\s+(?i:là))?\s+(?:(?i:ngày)\s+)?(?:(?i:mùng|mồng)\s+)?\d{1,2}"
    r"(?:\s*(?:,|-|và|đến)\s*\d{1,2})*\s+(?i:tết)(?:\s+[^\W\d_]+){0,3}\s+(?P<year>(?:19|20)\d\d)(?!\d)\s*\)?"
)
# "Ngày sinh nhật Bác Hồ 19/5", "ngày đi học đầu tiên, 6/2", "hai ngày Hội thảo 25 và 26-5", "ngày Toàn dân bảo vệ an
# ninh Tổ quốc 19-8": "ngày" and the words naming the day before it (up to eight; no number, no mark between). Not a
# day: "ngày càng", "ngày nay", "ngày thường"; "mỗi ngày", "hàng ngày" (every day); nor after a word that measures a
# share or opens a range ("mỗi ngày chỉ đạt 1/3 công suất", "ngày nào cũng tiếp nhận từ 5-7 ca").
NAMED_DAY_BEFORE = re.compile(
    r"(?<![^\W_])(?P<before>[^\W\d_]+\s+)?(?i:ngày)(?P<words>(?:\s+[^\W\d_]+){1,8}?)\s*,?\s+$"
)
NAMED_DAY_LOOK_BEHIND = 70
_NOT_A_DAY_AFTER_NGAY = frozenset({"càng", "nay", "thường", "xưa", "đêm", "công"})
_EVERY_BEFORE_NGAY = frozenset({"mỗi", "hàng", "từng"})
_SHARE_WORDS = frozenset(
    {"đạt", "chỉ", "có", "được", "còn", "hơn", "gần", "khoảng", "chiếm", "bằng", "tới", "với", "trên", "dưới", "là"}
    | {"từ", "đến", "nào", "cũng"}
)
LOOK_BEHIND = 40
SENTENCE_LOOK = 300  # how far a sentence is looked for around a day (`_told_as_future`)
# "trước ngày 30/11 hàng năm", "lấy ngày 15/10 hằng năm là ngày Dân vận": a day that comes every year is this year's,
# never rolled back to the last one however far after the publication it falls.
EVERY_YEAR_AFTER = re.compile(r"\s*(?i:hàng|hằng)\s+(?i:năm)(?![^\W_])")
# "Lễ tặng danh hiệu hàng năm được tiến hành vào các dịp: Ngày Giải phóng miền Nam 30/4; ngày Quốc khánh 2/9 và Ngày
# thành lập Quân đội nhân dân 22/12": an occasion named with its day, in a sentence that sets it for every year
# ("hàng năm", "hằng năm", "mỗi năm"; a list after a colon runs on across semicolons), is this year's however late it
# falls: the calendar the article lays out. A day only told beside such a word ("Ngày 28/12 vừa qua, lễ hội hằng năm
# …" in a January article) is no named occasion and is rolled back still.
EVERY_YEAR_WORD = re.compile(r"(?<![^\W_])(?i:hàng|hằng|mỗi)\s+(?i:năm)(?![^\W_])")
LIST_SENTENCE_ENDS = re.compile(r"[.!?]\s|\n")
NUMBER_MARKS = "/.,-_"  # before a day, these make it part of a longer number ("1.215", "3/12.5")
_DAY_NUMBER = re.compile(r"\d{1,2}")
# What joins two days of one span or list ("30/6 - 2/7/2025", "từ 10-4 đến hết 31-12", "ngày 6 và 7/8"). The word is
# written in lower case (or in a line of capitals): a capitalised "Đến" or "Tới" opens a new sentence, a headline or a
# caption glued before it ("Phải hoàn thành trước ngày 30-4 Đến ngày 15-2, nhiều trụ điện …"), and its day is no end of
# a span that would take the year after the first day's.
_LEADS_TO_FULL = re.compile(r"\s*(?:-|–|(?:đến|tới|ĐẾN|TỚI)(?:\s+(?:hết|HẾT))?|và|VÀ)\s*(?:(?:ngày|NGÀY)\s+)?$")


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


def _year(found: re.Match[str]) -> int | None:
    year = found.groupdict().get("year")
    return int(year) if year else None


def _days_listed(found: re.Match[str]) -> list[DateHit]:
    """One hit per day of a matched list ("ngày 6, 7 và 8/8"), all spanning the list."""
    start, end, month, year = found.start("first"), found.end(), int(found.group("month")), _year(found)
    days = _days_of_list(found.group("first"), found.group("rest") or "")
    return [DateHit(start, end, day, month, year) for day in days]


def _list_hits(pattern: re.Pattern[str], form: str) -> list[DateHit]:
    hits = []
    for found in pattern.finditer(form):
        if not _inside_a_word(form, found.start(), marks=""):
            hits.extend(_days_listed(found))
    return hits


def _cued_list_hits(pattern: re.Pattern[str], form: str) -> list[DateHit]:
    """The lists of `pattern` that a list cue ("ngày", "từ", "sáng", ...) ends right before. A list without the cue
    is looked for again from its second number ("3, ngày 6 và 7/8" holds "6 và 7/8")."""
    hits = []
    position = 0
    while (found := pattern.search(form, position)) is not None:
        # the cheap test first: a list found inside a number ("2024, ngày 12/3") needs no look at its cue
        if _inside_a_word(form, found.start(), marks="") or not _list_cued(form, found.start()):
            position = found.end("first")
            continue
        hits.extend(_days_listed(found))
        position = found.end()
    return hits


def _list_cued(form: str, start: int) -> bool:
    """Whether a list cue ("ngày", "từ", "sáng", ...) or "ngày" and the words naming a day end right before `start`."""
    return bool(_before(LIST_CUE_BEFORE, form, start) or _named_day_before(form, start))


def _pair_hit(found: re.Match[str]) -> DateHit:
    return DateHit(found.start("day"), found.end(), int(found.group("day")), int(found.group("month")), _year(found))


def _pair_hits(pattern: re.Pattern[str], form: str, marks: str = "") -> list[DateHit]:
    """The matches of `pattern` that start a word (and follow none of `marks`)."""
    return [_pair_hit(found) for found in pattern.finditer(form) if not _inside_a_word(form, found.start(), marks)]


def _bracketed_hits(form: str) -> list[DateHit]:
    """Days in brackets: after a cue ("sáng nay (24-5)", "ngày thi thứ nhất (2-6)"), or alone when slashed or dotted
    and not a ratio."""
    hits = []
    for found in BRACKETED.finditer(form):
        cued = _before(BRACKET_CUE_BEFORE, form, found.start()) or _named_day_before(form, found.start())
        if cued or (found.group("sep") != "-" and not _before(RATIO_BEFORE_BRACKET, form, found.start())):
            hits.append(_pair_hit(found))
    return hits


def _slashed_hits(form: str) -> list[DateHit]:
    """Days written "20/8" after a word that cues a day, unless a proper fraction of a noun ("tới 3/4 diện tích")."""
    hits = []
    for found in SLASHED_DAY_MONTH.finditer(form):
        hit = _pair_hit(found)
        day_word = _before(GLUED_DAY_WORD_BEFORE, form, hit.start)
        if (
            not day_word
            and not _before(TIME_CUE_BEFORE, form, hit.start)
            and not _named_day_before(form, hit.start)
            and not _sets_off_its_clause(form, hit)
        ):
            continue
        if hit.day >= hit.month or day_word or not FRACTION_NEXT.match(form, hit.end):
            hits.append(hit)
    return hits


def _sets_off_its_clause(form: str, hit: DateHit) -> bool:
    """Whether a slashed day-month opens its clause between commas ("Theo đó, 23/5, Phó Chủ tịch …")."""
    comma_after = COMMA_THEN_WORD_AFTER.match(form, hit.end) is not None
    return comma_after and _before(CLAUSE_OPENER_BEFORE, form, hit.start) is not None


def _textual_hits(form: str) -> list[DateHit]:
    """Days in words without "ngày": with their year ("vào 30 tháng 9 năm 2014"), or after a cue ("Sáng 29 tháng 5")."""
    hits = []
    for found in TEXTUAL_WITHOUT_DAY_WORD.finditer(form):
        if _inside_a_word(form, found.start()):
            continue
        if (found.group("year") and not _before(COUNT_BEFORE, form, found.start())) or _before(
            TEXTUAL_CUE_BEFORE, form, found.start()
        ):
            hits.append(_pair_hit(found))
    return hits


def _span_to_full_hits(form: str) -> list[DateHit]:
    """The first day of a short span a full date closes ("31/1 - 6/2/2017"); its year comes from the full date."""
    hits = []
    for found in SPAN_TO_FULL.finditer(form):
        if _inside_a_word(form, found.start(), marks="/.,_"):
            continue
        end_year, end_month = int(found.group("end_year")), int(found.group("end_month"))
        month, day = int(found.group("month")), int(found.group("day"))
        start = _valid(end_year - 1 if month > end_month else end_year, month, day)
        end = _valid(end_year, end_month, int(found.group("end_day")))
        if start and end and timedelta(0) < end - start <= MAX_SPAN:
            hits.append(DateHit(found.start("day"), found.end("month"), day, month, None))
    return hits


def _yearless_span_hits(form: str) -> list[DateHit]:
    """The first day of a short span of two day-months ("30/4 - 1/5") whose start is no proper fraction; the end
    follows as a continuation."""
    hits = []
    for found in SPAN_OF_DAY_MONTHS.finditer(form):
        month, day = int(found.group("month")), int(found.group("day"))
        end_month, end_day = int(found.group("end_month")), int(found.group("end_day"))
        if day <= month or _inside_a_word(form, found.start(), marks="/.,_"):
            continue
        start = _valid(2000 if month <= end_month else 1999, month, day)  # a leap year, as the end's
        end = _valid(2000, end_month, end_day)
        if start and end and timedelta(0) < end - start <= MAX_YEARLESS_SPAN:
            hits.append(DateHit(found.start("day"), found.end("month"), day, month, None))
    return hits


def _full_hits(form: str) -> list[DateHit]:
    """Full dates that start a word, or that follow a glued "ngày" ("ngày3/2/2021")."""
    return [
        _pair_hit(found)
        for found in FULL_NUMERIC.finditer(form)
        if not _inside_a_word(form, found.start(), marks="/.,_")
        or _before(GLUED_DAY_WORD_BEFORE, form, found.start())
        or _before(FULL_DATE_AND_SLASH_BEFORE, form, found.start())
    ]


def _marked_hits(form: str) -> list[DateHit]:
    """Days written "22.4" or "6-2", where a cue before (or a span after) makes them days."""
    hits = []
    for found in MARKED_DAY_MONTH.finditer(form):
        if _inside_a_word(form, found.start()):
            continue
        if (
            _before(DAY_CUE_BEFORE, form, found.start())
            or (
                _before(SPAN_CUE_BEFORE, form, found.start())
                and (_span_follows(form, found) or _day_ends_a_clause(form, found))
            )
            or _named_day_cues(form, found)
            or _dotted_deadline(form, found)
        ):
            hits.append(_pair_hit(found))
    return hits


def _dotted_deadline(form: str, found: re.Match[str]) -> bool:
    """ "trước 30.6 để phê duyệt": a dotted day-month above the 12th after "trước", "đến" or "tới", a word after it."""
    return (
        found.group("sep") == "."
        and int(found.group("day")) >= MIN_DEADLINE_DAY
        and WORD_AFTER.match(form, found.end()) is not None
        and _before(DEADLINE_CUE_BEFORE, form, found.start()) is not None
    )


def _day_ends_a_clause(form: str, found: re.Match[str]) -> bool:
    """ "Từ 1-6, chủ đầu tư được ...", "có hiệu lực từ 30-6, việc ...", "(từ 1-8)", "Từ 1.6, luật ...": a dotted or
    dashed day-month after "từ", "trước", "sau", ... that a clause ends right after. A range of numbers goes on
    to its noun or unit ("từ 3-5 năm", "từ 2-3 lần"), a decimal to its digits ("từ 1-1,1 triệu")."""
    return DOTTED_DAY_ENDS.match(form, found.end()) is not None


def _dotted_day_ends(form: str, found: re.Match[str]) -> bool:
    """ "Từ 1.6, luật có hiệu lực", "vào 23.5.": a dotted day-month that a clause ends right after. A decimal has a
    unit after it ("từ 1.5L") and the press writes decimals with a comma."""
    return found.group("sep") == "." and DOTTED_DAY_ENDS.match(form, found.end()) is not None


def _inside_a_word(form: str, start: int, marks: str = NUMBER_MARKS) -> bool:
    """Whether a match starts inside a word or a longer number ("1.215", "3/12.5"); checked here rather than
    with a leading look-behind, which would cost a test at every position of the body (a pattern that starts
    with a literal is searched for much faster)."""
    return start > 0 and (form[start - 1].isalnum() or form[start - 1] in marks)


def _span_follows(form: str, found: re.Match[str]) -> bool:
    after = SPAN_END_AFTER.match(form, found.end())
    return after is not None and after.group("sep") in (None, found.group("sep"))


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


def _continuation_of(expression: str) -> re.Pattern[str]:
    """How a further day would be written after `expression`: with the mark it uses."""
    if "." in expression:
        return DOTTED_CONTINUATION
    if "-" in expression and "/" not in expression:
        return DASHED_CONTINUATION
    return CONTINUATION


def _continued(pattern: re.Pattern[str], form: str, end: int) -> re.Match[str] | None:
    """A further day written the way of `pattern` right at `end`, or after a slashed one a further range."""
    found = pattern.match(form, end)
    if found is None and pattern is CONTINUATION:
        found = RANGE_CONTINUATION.match(form, end)
    return found


def _continuations(form: str, hits: list[DateHit]) -> list[DateHit]:
    """Further days chained after a hit ("6/8 và 7/8, 8/8", "23.4 - 1.5"), written the way the hit was;
    each position is continued from once."""
    found_more = []
    continued: set[int] = set()
    for hit in hits:
        end = hit.end
        pattern = _continuation_of(form[hit.start : hit.end])
        while end not in continued and (found := _continued(pattern, form, end)) is not None:
            continued.add(end)
            found_more.extend(_days_listed(found) if "first" in found.re.groupindex else [_pair_hit(found)])
            end = found.end()
        continued.add(end)
    return found_more


def scan_dates(form: str) -> list[DateHit]:
    """Every day expression in a match-form text, in text order; years may be missing."""
    return list(_scan_dates(form))


@lru_cache(maxsize=8)  # the date and the document finders both scan the same article body
def _scan_dates(form: str) -> tuple[DateHit, ...]:
    hits = _without_overlaps(
        _cued_list_hits(DAY_LIST, form)
        + _list_hits(TEXTUAL, form)
        + _cued_list_hits(DASHED_DAY_LIST, form)
        + _full_hits(form)
        + _textual_hits(form)
        + _span_to_full_hits(form)
        + _yearless_span_hits(form)
        + _slashed_hits(form)
        + [_pair_hit(found) for found in SPACED_DASH_DAY.finditer(form) if _before(DAY_CUE_BEFORE, form, found.start())]
        + _pair_hits(BRACKETED_CHAIN, form, marks="")
        + _bracketed_hits(form)
        + _list_hits(BRACKETED_LIST, form)
        + _list_hits(BRACKETED_DASHED_LIST, form)
        + _marked_hits(form)
    )
    hits = _with_years_in_words(form, _without_overlaps(hits + _continuations(form, hits)))
    return tuple(h for h in hits if _valid(h.year or 2000, h.month, h.day) and not LUNAR_AFTER.match(form, h.end))


def _with_years_in_words(form: str, hits: list[DateHit]) -> list[DateHit]:
    """Hits without a year that "năm 2001" or a Tết gloss with its year follows take it, their span running on to it
    ("ngày 11/9 năm 2001", "ngày 30/1 (tức mùng 3 Tết Đinh Dậu 2017)")."""
    dated = []
    for hit in hits:
        found = None
        if hit.year is None:
            found = YEAR_IN_WORDS_AFTER.match(form, hit.end) or TET_GLOSS_AFTER.match(form, hit.end)
        if found:
            hit = DateHit(hit.start, found.end(), hit.day, hit.month, int(found.group("year")))
        dated.append(hit)
    return dated


def _named_day_cues(form: str, found: re.Match[str]) -> bool:
    """A dashed day-month, or a dotted one at a clause end, after "ngày" and the words naming the day (the wider
    look-behind, tried only where the cheap cues failed)."""
    return (found.group("sep") == "-" or _dotted_day_ends(form, found)) and _named_day_before(form, found.start())


def _named_day_before(form: str, position: int) -> bool:
    """Whether "ngày" and the words naming a day end right before `position` ("Ngày sinh nhật Bác Hồ 19/5")."""
    found = NAMED_DAY_BEFORE.search(form, max(0, position - NAMED_DAY_LOOK_BEHIND), position)
    if found is None:
        return False
    words = found.group("words").lower().split()
    before = (found.group("before") or "").strip().lower()
    return (
        words[0] not in _NOT_A_DAY_AFTER_NGAY
        and before not in _EVERY_BEFORE_NGAY
        and not _SHARE_WORDS.intersection(words)
    )


def _before(pattern: re.Pattern[str], form: str, position: int) -> re.Match[str] | None:
    """`pattern` (anchored with `$`) ending right at `position`, looked for in the few characters before it."""
    return pattern.search(form, max(0, position - LOOK_BEHIND), position)


def _document_date(form: str, hit: DateHit) -> bool:
    """Whether a full date is a cited document's own ("Quyết định số 47 ngày 18.9.2007", "Nghị định 68/2000/NĐ-CP
    ngày 17-11-2000"): the date of a paper, which may be years older than the article citing it."""
    return _before(DOCUMENT_NUMBER_BEFORE, form, hit.start) is not None


def _latest_named_year(form: str, latest_full: int) -> int | None:
    """The latest year the text names alone that may be the article's time (targets, births, plans and law names
    aside; a year after "vào" only when no full date is later)."""
    years = []
    for found in STATED_YEAR.finditer(form):
        if _inside_a_word(form, found.start()) or _before(NOT_THE_TIME_BEFORE, form, found.start()):
            continue
        year = int(found.group("year"))
        if year > latest_full and (
            _before(TARGET_AT_BEFORE, form, found.start()) or _set_for_the_future(form, found.start(), found.end())
        ):
            continue
        years.append(year)
    return max(years, default=None)


def _set_for_the_future(form: str, start: int, end: int) -> bool:
    """Whether "sẽ" (will) stands in the clause of a named year, shortly before or after it ("Hai bên nhất trí năm
    2019 sẽ tổ chức", "dự kiến sẽ mở rộng hết trong năm 2018"): a time set for the future, not the article's own."""
    before = form[max(0, start - FUTURE_LOOK_BEHIND) : start]
    after = form[end : end + FUTURE_LOOK_AHEAD]
    before = before[max(before.rfind(". "), before.rfind("\n")) + 1 :]
    after = after[: min((i for i in (after.find(". "), after.find("\n")) if i >= 0), default=len(after))]
    return FUTURE_WORD.search(before) is not None or FUTURE_WORD.search(after) is not None


def _papers_only(form: str, full: list[DateHit]) -> bool:
    """Whether every full date is a cited paper's own, the days papers take effect counting as theirs."""
    return all(_document_date(form, hit) or _before(TAKES_EFFECT_BEFORE, form, hit.start) is not None for hit in full)


def article_year(form: str, hits: list[DateHit]) -> int | None:
    """The year of the time an article tells of, for its days written without one when the page gives no
    publication date: the latest year of its full dates (birth dates and goods' dates aside) and of the years it
    names ("năm 2017"; targets "đến năm 2030" and births aside). The event reported is usually the newest thing in
    it: documents cited, careers and anniversaries are older. None when the article states no full date other than
    a birth date or a goods' date: the contract dates a day from the publication date or the article's other dates,
    and a year named alone ("6 tháng đầu năm 2017", "ra quân năm 1983") is often no time of the event."""
    return article_time(form, hits)[0]


def article_time(form: str, hits: list[DateHit]) -> tuple[int | None, date | None]:
    """`article_year`, and the day before which a day dated from it is left out (None: no such day).

    When the full dates are all cited papers' own and of several years (among them, the days they take effect too),
    they tell the article's time only through the latest paper, which the reported events follow ("Quyết định số
    309 ngày 9/3/2017 ... Ngày 9/6, các địa phương chi trả"): a day that its year would put before that paper is of
    an unknown year ("Sáng 16-6" beside resolutions of 2013 and 2016) and is left out. Papers of one year, and told
    full dates, give their year as the contract reads ("the year of the article's other dates"), even where the
    press tells last year's background. A year the text names later than every full date dates the days instead
    (none is left out then)."""
    births = {found.end() for found in BIRTH_DAY.finditer(form) if not _inside_a_word(form, found.start())}
    full = [
        hit
        for hit in hits
        if hit.year is not None and hit.start not in births and _before(GOODS_DATE_BEFORE, form, hit.start) is None
    ]
    if not full:
        return None, None
    years = {hit.year for hit in full if hit.year is not None}
    latest_full = max(years)
    named = _latest_named_year(form, latest_full)
    if named is not None and named > latest_full:
        return (named, None) if named >= EARLIEST_WEB_YEAR else (None, None)
    if latest_full < EARLIEST_WEB_YEAR:
        return None, None
    if len(years) > 1 and _papers_only(form, full):
        return latest_full, max(_valid(h.year, h.month, h.day) or date.min for h in full if h.year == latest_full)
    return latest_full, None


def _year_just_before(form: str, hit: DateHit) -> int | None:
    """ "Tết Mậu Thân năm 1968, ngày 11.2": a year written just before a day without one is its year."""
    found = _before(YEAR_JUST_BEFORE, form, hit.start)
    return int(found.group("year")) if found else None


def _year_from_next(form: str, hit: DateHit, following: DateHit | None) -> int | None:
    if following is None or following.year is None or following.start - hit.end > 20:
        return None
    if not _LEADS_TO_FULL.match(form[hit.end : following.start] + " "):
        return None
    return following.year - 1 if hit.month > following.month else following.year


def _always() -> bool:
    return True


def _never() -> bool:
    return False


def resolve_day(
    hit: DateHit,
    year: int | None,
    published_on: date | None,
    told_as_future: Callable[[], bool] = _always,
    set_every_year: Callable[[], bool] = _never,
) -> date | None:
    """The date of a hit, with `year` standing in for a missing one (rolled back across New Year unless its sentence
    sets it for every year, `set_every_year`, and from four months on when its sentence does not tell of it as a day
    to come: `told_as_future`; both asked only then, since reading the sentence costs more than the rest)."""
    if hit.year is not None:
        return _valid(hit.year, hit.month, hit.day)
    if year is None:
        return None
    day = _valid(year, hit.month, hit.day)
    if day and published_on and year == published_on.year:
        ahead = day - published_on
        if ahead > ROLLBACK_AFTER:
            rolls_back = not set_every_year()
        else:
            rolls_back = ahead > PAST_UNLESS_FUTURE_AFTER and not told_as_future()
        if rolls_back:
            return _valid(year - 1, hit.month, hit.day)
    return day


def _sentence_of(form: str, hit: DateHit, ends: re.Pattern[str] = SENTENCE_ENDS) -> tuple[int, int]:
    """Where the sentence of a hit starts and ends (looked for at most `SENTENCE_LOOK` characters either side)."""
    ends_before = [found.end() for found in ends.finditer(form, max(0, hit.start - SENTENCE_LOOK), hit.start)]
    start = ends_before[-1] if ends_before else max(0, hit.start - SENTENCE_LOOK)
    next_end = ends.search(form, hit.end, hit.end + SENTENCE_LOOK)
    end = next_end.start() if next_end else min(len(form), hit.end + SENTENCE_LOOK)
    return start, end


def _set_every_year(form: str, hit: DateHit) -> bool:
    """Whether a day is an occasion named with it in a sentence that sets it for every year ("… hàng năm được tiến
    hành vào các dịp: … Ngày thành lập Quân đội nhân dân 22/12")."""
    if not _named_day_before(form, hit.start):
        return False
    start, end = _sentence_of(form, hit, LIST_SENTENCE_ENDS)
    return EVERY_YEAR_WORD.search(form, start, end) is not None


def _told_as_future(form: str, hit: DateHit, published_on: date) -> bool:
    """Whether the sentence of a day tells of it as a day to come: a future word in it or the publication year
    ("Kỳ thi tốt nghiệp THPT năm 2025 diễn ra ngày 26-27/6"), a deadline or period word right before the day, "tới"
    right after it, or a day named as one of every year."""
    if _before(FUTURE_CUE_BEFORE, form, hit.start) or FUTURE_CUE_AFTER.match(form, hit.end):
        return True
    if _named_day_before(form, hit.start):  # "ngày hội Đại đoàn kết toàn dân 18-11": a day of every year
        return True
    start, end = _sentence_of(form, hit)
    if FUTURE_SENTENCE_WORD.search(form, start, end):
        return True
    # "năm 2025" alone, not a span ("giai đoạn 2023-2025" tells of no day of it)
    return any(int(found.group("year")) == published_on.year for found in STATED_YEAR.finditer(form, start, end))


def resolved_dates(form: str, published_on: date | None) -> tuple[ResolvedDate, ...]:
    """Every hit paired with its calendar day (hits that cannot be dated are left out)."""
    hits = scan_dates(form)
    yearless = any(hit.year is None for hit in hits)
    fallback, not_before = (
        (published_on.year, None) if published_on else article_time(form, hits) if yearless else (None, None)
    )
    stated = _stated_days_of_year(hits, published_on.year) if published_on else []
    pairs: list[ResolvedDate] = []
    for index, hit in enumerate(hits):
        if hit.year is not None:  # a full date is its own day: nothing around it is read
            if (full_day := _valid(hit.year, hit.month, hit.day)) is not None:
                pairs.append(ResolvedDate(hit, full_day))
            continue
        following = hits[index + 1] if index + 1 < len(hits) else None
        year = (
            _year_from_next(form, hit, following)
            or _year_after_previous(form, hit, pairs[-1] if pairs else None)
            or _year_just_before(form, hit)
        )
        rolls_back = (
            not year
            and EVERY_YEAR_AFTER.match(form, hit.end) is None
            and not _this_year_told_near(hit, stated, published_on)
        )
        day = resolve_day(
            hit,
            year or fallback,
            published_on if rolls_back else None,
            partial(_told_as_future, form, hit, published_on) if published_on else _always,
            partial(_set_every_year, form, hit),
        )
        if day is not None and not (year is None and not_before and day < not_before):
            pairs.append(ResolvedDate(hit, day))
    return tuple(pairs)


def _stated_days_of_year(hits: list[DateHit], year: int) -> list[date]:
    """The full dates of `year` the article states, in calendar order (for `_this_year_told_near`)."""
    return sorted(day for day in (_valid(h.year, h.month, h.day) for h in hits if h.year == year) if day)


def _this_year_told_near(hit: DateHit, stated: list[date], published_on: date | None) -> bool:
    """Whether the article states a full date of its publication year (`stated`, in calendar order) within
    `TOLD_NEAR` of the day a yearless hit would fall on that year ("nghỉ từ ngày 29/8/2026 đến hết ngày 2/9", a
    timetable after "ngày 8/7/2026"): the coming months of this year are its subject, and a late day is not last
    year's. The nearest stated days are found by bisection: a long page states thousands."""
    if published_on is None or not stated:
        return False
    day = _valid(published_on.year, hit.month, hit.day)
    if day is None:
        return False
    at = bisect_left(stated, day)
    return any(abs(day - stated[i]) <= TOLD_NEAR for i in (at - 1, at) if 0 <= i < len(stated))


def _year_after_previous(form: str, hit: DateHit, previous: ResolvedDate | None) -> int | None:
    """ "từ 10-4 đến hết 31-12": the end of a span is not before its start, so it takes the start's year (the next
    one when its month comes earlier), whatever the publication date would give it."""
    if previous is None or previous.hit.end > hit.start or hit.start - previous.hit.end > 20:
        return None
    if not _LEADS_TO_FULL.match(form[previous.hit.end : hit.start] + " "):
        return None
    start = previous.day
    return start.year + 1 if (hit.month, hit.day) < (start.month, start.day) else start.year


def find_dates(
    text: str, published_on: date | None, resolved: tuple[ResolvedDate, ...] | None = None
) -> list[DatedMention]:
    """Each distinct stated day once, in order of first mention, with every mention as evidence; `resolved`, the
    text's `resolved_dates` when the caller has them already."""
    if resolved is None:
        resolved = resolved_dates(match_form(text), published_on)
    mentions: dict[date, DatedMention] = {}
    spans: set[tuple[date, int, int]] = set()
    for one in resolved:
        hit, day = one.hit, one.day
        mention = mentions.setdefault(day, DatedMention(day=day, year_inferred=hit.year is None))
        mention.year_inferred = mention.year_inferred and hit.year is None
        if (day, hit.start, hit.end) not in spans:
            spans.add((day, hit.start, hit.end))
            mention.evidence.append(make_evidence(text, hit.start, hit.end))
    return list(mentions.values())
