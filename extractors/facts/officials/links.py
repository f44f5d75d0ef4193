"""Which name a title standing before a name belongs to: headings over names, titles before a form of
address, and links undone where an election phrase or a name before gives the title to someone else."""

from __future__ import annotations

from dataclasses import replace

from extractors.facts.officials.context import (
    Parsed,
    alone_on_line,
    opens_sentence,
    post_of_another,
    skip_address,
    term_end,
)
from extractors.facts.officials.title_lists import TENURE_WORDS
from extractors.facts.officials.triggers import nominated, trigger_before
from extractors.facts.person_names import NameScan, NameSpan, Token, span_of, words
from extractors.facts.titles import TitleSpan, head_length, skip_honorifics, skip_term


def outside_titles(parsed: Parsed, names: list[NameSpan]) -> list[NameSpan]:
    """The names that are not part of a title ("Trường THCS Nguyễn Du"); those are dropped from `names_at`."""
    inside = {k for span in parsed.titles_at.values() for k in range(span.first, span.last + 1)}
    for first in inside & parsed.names_at.keys():
        del parsed.names_at[first]
    return [name for name in names if name.first not in inside]


def name_titles_before_address(parsed: Parsed, scan: NameScan) -> bool:
    """Names after a title and a form of address ("Bí thư Huyện ủy, đồng chí Điểu B", "Bí thư Tỉnh ủy là ông C"),
    or after a sentence's opening title and its comma ("Thứ trưởng Bộ X, Vũ Văn B cho biết"): links the title to
    them, adds unlisted ones to `names_at`, and says whether any was found."""
    runs = {run[0]: run for run in scan.unlisted}
    tokens, added = parsed.tokens, False
    # Last tokens of the names a title stands right before ("T1 A"), found once: a title after "T1 A," in a list
    # of such pairs is the next person's.
    titled_name_ends = {
        span.next_name.last
        for span in parsed.titles_at.values()
        if span.next_name is not None and span.last + 1 == span.next_name.first
    }
    for first, span in list(parsed.titles_at.items()):
        j = skip_term(tokens, span.last + 1)
        j = after_time_words(tokens, j)  # "Giám đốc Sở Nội vụ hiện nay là ông A"
        if span.next_name is None and j + 2 < len(tokens) and tokens[j].key == "là":
            k = skip_address(tokens, j + 1)  # "còn Bí thư Tỉnh ủy là ông Phạm Văn B"
            if k > j + 1 and k in parsed.names_at:
                parsed.titles_at[first] = replace(span, next_name=parsed.names_at[k])
                added = True
            continue
        if span.next_name is not None or j + 2 >= len(tokens) or tokens[j].key not in (",", "-"):
            continue
        k = skip_address(tokens, j + 1)
        named_apart = k in parsed.names_at and _set_off_before_verb(tokens, parsed.names_at[k])
        if k == j + 1 and k in parsed.names_at and (opens_sentence(parsed.tokens, parsed.text, first) or named_apart):
            # a sentence opening with a title, its comma, then a name: "Thứ trưởng Bộ X, Vũ Văn B cho biết"; the
            # name set off by commas before its verb anywhere: "… này Vụ trưởng Vụ Pháp chế, Lê Anh B, cho rằng"
            parsed.titles_at[first] = replace(span, next_name=parsed.names_at[k])
            added = True
            continue
        named = parsed.names_at.get(skip_honorifics(tokens, j + 1))
        if named is not None and first >= 2 and tokens[first - 1].key == "," and first - 2 in titled_name_ends:
            # a list of title-name pairs: "Phó Chủ tịch UBND TP A, Giám đốc ĐH Đà Nẵng, GS.TS B đã tặng hoa"
            parsed.titles_at[first] = replace(span, next_name=named)
            added = True
            continue
        if k == j + 1 or k not in runs or k in parsed.names_at:
            continue
        name = span_of(tokens, parsed.text, runs[k])
        if not name.place_like:
            parsed.names_at[k] = name
            parsed.titles_at[first] = replace(span, next_name=name)
            added = True
    return added


def _set_off_before_verb(tokens: list[Token], name: NameSpan) -> bool:
    """Whether the name after the title's comma goes on with the clause, perhaps after a comma of its own, in a
    word in lower case ("…, Lê Anh B, cho rằng", "Ngày 22/4, Phó chủ tịch UBND TP, Nguyễn Văn C đã chỉ đạo"): the
    name is the post's holder, not the next item of a list."""
    k = name.last + 1
    if k < len(tokens) and tokens[k].key == ",":
        k += 1
    return k < len(tokens) and tokens[k].is_lower_word and tokens[k].key not in LIST_GOES_ON


# Words after a name's comma that go on with a list of people, not with the clause ("A, B, và C", "A, cùng B").
LIST_GOES_ON: frozenset[str] = words("và cùng hoặc với")


# Words saying when a post was held, between it and "là" ("T hiện nay là ông A", "T khi đó là bà B", "T lúc bấy
# giờ là ông C"); read by every rule that names a post's holder after its copula.
TIME_WORDS_BEFORE_COPULA: frozenset[str] = words("hiện nay tại khi lúc đó ấy đấy này bấy giờ")
MAX_TIME_WORDS = 3


def after_time_words(tokens: list[Token], j: int) -> int:
    """Index of the "là" after a few time words at `j` ("hiện nay", "khi đó"), else `j`."""
    k = j
    while k < len(tokens) and k - j < MAX_TIME_WORDS and tokens[k].key in TIME_WORDS_BEFORE_COPULA:
        k += 1
    return k if k > j and k < len(tokens) and tokens[k].key == "là" and tokens[k].is_lower_word else j


def link_heading_titles(parsed: Parsed) -> None:
    """A line holding only a title, then a line holding only a name, as organisation pages list their leaders
    ("CHÁNH VĂN PHÒNG" / "Nguyễn Văn A"), or a table row "Phó Chánh Văn phòng | Ông Nguyễn Văn B": the title
    is that person's, as if written before the name."""
    tokens = parsed.tokens
    for first, span in list(parsed.titles_at.items()):
        end = term_end(tokens, span.last + 1) - 1
        if span.next_name is not None or end + 1 >= len(tokens):
            continue
        cell = tokens[end + 1].key == "|"
        opens = end + 2 if cell else end + 1  # the name's line or cell, perhaps with "Ông"/"Bà"
        name = parsed.names_at.get(skip_address(tokens, opens))
        if name is None:
            continue
        if alone_on_line(parsed, first, end, cells=cell) and alone_on_line(parsed, opens, name.last, cells=cell):
            parsed.titles_at[first] = replace(span, next_name=name)


def unlink_elected_titles(parsed: Parsed) -> None:
    """A title given by an election phrase right after a name (or its title) belongs to that name, not to
    the next person addressed after its comma: "bổ nhiệm ông A(, T0) giữ chức T1, ông B giữ chức T2"."""
    tokens = parsed.tokens
    ends = {name.last for name in parsed.names_at.values()}
    ends |= {
        span.last
        for span in parsed.titles_at.values()
        if span.next_name is None
        and span.first > 1
        and tokens[span.first - 1].key in (",", "-")
        and span.first - 2 in ends
    }
    for first, span in list(parsed.titles_at.items()):
        if span.next_name is None or span.next_name.first == span.last + 1:
            continue
        size = trigger_before(tokens, first)
        if size and _subject_before(tokens, first - size - 1, ends) and not nominated(tokens, first - size):
            parsed.titles_at[first] = replace(span, next_name=None)


MAX_VERB_WORDS = 4


def _subject_before(tokens: list[Token], k: int, ends: set[int]) -> bool:
    """Whether a subject (a name or its title) ends at token `k` before an election phrase, or a few lower-case
    words before it ("A được đưa về làm T1, ông B làm T2": A's, not B's)."""
    start = k
    while k > 0 and k not in ends and start - k < MAX_VERB_WORDS and tokens[k].is_lower_word:
        k -= 1
    return k in ends


def unlink_given_names(parsed: Parsed) -> None:
    """A list of titles after one person's name is that person's even when "…, ông B" follows it: "A - Phó
    giám đốc sở kiêm Trưởng ban X, ông B giải thích", "có ông A - PBT huyện ủy, ông B - CT UBND huyện". Only
    titles standing alone ("với trách nhiệm là T1, T2, ông B ký …") go to a name addressed after them."""
    tokens = parsed.tokens
    by_last = {span.last: span for span in parsed.titles_at.values()}
    name_ends = {name.last for name in parsed.names_at.values() if not name.given_only}
    titled_name_ends = {
        span.next_name.last
        for span in parsed.titles_at.values()
        if span.next_name is not None and span.next_name.first <= span.last + 2
    }
    full_name_ends = {name.last for name in parsed.names_at.values() if name.last - name.first >= 2}
    for first, span in list(parsed.titles_at.items()):
        if span.next_name is None:
            continue
        unit_name = _unit_name_after(tokens, span)
        if not (span.next_name.given_only or _addressed_after(tokens, span) or unit_name):
            continue
        k = _before_tenure_words(tokens, span.first - 1)  # "A, cựu Bí thư Thành ủy, bà B": A's former post
        while k > 0 and tokens[k].key in (",", "-", "kiêm", "và", ";") and k - 1 in by_last:
            k = by_last[k - 1].first - 1
        if unit_name and not _apposed_to_full_name(tokens, span.first, full_name_ends - titled_name_ends):
            continue  # "Chủ tịch tỉnh A, Phó Chủ tịch Lê Nam, …": a list of title-name pairs
        if k in name_ends or (k > 0 and tokens[k].key in (",", "-", "(") and k - 1 in name_ends):
            parsed.titles_at[first] = replace(span, next_name=None)
        elif _addressed_after(tokens, span) and post_of_another(tokens, k + 1):
            parsed.titles_at[first] = replace(span, next_name=None)  # "Báo cáo với Bí thư Thành ủy, bà C cho biết"


def _before_tenure_words(tokens: list[Token], k: int) -> int:
    """Index before the tenure words ("cựu", "tân", "đương kim") that end at token `k`, else `k`."""
    for tenure in TENURE_WORDS:
        start = k - len(tenure) + 1
        if start > 0 and tuple(token.key for token in tokens[start : k + 1]) == tenure:
            return start - 1
    return k


def _apposed_to_full_name(tokens: list[Token], first: int, name_ends: set[int]) -> bool:
    """Whether the title at token `first` follows a comma right after one of the names ending at `name_ends`."""
    return first >= 2 and tokens[first - 1].key == "," and first - 2 in name_ends


def _unit_name_after(tokens: list[Token], span: TitleSpan) -> bool:
    """Whether the two capitalised syllables right after a title and before its comma may name its unit
    ("ông A, Giám đốc Trung tâm Bất động sản Kim Địa, TP Đà Nẵng"): a person there has a middle name or is
    addressed."""
    name = span.next_name
    if name is None or name.first != span.last + 1 or name.last != name.first + 1 or name.given_only:
        return False
    return name.last + 1 < len(tokens) and tokens[name.last + 1].key == ","


def _addressed_after(tokens: list[Token], span: TitleSpan) -> bool:
    """Whether the name after a title is set off by a comma or a dash and a form of address (", ông B", ", đồng
    chí B", " - Bà B" in a list of guests "A - T1 - Bà B - T2")."""
    name = span.next_name
    j = term_end(tokens, span.last + 1)
    if name is None or j >= name.first or tokens[j].key not in (",", ";", "-"):
        return False
    return skip_address(tokens, j + 1) == name.first > j + 1


MAX_HEAD_FIELD = 2  # lower-case words between a bare head and "của": "Thư ký báo chí của …", "Trợ lý riêng của …"


def join_titles_over_of(parsed: Parsed) -> None:
    """A bare head, a word or two and "của" before a title and a name make one title of that name: "Thư ký báo
    chí của Tổng thống Nga Dmitry B" is B's post, not the president's."""
    tokens, titles_at = parsed.tokens, parsed.titles_at
    by_last = {span.last: span for span in titles_at.values()}
    for first, span in sorted(titles_at.items()):
        if span.next_name is None or first < 2 or tokens[first - 1].key != "của":
            continue
        k = first - 2
        while k > 0 and first - 2 - k < MAX_HEAD_FIELD and k not in by_last and tokens[k].is_lower_word:
            k -= 1
        earlier = by_last.get(k)
        if earlier is None or earlier.next_name is not None:
            continue
        if earlier.first + head_length(tokens, earlier.first) != earlier.last + 1:
            continue  # only a bare head needs the post it serves: not "Chủ tịch UBND tỉnh theo đề nghị của …"
        text = parsed.text[earlier.start : span.end]
        titles_at[earlier.first] = TitleSpan(earlier.first, span.last, earlier.start, span.end, text, span.next_name)
        del titles_at[first]


# First words of the organ a post belongs to, written after the post and its comma ("Phó Vụ trưởng Vụ A, Bộ
# Ngoại giao B"), and of a place so written (", tỉnh C B").
OWNING_ORGAN_WORDS: frozenset[str] = words("bộ ubnd sở tổng cục ban tỉnh thành huyện quận") | {"ủy", "uỷ"}
MAX_OWNING_ORGAN = 8


def link_titles_over_owning_organ(parsed: Parsed) -> None:
    """A post, its comma and the organ or place it belongs to, then a name: "Phó Vụ trưởng Vụ Thông tin Báo chí,
    Bộ Ngoại giao Đoàn Văn B", "…, Bộ Tài chính, ông B" (the title stops at the comma; the organ holds no title
    and no name)."""
    tokens = parsed.tokens
    for first, span in list(parsed.titles_at.items()):
        j = skip_term(tokens, span.last + 1)
        if span.next_name is not None or j + 2 >= len(tokens) or tokens[j].key != ",":
            continue
        organ = tokens[j + 1]
        if not (organ.is_cap and organ.is_word and organ.key in OWNING_ORGAN_WORDS) or j + 1 in parsed.titles_at:
            continue  # ", Bộ trưởng Bộ C" is a title of its own
        for k in range(j + 2, min(len(tokens), j + 2 + MAX_OWNING_ORGAN)):
            name = parsed.names_at.get(k)
            if name is not None:
                if name.place_like:
                    break  # "…, Sở GTVT Hà Nội - đơn vị …"
                parsed.titles_at[first] = replace(span, next_name=name)
                break
            address = skip_address(tokens, k + 1) if tokens[k].key == "," else k
            if address > k + 1 and address in parsed.names_at:  # "…, Bộ Tài chính, ông B"
                parsed.titles_at[first] = replace(span, next_name=parsed.names_at[address])
                break
            if k in parsed.titles_at or not tokens[k].is_word:
                break
