"""The titles standing before a name and those listed after it (with asides and terms between)."""

from __future__ import annotations

from extractors.facts.officials.context import (
    CLAUSE_END,
    Parsed,
    alone_on_line,
    ends_clause,
    fronted_addressee,
    on_behalf_of,
    parenthesis_start,
    skip_parenthesis,
    term_end,
)
from extractors.facts.person_names import Token, words
from extractors.facts.titles import GRADE_PREFIXES, TitleSpan, head_length, is_rank_head, starts_title

MAX_TITLES_BEFORE = 6
# Asides between a name and its titles ("sinh ngày …", "đảng viên Chi bộ …", "Bác sĩ"): how many, how long.
MAX_ASIDES = 2
# Words that open a clause rather than an aside about the person.
CLAUSE_OPENERS: frozenset[str] = words("ngày tháng năm sáng chiều tối hôm trong khi sau trước từ tại theo nhưng và thì")
MAX_ASIDE_TOKENS = 20
MAX_ASIDE_NOTE = 20  # tokens inside an aside's parentheses, which count as one ("(trú tại bản A, xã B, huyện C)")
# Marks that open or close speech: what stands between them and a name is no aside about the person ("… A, sắp
# tới còn nữa”, Tổng Bí thư nói").
SPEECH_MARKS: frozenset[str] = frozenset([":", "“", "”", '"', "«", "»"])


def titles_standing_before(parsed: Parsed) -> dict[int, list[TitleSpan]]:
    """Titles standing before a name, by the name's first token: "Ủy viên BTV Tỉnh ủy, Trưởng Ban ... A"."""
    by_last = {span.last: span for span in parsed.titles_at.values()}
    name_ends = {name.last for name in parsed.names_at.values()}
    before: dict[int, list[TitleSpan]] = {}
    for span in parsed.titles_at.values():
        if span.next_name is None:
            continue
        chain, listed = [span], 0  # listed: how many titles the chain held before its first comma
        while len(chain) < MAX_TITLES_BEFORE:
            touching = by_last.get(_before_aside(parsed.tokens, chain[-1].first - 1))
            if touching is not None and is_rank_head(parsed.tokens, chain[-1].first):
                chain.append(touching)  # "Trưởng Công an xã Thượng tá A": the post, then the rank
                continue
            comma = chain[-1].first - 1
            earlier = by_last.get(comma - 1) if comma > 0 and parsed.tokens[comma].key in (",", "-") else None
            if earlier is None or on_behalf_of(parsed.tokens, earlier.first):
                break
            if fronted_addressee(parsed.tokens, earlier.first, parsed.text):
                break
            if _coordinated(parsed.tokens, earlier, by_last):
                break
            if _lower_opening(parsed.tokens, earlier, chain[-1], by_last):
                break
            if parsed.tokens[comma].key == ",":  # dash-joined titles are one post's parts ("UVBCT - Phó Thủ tướng B")
                listed = listed or len(chain)
            chain.append(earlier)
        if listed and _follows_person(parsed.tokens, chain[-1], name_ends):
            chain = chain[:listed]  # "A, T1, T2 B": T1 is A's, T2 is B's
        before[span.next_name.first] = chain[::-1]
    return before


def _coordinated(tokens: list[Token], span: TitleSpan, by_last: dict[int, TitleSpan]) -> bool:
    """Whether `span` is the second of two titles of one head joined by "và" ("hai vị Bộ trưởng Bộ A và Bộ trưởng Bộ
    B, Phó Thủ tướng C"): the pair names other people, not the one after the comma (two different posts joined so
    are two people's: "… Bộ trưởng Bộ Công an và Ủy viên Bộ Chính trị, Bí thư Thành ủy D" are D's)."""
    k = span.first - 1
    other = by_last.get(k - 1) if k >= 1 and tokens[k].key == "và" else None
    return other is not None and _head_keys(tokens, other) == _head_keys(tokens, span)


def _head_keys(tokens: list[Token], span: TitleSpan) -> tuple[str, ...]:
    return tuple(t.key for t in tokens[span.first : span.first + head_length(tokens, span.first, True)])


def _lower_opening(tokens: list[Token], earlier: TitleSpan, later: TitleSpan, by_last: dict[int, TitleSpan]) -> bool:
    """Whether a title written in lower case opens a list whose next title, before a name, is capitalised ("đảng
    viên là trưởng thôn, Bí thư Huyện ủy A"): the lower-case one is a common noun of the sentence, not A's title
    (inside a list it is one: "Bí thư TƯ Đảng, ủy viên Thường vụ Quân ủy TƯ, Chủ nhiệm … B")."""
    first, then = tokens[earlier.first], tokens[later.first]
    if not (first.is_lower_word and then.is_cap and not then.is_abbr):
        return False
    k = earlier.first - 1
    return not (k >= 1 and tokens[k].key in (",", "-") and k - 1 in by_last)


def _before_aside(tokens: list[Token], k: int) -> int:
    """`k`, or the token before the short parenthesis ending at `k`: a post, its place's note and a rank
    before a name ("Giám đốc Công an tỉnh A (mới) Thiếu tướng B")."""
    if k < 1 or tokens[k].key != ")":
        return k
    opening = parenthesis_start(tokens, k)
    return opening - 1 if opening <= k else k


def _follows_person(tokens: list[Token], span: TitleSpan, name_ends: set[int]) -> bool:
    """Whether a comma or dash before `span` follows a name (or the parenthesis after one); after anything
    else ("Sáng 6/2, T1, T2 B") the titles of a list before a name are all that person's."""
    comma = span.first - 1
    if comma < 1 or tokens[comma].key not in (",", "-"):
        return False
    return comma - 1 in name_ends or tokens[comma - 1].key == ")"


def titles_after(parsed: Parsed, j: int) -> list[TitleSpan]:
    """Titles that follow a name: ", T1, T2", " – T1, T2", " (T1)", " T1" (no comma), joined by commas,
    "kiêm" or "và"; in a table row flattened to "Name | T1 | T2", the cells."""
    tokens = parsed.tokens
    j = _skip_appositives(parsed, _skip_aside(parsed, j))
    if j < len(tokens) and tokens[j].key in (",", "-", ":", "(", "|"):
        if j > 0 and "\n" in parsed.text[tokens[j - 1].end : tokens[j].start]:
            return []  # a bullet opening the next line ("- Phó Chủ tịch: …") is an entry of its own
        j = _past_newly(parsed, j + 1)  # "A, tân Phó Bí thư Tỉnh ủy"
        if tokens[j - 1].key == "(" and j not in parsed.titles_at:
            j = _title_after_aside(parsed, j) or _counted_title(parsed, j) or j  # "A (Đảng viên, Trưởng trạm …)"
    elif j not in parsed.titles_at:
        return []
    elif j > 0 and "\n" in parsed.text[tokens[j - 1].end : tokens[j].start]:
        # a caption's name on one line, its titles filling the next; a title opening an entry of its own
        # ("Phó Trưởng phòng: Nguyễn Văn B") is not the line above's
        listed = title_list(parsed, j)
        if not listed or not _fills_line(parsed, j, listed[-1]):
            return []
        if _numbered_row(parsed, j - 1):  # "1⏎GS. A⏎T1 - T2⏎T3⏎2⏎…": a table row flattened one cell a line
            listed.extend(_cell_lines(parsed, listed[-1]))
        return listed
    return title_list(parsed, j)


def _fills_line(parsed: Parsed, first: int, last: TitleSpan) -> bool:
    """Whether titles from token `first` to `last` (its term, a comma and its organ, or a closing comma after
    it) fill their line."""
    tokens = parsed.tokens
    end = term_end(tokens, last.last + 1) - 1
    if end + 1 < len(tokens) and tokens[end + 1].key == "," and alone_on_line(parsed, first, end + 1):
        return True  # "Ủy viên Ban thường vụ Đảng ủy," in a table cell
    return alone_on_line(parsed, first, end) or alone_on_line(parsed, first, _organ_line_end(parsed, end + 1))


MAX_CELL_LINES = 4


def _numbered_row(parsed: Parsed, k: int) -> bool:
    """Whether the line holding token `k` (a name's last) follows a line holding only a number: a table's row
    written one cell a line ("1⏎GS. Nguyễn Văn A⏎Hiệu trưởng")."""
    tokens, text = parsed.tokens, parsed.text
    while k > 0 and "\n" not in text[tokens[k - 1].end : tokens[k].start]:
        k -= 1
    number = k - 1
    return number >= 0 and tokens[number].key.isdigit() and alone_on_line(parsed, number, number)


def _cell_lines(parsed: Parsed, last: TitleSpan) -> list[TitleSpan]:
    """The titles of the lines after `last` in a row written one cell a line, each line filled with titles, up to
    the next row's number or any other line."""
    tokens, found = parsed.tokens, []
    for _ in range(MAX_CELL_LINES):
        k = term_end(tokens, last.last + 1)
        k += int(k < len(tokens) and tokens[k].key == ",")
        if k >= len(tokens) or k not in parsed.titles_at:
            break
        if "\n" not in parsed.text[tokens[k - 1].end : tokens[k].start]:
            break
        listed = title_list(parsed, k)
        if not listed or not _fills_line(parsed, k, listed[-1]):
            break
        found.extend(listed)
        last = listed[-1]
    return found


# Words before a post saying when it is held: "tân" (newly taken), "cựu" (former), "đương kim" (incumbent). "A,
# tân Chủ tịch Hội B" holds the post "Chủ tịch Hội B" ("cựu" makes it a former one, see `title_status`).
TENURE_WORDS: tuple[tuple[str, ...], ...] = (("tân",), ("cựu",), ("đương", "kim"))


def _past_newly(parsed: Parsed, j: int) -> int:
    """Index of the title after a tenure word at `j` ("tân", "cựu", "đương kim"), else `j`."""
    for words_ in TENURE_WORDS:
        k = j + len(words_)
        if k in parsed.titles_at and tuple(t.key for t in parsed.tokens[j:k]) == words_:
            return k
    return j


def title_list(parsed: Parsed, j: int) -> list[TitleSpan]:
    """The titles listed from token `j` on, joined by commas, dashes, "kiêm" or "và", up to a title that
    stands before the next person's name."""
    found: list[TitleSpan] = []
    while j < len(parsed.tokens):
        span = parsed.titles_at.get(j)
        if span is None or span.next_name is not None:  # a title before the next name is that person's
            break
        if _heads_a_plural(parsed.tokens, span):
            break  # "A, B, Bộ trưởng các Bộ X, Y": the posts of many bodies end the list of A's and B's titles
        if found and "\n" in parsed.text[found[-1].end : span.start]:
            break  # a list of titles ends with its paragraph: the next line's title is its own entry's
        if _dashed_to_name(parsed, span):
            break  # "A, UVBCT - Phó Thủ tướng B": dash-joined posts before a name are all that person's
        if _heads_colon_list(parsed, span):
            break  # "Tổng Bí thư A, nguyên Tổng Bí thư: B, C": the post before the colon is B's and C's
        found.append(span)
        j = list_continues(parsed, span)
    return found


def _heads_colon_list(parsed: Parsed, span: TitleSpan) -> bool:
    """Whether `span` (with its term) ends at a colon that names come right after: a list's heading."""
    j = term_end(parsed.tokens, span.last + 1)
    return j + 1 < len(parsed.tokens) and parsed.tokens[j].key == ":" and j + 1 in parsed.names_at


def _dashed_to_name(parsed: Parsed, span: TitleSpan) -> bool:
    """Whether `span` is joined by dashes to titles the last of which stands before a name ("T1 - T2 B")."""
    tokens = parsed.tokens
    j = term_end(tokens, span.last + 1)
    while j + 1 < len(tokens) and tokens[j].key == "-" and j + 1 in parsed.titles_at:
        following = parsed.titles_at[j + 1]
        if following.next_name is not None:
            return True
        j = term_end(tokens, following.last + 1)
    return False


# Lower-case words after a bare head that make it the post of many bodies ("Bộ trưởng các Bộ Công Thương, Xây
# dựng"), never the title of the person named before it.
PLURAL_WORDS: frozenset[str] = words("các những")


def _heads_a_plural(tokens: list[Token], span: TitleSpan) -> bool:
    j = span.last + 1
    if j >= len(tokens) or tokens[j].key not in PLURAL_WORDS or not tokens[j].is_lower_word:
        return False
    return head_length(tokens, span.first) == span.last - span.first + 1


def list_continues(parsed: Parsed, span: TitleSpan) -> int:
    """Where a list of titles may go on after `span`: past its term and a joining word ("TUV, Phó Chủ tịch …",
    "… kiêm …"), or right after it ("TUV Phó Chủ tịch …"). A semicolon mostly ends one person's titles: the
    list goes on past it only when the titles after it do not lead to another name ("A, T1; T2, T3 B")."""
    tokens = parsed.tokens
    j = term_end(tokens, span.last + 1)
    qualified = j + 1 < len(tokens) and (tokens[j + 1].key in GRADE_PREFIXES or tokens[j + 1].key == "nguyên")
    if qualified and tokens[j].key == "(" and j + 1 in parsed.titles_at:
        # "Phó Vụ trưởng (hàm Vụ trưởng)", "Bí thư Thành ủy A (nguyên Bí thư Tỉnh ủy B)": a grade or a former
        # post is a title of its own ("(Trưởng đoàn đi công tác hôm đó)" tells a role of the day)
        return j + 1
    j = skip_parenthesis(tokens, j)  # "Hiệu trưởng Trường THPT A (TP B) rồi Phó giám đốc Sở C"
    j = _owning_organ_end(parsed, j)  # "Phó Vụ trưởng Vụ Tổ chức cán bộ, Bộ Xây dựng; Chánh Văn phòng …"
    if j + 1 < len(tokens) and tokens[j].key == ";":
        return len(tokens) if _leads_to_name(parsed, j + 1) else j + 1
    also = also_post_start(parsed, j)
    if also is not None:
        return also  # "A, Phó Giám đốc Công an tỉnh, đồng thời là Phó Trưởng ban Chỉ đạo thi"
    if j + 2 < len(tokens) and tokens[j].key == "," and tokens[j + 1].key == "kiêm":
        return j + 2  # "Phó Tư lệnh, kiêm Tham mưu trưởng …"
    if j + 1 < len(tokens) and tokens[j].key == "và" and _between_parties(tokens, span.first):
        return j  # "giữa ông A, Chủ tịch X và Chủ tịch Y": "và" joins the other party, not a post of A's
    if j + 1 < len(tokens) and tokens[j].key in (",", "-", "|", "kiêm", "và", "rồi"):
        return j + 1
    return j


# Words joining a second post to the first ("T1, đồng thời là T2", "là T1 và cũng là T2").
ALSO_PREDICATES: tuple[tuple[str, ...], ...] = (("đồng", "thời", "là"), ("và", "cũng", "là"), ("đồng", "thời", "làm"))


def also_post_start(parsed: Parsed, j: int) -> int | None:
    """Where the post that "đồng thời là" (or "và cũng là"), after an optional comma at token `j`, gives starts;
    None when no such words or no title follows them."""
    tokens = parsed.tokens
    j += int(j < len(tokens) and tokens[j].key == ",")
    for words_ in ALSO_PREDICATES:
        if tuple(t.key for t in tokens[j : j + len(words_)]) == words_ and j + len(words_) in parsed.titles_at:
            return j + len(words_)
    return None


MAX_ORGAN_ASIDE = 8
# Prepositions opening a pair of parties that "và" joins ("giữa A và B", "thỏa thuận giữa …").
BETWEEN_WORDS: frozenset[str] = frozenset(["giữa"])
MAX_BETWEEN_REACH = 16


def _between_parties(tokens: list[Token], first: int) -> bool:
    """Whether "giữa" opens the clause part that the title at `first` closes, with no "và" since: the next "và"
    joins the second party."""
    for k in range(first - 1, max(-1, first - 1 - MAX_BETWEEN_REACH), -1):
        key = tokens[k].key
        if key in BETWEEN_WORDS:
            return True
        if key in CLAUSE_END or key in ("và", ":", "("):
            return False
    return False


def _owning_organ_end(parsed: Parsed, j: int) -> int:
    """The semicolon after a comma and the organ a post belongs to, written apart ("…, Bộ Xây dựng;"), in a list
    of posts held one after another; else `j`. The organ is capitalised and holds no title and no person's name;
    it may hold a place ("…, Sở Y tế Hà Nội;") and be itself placed in a larger one ("…, Vụ Châu Mỹ, Bộ Ngoại
    giao;")."""
    tokens = parsed.tokens
    if j + 2 >= len(tokens) or tokens[j].key != "," or not tokens[j + 1].is_cap:
        return j
    for k in range(j + 1, min(len(tokens), j + 2 + 2 * MAX_ORGAN_ASIDE)):
        if tokens[k].key == ";":
            return k if k > j + 1 else j
        if tokens[k].key == "," and k + 1 < len(tokens) and tokens[k + 1].is_cap:
            continue
        if _names_one(parsed, k) or not (tokens[k].is_word or tokens[k].key == "-"):
            return j
    return j


def _organ_line_end(parsed: Parsed, j: int) -> int:
    """The last token of a line that a comma and the organ a post belongs to close ("Cục trưởng Cục A, Bộ GD&ĐT"
    alone on its line below a name), else `j` - 1. The organ is capitalised and holds no title and no name."""
    tokens, text = parsed.tokens, parsed.text
    if j + 1 >= len(tokens) or tokens[j].key != "," or not tokens[j + 1].is_cap:
        return j - 1
    for k in range(j + 1, min(len(tokens), j + 2 + MAX_ORGAN_ASIDE)):
        if k in parsed.titles_at or k in parsed.names_at or not (tokens[k].is_word or tokens[k].key == "-"):
            return j - 1
        if k + 1 >= len(tokens) or "\n" in text[tokens[k].end : tokens[k + 1].start]:
            return k
    return j - 1


def _leads_to_name(parsed: Parsed, j: int) -> bool:
    """Whether the titles joined by commas from token `j` on end before a person's name."""
    span = parsed.titles_at.get(j)
    while span is not None:
        if span.next_name is not None:
            return True
        k = term_end(parsed.tokens, span.last + 1)
        span = parsed.titles_at.get(k + 1) if k < len(parsed.tokens) and parsed.tokens[k].key == "," else None
    return False


def _skip_appositives(parsed: Parsed, j: int) -> int:
    """The comma before the first title when one or two short asides without a title or a name stand between
    a name and its titles ("ông A, sinh ngày 1/6/1960, nguyên Giám đốc …", "ông B, đảng viên Chi bộ thôn 3
    (Đảng ủy xã C), Phó Chủ tịch …", "ông D (sinh năm 1978), Bác sĩ, Trưởng khoa …"); else `j`."""
    tokens = parsed.tokens
    if j < len(tokens) and tokens[j].key == "sinh":
        return _birth_aside_end(parsed, j) or j
    if _titled_right_before(parsed, j - 1):
        return j  # a list of title-name pairs: "T1 A, Lãnh đạo TP B, Giám đốc Sở C": the post after the aside is
        # another guest's
    comma = j
    for _ in range(MAX_ASIDES):
        if comma >= len(tokens) or tokens[comma].key != ",":
            return j
        title = parsed.titles_at.get(comma + 1)
        if title is not None:
            return j if comma == j or title.next_name is not None else comma
        if _names_a_body(tokens, comma + 1):
            return j  # "… ông A, Ban Chấp hành Trung ương Đảng, Quốc hội, Chủ tịch nước …": a list of bodies
        comma = _aside_end(parsed, comma + 1)
    title = parsed.titles_at.get(comma + 1) if comma < len(tokens) and tokens[comma].key == "," else None
    return comma if title is not None and title.next_name is None else j


MAX_NAME_TOKENS = 8  # a name's tokens, a foreign name's included
MAX_TITLE_TOKENS = 60  # a title's tokens, its longest organ names included


def _titled_right_before(parsed: Parsed, last: int) -> bool:
    """Whether the name ending at token `last` has a title right before it ("Phó tỉnh trưởng B Lý Đức A"). Looks back
    a bounded number of tokens: scanning every title for each name made a page of thousands of guests quadratic."""
    first = next(
        (
            k
            for k in range(last, max(-1, last - MAX_NAME_TOKENS), -1)
            if getattr(parsed.names_at.get(k), "last", -1) == last
        ),
        None,
    )
    if first is None:
        return False
    for start in range(first - 1, max(-1, first - 1 - MAX_TITLE_TOKENS), -1):
        span = parsed.titles_at.get(start)
        if span is not None and span.last + 1 == first and span.next_name is not None and span.next_name.first == first:
            return True
    return False


# First words of the bodies a sentence lists as its subject ("Ban Chấp hành …", "Quốc hội …", "Chính phủ …").
BODY_FIRST_WORDS: frozenset[str] = words("ban quốc chính ủy mặt hội bộ sở")


def _names_a_body(tokens: list[Token], k: int) -> bool:
    """Whether a capitalised body's name opens at token `k` (its first two words capitalised)."""
    pair = tokens[k : k + 2]
    return (
        len(pair) == 2
        and all(t.is_word and t.is_cap and not t.is_abbr for t in pair)
        and pair[0].key in BODY_FIRST_WORDS
    )


MAX_BIRTH_ASIDE = 12  # "sinh ngày 8/2/1924 tại xã A"


def _birth_aside_end(parsed: Parsed, k: int) -> int | None:
    """The comma or dash that closes a birth aside opening at token `k` right after a name, with no comma before
    it, when a title follows ("Ông A sinh ngày 8/2/1924 - nguyên Chủ tịch nước, … - từ trần"), else None."""
    tokens = parsed.tokens
    for m in range(k + 1, min(len(tokens) - 1, k + MAX_BIRTH_ASIDE)):
        if _names_one(parsed, m) or ends_clause(tokens, m) or tokens[m].key in SPEECH_MARKS:
            return None
        if "\n" in parsed.text[tokens[m - 1].end : tokens[m].start]:
            return None
        title = parsed.titles_at.get(m + 1)
        if tokens[m].key in (",", "-", "–") and title is not None and title.next_name is None:
            return m
    return None


def _aside_end(parsed: Parsed, k: int) -> int:
    """The comma closing an aside that starts at token `k` and names no one and no post, else past the end."""
    tokens, depth, counted = parsed.tokens, 0, 0
    if k < len(tokens) and tokens[k].key in CLAUSE_OPENERS:
        return len(tokens)  # "Theo ông A, ngày 28/11/1959, Chủ tịch …": a new clause, not an aside
    for m in range(k, min(k + MAX_ASIDE_TOKENS + MAX_ASIDE_NOTE, len(tokens))):
        key = tokens[m].key
        counted += depth == 0  # a note in parentheses counts as one token: "sinh năm 1958 (trú tại …, xã …), T"
        if counted > MAX_ASIDE_TOKENS:
            break
        if _names_one(parsed, m) or ends_clause(tokens, m) or key in SPEECH_MARKS:
            break  # (a full stop glued to the next word abbreviates: "Đảng ủy TT.Chợ Chùa"); a quote is speech
        if "\n" in parsed.text[tokens[m - 1].end : tokens[m].start]:
            break
        depth += (key == "(") - (key == ")")
        if key == "," and depth == 0:
            return m if m > k else len(tokens)
    return len(tokens)


# Counts before a title in parentheses after two or more names ("A và B (2 phó chủ tịch UBND xã)").
GROUP_COUNTS: frozenset[str] = words("2 3 4 5 hai ba bốn năm")


def counted_in_parenthesis(tokens: list[Token], first: int) -> bool:
    """Whether the title at token `first` follows "(" and a count: a post of the names listed before it."""
    return first >= 2 and tokens[first - 1].key in GROUP_COUNTS and tokens[first - 2].key == "("


def _counted_title(parsed: Parsed, k: int) -> int | None:
    """The title after a count at token `k` in a parenthesis ("(2 phó chủ tịch UBND xã)"), else None."""
    return k + 1 if counted_in_parenthesis(parsed.tokens, k + 1) and k + 1 in parsed.titles_at else None


def _title_after_aside(parsed: Parsed, k: int) -> int | None:
    """The first token of a title that follows a short aside opening at token `k` and its comma, inside a
    parenthesis after a name ("(Đảng viên, Trưởng trạm Y tế xã B)", "(thương binh 1/4, nguyên Phó Giám đốc
    Trường Chính trị tỉnh)"): membership or a status is no post, the title after it is; else None."""
    comma = _aside_end(parsed, k)
    if comma + 1 >= len(parsed.tokens) or parsed.tokens[comma].key != ",":
        comma = _place_dash(parsed, k)  # "ĐB A (Thái Bình - Chủ tịch Phòng Thương mại …)"
        if comma is None:
            comma = _closing_dash(parsed, k)
        if comma is None:
            return None
    title = parsed.titles_at.get(comma + 1)
    if title is None:  # "A (SN 1973, trú tại xã B, huyện C - Nguyên Phó Chủ tịch …)"
        dash = _closing_dash(parsed, k)
        title = parsed.titles_at.get(dash + 1) if dash is not None else None
        comma = dash if dash is not None else comma
    return comma + 1 if title is not None and title.next_name is None else None


# How many words a deputy's province may take before a spaced dash in parentheses ("(Bà Rịa - Vũng Tàu - …)").
MAX_PLACE_TOKENS = 6


MAX_NOTE_TOKENS = 30  # a note on a defendant or a witness: birth year, address, then the post


def _closing_dash(parsed: Parsed, k: int) -> int | None:
    """The spaced dash before a title that closes a parenthesis opening at token `k`, after a note on the person
    (a birth year, an address) with no clause end and no title before it, else None."""
    tokens = parsed.tokens
    for m in range(k, min(k + MAX_NOTE_TOKENS, len(tokens) - 1)):
        token = tokens[m]
        if token.key in (")", "(") or ends_clause(tokens, m) or m in parsed.titles_at:
            return None
        if token.key in ("-", "–") and m > k and token.start > tokens[m - 1].end and m + 1 in parsed.titles_at:
            title = parsed.titles_at[m + 1]
            closes = title.last + 1 < len(tokens) and tokens[title.last + 1].key == ")"
            return m if closes and title.next_name is None else None
    return None


def _place_dash(parsed: Parsed, k: int) -> int | None:
    """The spaced dash after a short run of capitalised words opening a parenthesis at token `k` ("(Thái Bình -
    Chủ tịch …)": a deputy's province, then his post), else None."""
    tokens = parsed.tokens
    for m in range(k, min(k + MAX_PLACE_TOKENS + 1, len(tokens) - 1)):
        token = tokens[m]
        if token.key in ("-", "–") and m > k and token.start > tokens[m - 1].end:
            return m if m + 1 in parsed.titles_at else None
        if not (token.is_word and token.is_cap) or m in parsed.titles_at:
            return None  # (a province may read as a name: "Thái Bình")
    return None


def _skip_aside(parsed: Parsed, j: int) -> int:
    """Index after a short parenthesis that is not a title ("Nguyễn Văn A (bên phải), Bí thư ..."), unless a
    title follows an aside inside it."""
    tokens = parsed.tokens
    if j + 1 >= len(tokens) or tokens[j].key != "(" or starts_title(tokens, j + 1) or j + 1 in parsed.titles_at:
        return j  # "(Phó Chủ tịch UBND xã)", "(phó chủ tịch UBND xã)"
    if _title_after_aside(parsed, j + 1) is not None or _counted_title(parsed, j + 1) is not None:
        return j
    for k in range(j + 1, min(j + 10, len(tokens))):
        if tokens[k].key == ")":
            return k + 1
    # a longer note naming no one and no post: "ông A (thường trú tại phường B, quận C, Hà Nội), Trưởng ban …"
    close = skip_parenthesis(tokens, j)
    if j < close <= j + 2 + MAX_ASIDE_NOTE and not any(_names_one(parsed, k) for k in range(j + 1, close - 1)):
        return close
    return j


def _names_one(parsed: Parsed, k: int) -> bool:
    """Whether a person's name (not a place's, "Hà Nội") or a title starts at token `k`."""
    name = parsed.names_at.get(k)
    return k in parsed.titles_at or (name is not None and not name.place_like)
