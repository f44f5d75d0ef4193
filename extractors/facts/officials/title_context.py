"""Where titles start: every title span in the text, lower-case heads only where their context allows."""

from __future__ import annotations

import re
from bisect import bisect_right

from extractors.facts.officials.candidates import FIGURE_LAST_WORDS, NEVER_OFFICIALS
from extractors.facts.officials.context import (
    leader_after_title,
    parenthesis_start,
    plural_before,
    skip_address,
    term_end,
)
from extractors.facts.officials.group_titles import listed_after
from extractors.facts.officials.links import after_time_words
from extractors.facts.officials.plural_lists import LIST_VERBS
from extractors.facts.officials.title_lists import counted_in_parenthesis
from extractors.facts.officials.triggers import nominated, trigger_before
from extractors.facts.person_names import ADDRESS_TERMS, NameSpan, Token, joined, words
from extractors.facts.titles import (
    GRADE_PREFIXES,
    PLACE_LEVEL_WORDS,
    RANK_HEADS,
    TITLE_STOP,
    TitleSpan,
    head_length,
    lower_deputy,
    name_after,
    parse_title,
    skip_term,
    title_starts,
)

# Villages and hamlets, which may be named after a person ("thôn Hồ Văn B").
VILLAGE_WORDS: frozenset[str] = words("thôn bản ấp làng xóm buôn sóc khu cư tổ")
# A school's level: the name right after it is the school's ("Trường Tiểu học Nguyễn Văn A"), never a person.
SCHOOL_WORDS: frozenset[str] = words("thcs thpt th ptcs ptdtbt ptdtnt học non đh cđ")


def title_spans(tokens: list[Token], text: str, names_at: dict[int, NameSpan]) -> dict[int, TitleSpan]:
    spans: dict[int, TitleSpan] = {}
    name_ends = {name.last for name in names_at.values()}
    name_starts = sorted(names_at)
    title_ends: set[int] = set()  # where each title ends, with its term ("khóa IX (2016 - 2021)")
    after_last = 0  # a title never starts inside the one before it
    # nor inside a name: "Đỗ Trung Tá" is a minister's name, no rank
    inside_names = {k for name in names_at.values() for k in range(name.first + 1, name.last + 1)}
    for i in title_starts(tokens):
        if i < after_last or i in names_at or i in inside_names or _seat_named_for_post(tokens, i):
            continue
        token = tokens[i]
        if token.is_cap and token.key != "nguyên":  # the context matters to lower-case heads only
            context = "name" if i >= 2 and tokens[i - 1].key in (",", "-") and i - 2 in name_ends else ""
        else:
            context = _lower_case_context(tokens, i, name_ends, title_ends)
            context = context or _rank_before_name(tokens, i, names_at)
            if not context and _name_within(name_starts, i, LOWER_TITLE_REACH):
                context = _lower_title_before_name(tokens, i, text, names_at)
                context = context or _lower_title_before_copula(tokens, i, text, names_at)
        graded = token.key in GRADE_PREFIXES  # where a lower-case grade word may open a title, it says itself
        if not (context or graded or token.is_cap or token.key in ("nguyên", "đại") or lower_deputy(tokens, i)):
            continue
        span = _title_at(tokens, i, text, names_at, context)
        if span is not None and span.next_name is None and _epithet_head(tokens, span):
            continue  # "Chủ tịch Hồ Chí Minh, lãnh tụ thiên tài của Đảng": praise, not a post
        if span is not None:
            span = _joined_by_kiem(tokens, span, text, names_at)
            spans[i] = span
            after_last = span.last + 1
            title_ends.add(term_end(tokens, after_last) - 1)
    return spans


# Nouns of a seat named for the post it houses ("Phủ Chủ tịch", "Phủ Thủ tướng"): the post there is a place's name.
SEAT_NOUNS: frozenset[str] = words("phủ")


def _seat_named_for_post(tokens: list[Token], i: int) -> bool:
    """Whether the head at token `i` names a seat with the capitalised noun before it ("tại Phủ Chủ tịch, Chủ tịch
    nước A tiếp …": the palace, no one's post)."""
    return i > 0 and tokens[i - 1].key in SEAT_NOUNS and tokens[i - 1].is_cap and joined(tokens, i - 1, i)


# Heads that are a title only right before a name ("Lãnh tụ Fidel Castro"); after one they are praise.
EPITHET_HEADS: frozenset[tuple[str, str]] = frozenset([("lãnh", "tụ")])


def _epithet_head(tokens: list[Token], span: TitleSpan) -> bool:
    return span.first + 1 < len(tokens) and (tokens[span.first].key, tokens[span.first + 1].key) in EPITHET_HEADS


# A post held together with another and named after "kiêm" that no title head opens ("Chánh văn phòng kiêm người
# phát ngôn của UBND TP").
SPOKESPERSON: tuple[str, ...] = ("người", "phát", "ngôn")


def _joined_by_kiem(tokens: list[Token], span: TitleSpan, text: str, names_at: dict[int, NameSpan]) -> TitleSpan:
    """Two posts joined by "kiêm" with no comma are one title, as written ("Chủ tịch kiêm Giám đốc Công ty A",
    "Phó giám đốc sở kiêm trưởng ban B", "Chánh văn phòng kiêm người phát ngôn của UBND TP"); after a comma
    ("Phó Tư lệnh, kiêm Tham mưu trưởng …") they stay two."""
    j = span.last + 1
    if span.next_name is not None or j + 1 >= len(tokens) or tokens[j].key not in ("kiêm", "-", ","):
        return span
    if tokens[j].key == "," and _spokesperson_end(tokens, j + 1, names_at) is None:
        return span  # after a comma only the spokesperson's post joins: "Chánh Văn phòng, người phát ngôn Bộ A"
    # after a dash only the spokesperson's post joins ("Chánh Văn phòng – người phát ngôn Sở Y tế"), and the
    # post after a bare unit head glued to it by a dash; other titles after a dash are titles of their own
    glued = tokens[j].key == "-" and tokens[j].start == tokens[j - 1].end and tokens[j + 1].start == tokens[j].end
    bare_head = glued and span.last == span.first + 1  # "Cục trưởng-Chánh Văn phòng A": one title, as written
    second = _title_at(tokens, j + 1, text, names_at, "yes") if tokens[j].key == "kiêm" or bare_head else None
    last = second.last if second is not None else _spokesperson_end(tokens, j + 1, names_at)
    if last is None:
        return span
    end = tokens[last].end
    written = " ".join(text[span.start : end].split())
    # the name right after the spokesperson's post, or after its comma and a form of address (", ông A")
    next_name = second.next_name if second is not None else name_after(tokens, last + 1, names_at)
    return TitleSpan(span.first, last, span.start, end, written, next_name)


def _person_at(names_at: dict[int, NameSpan], k: int) -> NameSpan | None:
    """The name opening at token `k` unless it is also a listed place ("Sở Y tế Đồng Tháp")."""
    name = names_at.get(k)
    return None if name is None or name.place_like else name


def _spokesperson_end(tokens: list[Token], k: int, names_at: dict[int, NameSpan]) -> int | None:
    """The last token of "người phát ngôn" at `k` with the body it speaks for ("… của UBND TP Hải Phòng"), up to
    a name after it ("… Bộ Nội vụ Nguyễn Văn A cho biết")."""
    if tuple(t.key for t in tokens[k : k + len(SPOKESPERSON)]) != SPOKESPERSON:
        return None
    last = k + len(SPOKESPERSON) - 1
    if last + 2 < len(tokens) and tokens[last + 1].key == "của" and _body_goes_on(tokens, last + 2, opening=True):
        last += 2  # "… của UBND TP Hải Phòng", "… của tỉnh"
    elif (
        last + 1 < len(tokens)
        and tokens[last + 1].is_cap
        and tokens[last + 1].is_word
        and not _person_at(names_at, last + 1)
    ):
        last += 1  # "người phát ngôn Sở Y tế tỉnh A"
    if tokens[last].is_cap or tokens[last].key in PLACE_LEVEL_WORDS:
        while last + 1 < len(tokens) and not _person_at(names_at, last + 1) and _body_goes_on(tokens, last + 1):
            last += 1
    return last


def _body_goes_on(tokens: list[Token], k: int, opening: bool = False) -> bool:
    """Whether token `k` goes on naming the body a spokesperson speaks for (or opens it): a capitalised word, a
    place level, a lower-case syllable completing the capitalised word before it ("Sở Y tế", "UBND TP Hải
    Phòng"), the dot of "TP.HCM"."""
    token, prev = tokens[k], tokens[k - 1]
    if token.key == "." and prev.key == "tp" and k + 1 < len(tokens) and tokens[k + 1].is_cap:
        return joined(tokens, k - 1, k) and joined(tokens, k, k + 1)
    if not token.is_word:
        return False
    if opening:
        return token.is_cap or token.key in PLACE_LEVEL_WORDS
    if token.is_cap or token.key in PLACE_LEVEL_WORDS:
        return True
    return prev.is_cap and not prev.is_abbr and token.key not in TITLE_STOP


def _lower_case_context(tokens: list[Token], i: int, name_ends: set[int], title_ends: set[int]) -> str:
    """Where a title written in lower case may start at token `i`: right after a name ("ông A, phó chủ tịch UBND
    xã" -> "name"), after another title ("A, Bí thư Huyện ủy, phó chủ tịch …"), after "nguyên" following a
    name ("đồng chí A nguyên chánh án …"), after an election or appointment phrase ("bãi nhiệm đại biểu HĐND
    thành phố đối với bà B") -> "yes"; after a plural "các" when a name follows ("Các phó trưởng ban A, B")
    -> "plural"; else ""."""
    listed = i >= 2 and tokens[i - 1].key in (",", "-")
    if listed and (i - 2 in name_ends or _aside_after_name(tokens, i - 2, name_ends)):
        return "name"  # "ông A, phó chủ tịch …", "ông A (SN 1968) - ủy viên Ban Chấp hành …"
    if i >= 2 and tokens[i - 1].key == "(" and i - 2 in name_ends and head_length(tokens, i, lower_ok=True):
        return "name"  # "bà A (thường trực Ủy ban Tài chính của Quốc hội)"
    if counted_in_parenthesis(tokens, i) and i - 3 in name_ends and head_length(tokens, i, lower_ok=True):
        return "name"  # "ông A và B (2 phó chủ tịch UBND xã)": the post of the names before it
    if listed and _short_aside_after_name(tokens, i - 2, name_ends):
        return "name"  # "A, Đảng viên, công chức giao thông thủy lợi xã", "A, sinh năm 1990, cán bộ phòng B"
    if i - 1 in name_ends and head_length(tokens, i, lower_ok=True) >= 2:
        return "name"  # "anh Nguyễn Văn B bí thư đoàn xã …": a head of two words or more, without its comma
    # "đồng chí A nguyên chánh án …", "A (nguyên cán bộ địa chính xã)"
    former = tokens[i].key == "nguyên" and (i - 1 in name_ends or (tokens[i - 1].key == "(" and i - 2 in name_ends))
    if former or (listed and i - 2 in title_ends) or trigger_before(tokens, i) > 0:
        return "yes"
    if plural_before(tokens, i):
        return "plural"
    # "Các phó trưởng ban A, B và chi ủy viên C": a lower-case title after "và" that follows a name, when a
    # name follows it too
    return "plural" if i >= 2 and tokens[i - 1].key == "và" and i - 2 in name_ends else ""


def _aside_after_name(tokens: list[Token], close: int, name_ends: set[int]) -> bool:
    """Whether token `close` ends a parenthesis right after a name ("Lê Văn A (SN 1968)")."""
    return tokens[close].key == ")" and parenthesis_start(tokens, close) - 1 in name_ends


MAX_SHORT_ASIDE = 5


def _short_aside_after_name(tokens: list[Token], last: int, name_ends: set[int]) -> bool:
    """Whether token `last` ends a short aside that a comma opens right after a name ("A, Đảng viên,", "A, sinh
    năm 1990,"): words and numbers only."""
    for k in range(last, max(0, last - MAX_SHORT_ASIDE), -1):
        if tokens[k].key in (",", "("):  # "A, sinh năm 1990, …", "A (82 tuổi, nguyên bí thư …)"
            return k < last and k - 1 in name_ends
        if not (tokens[k].is_word or tokens[k].key.isdigit()):
            return False
    return False


def _rank_before_name(tokens: list[Token], i: int, names_at: dict[int, NameSpan]) -> str:
    """A rank written in lower case mid-sentence right before a name ("… cho biết, đại tá Hoàng Văn B") is
    that person's title: a rank never reads as anything else there."""
    pair = (tokens[i].key, tokens[i + 1].key if i + 1 < len(tokens) else "")
    return "yes" if pair in RANK_HEADS and i + 2 in names_at else ""


SENTENCE_ENDS: frozenset[str] = frozenset('.!?:;…”"')
STATUS_WORDS: frozenset[str] = words("cựu nguyên tân")  # "Cựu giám đốc FBI A", a caption's first word


# A lower-case title runs into its name within this many tokens ("phó chủ tịch UBND huyện Lâm Sơn Trần Thị C" is
# 8; a ministry's department with its field, some 20): further on, no name can be the title's.
LOWER_TITLE_REACH = 40


def _name_within(name_starts: list[int], i: int, reach: int) -> bool:
    """Whether a name starts after token `i` and at most `reach` tokens on (a cheap test before parsing a title)."""
    following = bisect_right(name_starts, i)
    return following < len(name_starts) and name_starts[following] - i <= reach


def _lower_title_before_name(tokens: list[Token], i: int, text: str, names_at: dict[int, NameSpan]) -> str:
    """A title in lower case whose head has two words or more, standing right before a name ("Theo giám đốc Sở
    Xây dựng Lê Văn B, …", "… cho biết, phó chủ tịch UBND huyện Trần Thị C"), is that person's, as written in
    capitals: the name it runs into says it names a post held."""
    if i > 0 and tokens[i - 1].is_word and tokens[i - 1].key in ADDRESS_TERMS:
        return ""  # "bà …" is no post
    if (
        i > 1
        and tokens[i - 1].is_cap
        and tokens[i - 2].key not in SENTENCE_ENDS
        and tokens[i - 1].key not in STATUS_WORDS
    ):
        return ""  # after a capitalised word mid-sentence the head is inside another's ("Lễ tang Tổng tư lệnh")
    if head_length(tokens, i, lower_ok=True) < 2:
        return ""
    span = parse_title(tokens, i, text, names_at, True)
    if span is None or span.next_name is None or span.next_name.first != span.last + 1:
        return ""
    return "" if _company_name(text, span.next_name.text) else "yes"


def _lower_title_before_copula(tokens: list[Token], i: int, text: str, names_at: dict[int, NameSpan]) -> str:
    """A title in lower case whose head has two words or more, then "là" and a person addressed by name ("hiện
    phó chánh Văn phòng UBND tỉnh phụ trách Ban Tiếp công dân là ông B"), is that person's: the copula names the
    holder of the post, as after a capitalised title."""
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None and prev.is_word and prev.key in ADDRESS_TERMS:
        return ""  # "bà …" is no post
    if prev is not None and prev.is_cap and i > 1 and tokens[i - 2].key not in SENTENCE_ENDS:
        return ""  # after a capitalised word mid-sentence the head is inside another's
    if prev is not None and prev.is_lower_word and head_length(tokens, i - 1, lower_ok=True):
        return ""  # "phó giám đốc": the title opens on the word before
    if head_length(tokens, i, lower_ok=True) < 2 or nominated(tokens, i):
        return ""  # "Người được giới thiệu ứng cử đại biểu HĐND phường là ông B": a post one stands for
    span = parse_title(tokens, i, text, names_at, True)
    if span is None or span.next_name is not None:
        return ""
    j = after_time_words(tokens, skip_term(tokens, span.last + 1))  # "… hiện nay là ông A"
    if j + 2 >= len(tokens) or tokens[j].key != "là" or not tokens[j].is_lower_word:
        return ""
    k = skip_address(tokens, j + 1)
    return "yes" if k > j + 1 and k in names_at else ""


def _company_name(text: str, name: str) -> bool:
    """A name the text also writes as a firm's ("Công ty Hoàng Gia Phát"): "giám đốc Hoàng Gia Phát" is the
    firm's director, not a person so named."""
    return re.search(rf"\b(?:[Cc]ông ty|[Tt]ập đoàn|[Hh]ãng) {re.escape(name)}\b", text) is not None


def _title_at(tokens: list[Token], i: int, text: str, names_at: dict[int, NameSpan], context: str) -> TitleSpan | None:
    span = parse_title(tokens, i, text, names_at, bool(context))
    if span is not None and context == "plural" and span.next_name is None and not tokens[i].is_cap:
        # "3 phó trưởng ban, gồm: A, B": a count makes it a list of posts ("các đại biểu …:" may be anyone present);
        # so does a colon with a person's name right after it ("các phó chủ tịch: A, B, C")
        counted = tokens[i - 1].key not in ("các", "những")
        start = listed_after(tokens, span)
        if start is None:
            return None
        return span if counted or _posts_listed_by_name(tokens, span, start, names_at) else None
    if span is not None and _names_a_figure(tokens, span, context):
        return None
    if span is not None and _place_named_after_person(tokens, span, context == "name"):
        unnamed = {k: v for k, v in names_at.items() if k != span.next_name.first}
        span = parse_title(tokens, i, text, unnamed, bool(context))
    if span is None and tokens[i].key == "đại":
        span = _deputy_title(tokens, i, text, names_at)
    return span


# Heads whose plural names anyone present rather than the holders of one post ("các đại biểu: …").
ANYONE_PRESENT_HEADS: frozenset[str] = frozenset(["đại"])


def _posts_listed_by_name(tokens: list[Token], span: TitleSpan, start: int, names_at: dict[int, NameSpan]) -> bool:
    """Whether a lower-case plural post is followed by its colon, "như" or the "là"/"gồm" that lists its holders,
    and a person's name ("các phó chủ tịch: A, B", "các đại biểu HĐND như A, T; B, T", "các bộ trưởng trúng cử BCH
    là A, B"); "đại biểu" so lists anyone present unless it names its body."""
    listing = any(t.key in LIST_VERBS and t.is_lower_word for t in tokens[span.last + 1 : start])
    intro = start > 0 and (tokens[start - 1].key in (":", "như") or listing)
    anyone = tokens[span.first].key in ANYONE_PRESENT_HEADS and span.last <= span.first + 1
    return intro and not anyone and _person_at(names_at, start) is not None


def _names_a_figure(tokens: list[Token], span: TitleSpan, context: str) -> bool:
    """ "Chủ tịch Hồ Chí Minh": a head and a name never an official's (dropped from the names) is no title."""
    if tokens[span.last].key not in FIGURE_LAST_WORDS:
        return False
    head = head_length(tokens, span.first, bool(context))
    return " ".join(t.key for t in tokens[span.first + head : span.last + 1]) in NEVER_OFFICIALS


def _place_named_after_person(tokens: list[Token], span: TitleSpan, lower_ok: bool) -> bool:
    """Whether a title ends at a place or school named after a person: a listed one ("Hiệu trưởng Trường
    THCS Nguyễn Du"), any after a school's level ("Trường THPT Lê Văn A"), or any after a village word in a
    title that follows a name ("bà A, Trưởng thôn Hồ Văn B": one person's title never runs into another's
    name, so "Hồ Văn B" is the village). After a higher level the name is the next person's: "A, Chủ tịch
    UBND thành phố, Phó chủ tịch UBND thành phố Đỗ Hữu Tâm" (a city is named after a person only as a
    listed place)."""
    name = span.next_name
    if name is None or name.first != span.last + 1:
        return False
    last = tokens[span.last].key
    if name.place_like and leader_after_title(tokens, span, name):
        return False  # "Tổng Bí thư Trường Chinh": a street's name, but here the leader's
    village = last in VILLAGE_WORDS and tokens[span.last - 1].key not in VILLAGE_FIELD_WORDS
    return name.place_like or last in SCHOOL_WORDS or (lower_ok and village)


# Words before a village word that make it part of a field, no village: "Bộ Nông nghiệp và Phát triển nông thôn".
VILLAGE_FIELD_WORDS: frozenset[str] = words("nông")


def _deputy_title(tokens: list[Token], i: int, text: str, names_at: dict[int, NameSpan]) -> TitleSpan | None:
    """A lower-case "đại biểu Quốc hội"/"đại biểu HĐND tỉnh" right before a name is that deputy's title."""
    span = parse_title(tokens, i, text, names_at, lower_ok=True)
    return span if span is not None and span.next_name is not None and span.last > i + 1 else None
