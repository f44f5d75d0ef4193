"""A group title before a colon or a plural title, handed to each person listed after it."""

from __future__ import annotations

from extractors.facts.numerals import TEN_WORDS, UNIT_WORDS
from extractors.facts.officials.context import Parsed, plural_before, skip_address, skip_parenthesis, term_end
from extractors.facts.officials.mentions import Mention
from extractors.facts.officials.plural_lists import plural_list_start, skip_item_aside
from extractors.facts.officials.title_lists import also_post_start, counted_in_parenthesis, list_continues, title_list
from extractors.facts.person_names import Token, words
from extractors.facts.titles import TitleSpan, skip_term

# Words between a group title and the people it names: "5 Phó Chủ tịch UBND gồm các ông: A, B và C".
GROUP_INTRO_WORDS: frozenset[str] = words("gồm có là các ông bà đồng chí") | {","}
MAX_GROUP_INTRO = 6  # ", gồm các ông, bà"


def apply_colon_titles(parsed: Parsed, mentions: list[Mention]) -> None:
    """A title before a colon goes to each person listed after it ("các đồng chí Phó Bí thư: A, B")."""
    tokens = parsed.tokens
    by_first = {m.name.first: m for m in mentions}
    # Items that open with their own titles: "các đồng chí Ủy viên Trung ương Đảng: Tổng Thư ký Quốc hội A; Chủ
    # nhiệm Ủy ban B" (each item's titles come before its name).
    by_title_first = {min(t.first for t in m.titles): m for m in mentions if m.titles}
    for span in parsed.titles_at.values():
        j = _group_list_start(tokens, span)
        if j is None:
            continue
        one_per_line = _opens_line(parsed, j)
        semicolons = False
        titled_ok = tokens[j - 1].key in (":", "(")  # an item with titles of its own opens a colon list, a parenthesis
        # or follows a ";"
        titled_seen = False  # whether an item so far opened with its own titles
        # a parenthesis bounds its list, as a count before a colon does: each item may open with its titles ("6 ủy
        # viên Bộ Chính trị gồm: Tổng bí thư A, Bí thư Thành ủy B, …")
        counted_colon = tokens[j - 1].key == ":" and _counted(tokens, span.first)
        bracketed = tokens[j - 1].key == "(" or counted_colon
        # after a colon an item may go on in words of its own up to the ";" that ends it, from the first item on
        # ("2 phó tổng giám đốc gồm: ông A phụ trách vận tải; ông B phụ trách đầu máy")
        colon_list = any(tokens[k].key == ":" for k in range(span.last + 1, j))
        while mention := by_first.get(j) or (_titled_item(parsed, by_title_first, j, span) if titled_ok else None):
            titled_seen = titled_seen or j not in by_first
            mention.titles.append(span)
            # past an item's own note in a parenthesis ("B, Bộ trưởng Bộ Công thương (kiêm nhiệm); C, …")
            after = mention.end_token + 1
            if after < len(tokens) and tokens[after].key == ")":
                after += 1  # its titles were the note: "Đại tá A (Phó Giám đốc Công an tỉnh X); Đại tá B (…)"
            k = after_contact_lines(parsed, after) if one_per_line else skip_parenthesis(tokens, after)
            k = skip_item_aside(tokens, k)  # "là ông A, 51 tuổi và ông B, 44 tuổi"
            if one_per_line and k < len(tokens) and _name_alone_on_line(parsed, by_first, skip_address(tokens, k)):
                j = skip_address(tokens, k)  # "Các Phó Chủ tịch:⏎Đồng chí A⏎Đồng chí B"
                continue
            if k > after and k in by_first and tokens[k - 1].key == ")":
                j = k  # a comma lost after an item's note: "A (Bộ KH&CN) B (Bộ Công nghiệp), C"
                continue
            if (semicolons or colon_list) and k < len(tokens) and tokens[k].key not in (",", ";", "và"):
                k = _next_semicolon(parsed, k)  # an item's words left unparsed ("nguyên Vụ trưởng Vụ A các B, C;")
            if k + 1 >= len(tokens) or tokens[k].key not in (",", ";", "và"):
                break
            # ";" keeps items with titles of their own, as does the "và" that closes a ";" list ("A (T); B (T) và C")
            # (a "và" item opening with its own titles is a member only where the items before did so too: "các bộ
            # trưởng: A, T; B, T và Thống đốc … C" adds C, no minister)
            closing_titled = tokens[k].key == "và" and semicolons and titled_seen
            # items that each open with their own titles, joined by commas after the colon: "các Ủy viên Trung ương:
            # Chánh Văn phòng Trung ương Đảng A, Phó Trưởng ban Tổ chức Trung ương B và Bí thư Tỉnh ủy C"
            titled_commas = titled_seen and not semicolons and tokens[k].key in (",", "và")
            titled_ok = titled_ok and (tokens[k].key == ";" or closing_titled or bracketed or titled_commas)
            semicolons = semicolons or tokens[k].key == ";"
            j = skip_address(tokens, k + 2 if tokens[k + 1].key == "và" else k + 1)
            if (semicolons or colon_list) and tokens[k].key == "," and j not in by_first:
                m = _next_semicolon(parsed, k + 1)  # the item goes on in words of its own ("…, người có …;")
                j = skip_address(tokens, m + 1) if tokens[m].key == ";" and m + 1 < len(tokens) else j


MAX_ITEM_TAIL = 24  # tokens of an item's own words after its last parsed title, up to the ";" ending it


def _next_semicolon(parsed: Parsed, k: int) -> int:
    """The ";" closing an item of a ";" list within a few tokens after `k` and before the sentence or the line
    ends; `k` when none."""
    tokens = parsed.tokens
    for m in range(k, min(len(tokens), k + MAX_ITEM_TAIL)):
        if tokens[m].key == ";":
            return m
        if tokens[m].key in (".", ":") or (m > k and "\n" in parsed.text[tokens[m - 1].end : tokens[m].start]):
            return k
    return k


def _titled_item(parsed: Parsed, by_title_first: dict[int, Mention], j: int, group: TitleSpan) -> Mention | None:
    """The mention whose own titles open at token `j`, right after a group title's colon or the item before; not
    the next group ("…; các đồng chí Ủy viên Ban Thường vụ: C"), whose title has a list of its own."""
    mention = by_title_first.get(j)
    if mention is None or mention.name.first <= group.last:
        return None
    own = parsed.titles_at.get(j)
    if own is not None and own.next_name is None and listed_after(parsed.tokens, own) is not None:
        return None
    return mention


def _name_alone_on_line(parsed: Parsed, by_first: dict[int, Mention], first: int) -> bool:
    """Whether a name opens at token `first` and fills its line, a form of address before it aside."""
    mention = by_first.get(first)
    if mention is None or not _opens_line(parsed, first):
        return False
    after = mention.name.last + 1
    return after >= len(parsed.tokens) or "\n" in parsed.text[parsed.tokens[after - 1].end : parsed.tokens[after].start]


# Labels that open a contact line under a person listed on a card ("ĐT: 0263 …", "Email: …").
CONTACT_LABELS: frozenset[str] = words("đt sđt dđ email fax")
CONTACT_PAIRS: frozenset[tuple[str, str]] = frozenset([("điện", "thoại"), ("số", "điện")])


def _contact_line_at(parsed: Parsed, k: int) -> bool:
    tokens = parsed.tokens
    pair = (tokens[k].key, tokens[k + 1].key) if k + 1 < len(tokens) else None
    return (tokens[k].key in CONTACT_LABELS or pair in CONTACT_PAIRS) and _line_starts_at(parsed, k)


def _line_starts_at(parsed: Parsed, k: int) -> bool:
    return k > 0 and "\n" in parsed.text[parsed.tokens[k - 1].end : parsed.tokens[k].start]


def after_contact_lines(parsed: Parsed, k: int) -> int:
    """The first token after the contact lines that open at token `k` ("⏎ĐT: 0263 111 222⏎Ông: B"), else `k`."""
    tokens = parsed.tokens
    while k < len(tokens) and _contact_line_at(parsed, k):
        k += 1
        while k < len(tokens) and not _line_starts_at(parsed, k):
            k += 1
    return k


def _opens_line(parsed: Parsed, first: int) -> bool:
    """Whether the name at token `first` opens a line, a form of address before it included ("⏎Đồng chí A")."""
    tokens = parsed.tokens
    start = first
    for size in (4, 3, 2, 1):  # "đ/c:", "đ/c", "đồng chí", "ông"
        if first >= size and skip_address(tokens, first - size) == first:
            start = first - size
            break
    return 0 < start < len(tokens) and "\n" in parsed.text[tokens[start - 1].end : tokens[start].start]


def _group_list_start(tokens: list[Token], span: TitleSpan) -> int | None:
    """Where the people a group title names are listed: after its colon ("các đồng chí Phó Bí thư: A, B",
    "5 Phó Chủ tịch UBND gồm các ông: A, B và C"), or right after a plural title ("Các phó trưởng ban A, B")."""
    if span.next_name is not None:
        plural = span.first > 0 and plural_before(tokens, span.first)
        return span.next_name.first if plural else None
    return listed_after(tokens, span)


def listed_after(tokens: list[Token], span: TitleSpan) -> int | None:
    """Where a list opens after a title and its colon or "gồm" ("Phó Chủ tịch UBND gồm các ông: A, B")."""
    j = skip_term(tokens, span.last + 1)
    if j < len(tokens) and tokens[j].key == "khác":
        j += 1  # "Bảy phó ban khác gồm các ông A, B"
    counted = span.first > 0 and plural_before(tokens, span.first)
    if j < len(tokens) and tokens[j].key == "có" and not counted:
        return None  # "Đón Tổng Bí thư có các đồng chí: A; B": the post is the guest's, the list those who met him
    if _counted(tokens, span.first) and (colon := _colon_after_words(tokens, j)) is not None:
        return skip_address(tokens, colon + 1)  # "6 ủy viên Bộ Chính trị khóa IX tái cử gồm: …"
    k = j
    while k < len(tokens) and k - j < MAX_GROUP_INTRO and tokens[k].key in GROUP_INTRO_WORDS:
        k += 1
    if k < len(tokens) and tokens[k].key == ":":
        return skip_address(tokens, k + 1)
    if k == j and k + 1 < len(tokens) and tokens[k].key == "(":
        return _parenthesised_list(tokens, k + 1, counted)
    if k > j and tokens[j].key == "gồm":
        # "gồm ông A và ông B"; not after a title set off by a comma, which is the post of a name before it ("Ban
        # lễ tang ông A, nguyên Trưởng ban X gồm có ông B, …": B is a member, X is A's post)
        return k if counted or span.first == 0 or tokens[span.first - 1].key != "," else None
    if k > j + 1 and counted and tokens[j].key == "," and tokens[j + 1].key == "gồm":
        return k  # "8 phó trưởng ban, gồm các ông A, T; B; C" (after a comma only a counted title: "ông A, Chủ
        # tịch UBND xã, gồm …" is A's post)
    return plural_list_start(tokens, span)  # "bầu hai Phó bí thư là các ông A, T và ông B", "…, như: bà A, T; …"


def _counted(tokens: list[Token], first: int) -> bool:
    """Whether a number stands right before token `first` ("6 ủy viên", "sáu ủy viên"; "các" counts none)."""
    key = tokens[first - 1].key if first > 0 else ""
    return key.isdigit() or key in UNIT_WORDS or key in TEN_WORDS


MAX_WORDS_BEFORE_GOM = 3  # "tái cử", "được bầu lại"


def _colon_after_words(tokens: list[Token], j: int) -> int | None:
    """The colon of "gồm:" after a counted group title and a few words in lower case saying what the group did
    ("6 ủy viên Bộ Chính trị khóa IX tái cử gồm: …"); None where no such colon follows."""
    k = j
    while k < len(tokens) and k - j < MAX_WORDS_BEFORE_GOM and tokens[k].is_lower_word and tokens[k].key != "gồm":
        k += 1
    if k == j or k + 1 >= len(tokens) or tokens[k].key != "gồm" or tokens[k + 1].key != ":":
        return None
    return k + 1


def _parenthesised_list(tokens: list[Token], k: int, counted: bool) -> int | None:
    """Where the members of a group title are listed in a parenthesis right after it: after a count ("Sáu ủy viên
    Bộ Chính trị (Tổng bí thư A, Bí thư Thành ủy B, …)") or after "gồm" opening it ("Thường trực X (gồm ông, bà A,
    B)"); else None."""
    opened = tokens[k].key == "gồm"
    j = k
    while j < len(tokens) and j - k < MAX_GROUP_INTRO and tokens[j].key in GROUP_INTRO_WORDS:
        j += 1
    if tokens[j - 1].key == "," if j > k else False:
        return None
    return skip_address(tokens, j) if opened or (counted and j == k) else None


def share_title_over_and(parsed: Parsed, mentions: list[Mention]) -> None:
    """A title right before "A và B" is also B's when B has none of its own ("Thứ trưởng A và B", "nguyên Chủ
    tịch Quốc hội A và B"): one title written once for two holders. Not when B is addressed ("… A và ông B") or
    called anything else, nor when a title of A's comes after A ("Bộ trưởng A, Chủ tịch X và B")."""
    tokens = parsed.tokens
    for prev, mention in zip(mentions, mentions[1:], strict=False):
        first = mention.name.first
        if mention.titles or mention.marker or mention.name.given_only or first < 2:
            continue
        if prev.end_token != first - 2 or prev.name.last != first - 2:
            continue
        if tokens[first - 1].key != "và" and not _comma_item_of_semicolon_list(tokens, mention):
            continue
        before = [t for t in prev.titles if t.next_name is not None and t.next_name.first == prev.name.first]
        mention.titles.extend(before[-1:])


def _comma_item_of_semicolon_list(tokens: list[Token], mention: Mention) -> bool:
    """Whether a bare name follows a comma and closes an item of a list joined by ";" ("nguyên Tổng Bí thư A, B;
    Chủ tịch nước C"): the item's title, written once, is both names'."""
    first, after = mention.name.first, mention.name.last + 1
    return tokens[first - 1].key == "," and after < len(tokens) and tokens[after].key == ";"


# Words after a title set apart after "A và B" that make it both people's ("A và B, cán bộ X, mỗi người …").
PLURAL_AFTER_TITLE: frozenset[str] = words("mỗi đều")  # not "cùng": "A và ông B, T, cùng lãnh đạo Sở …"
# Verbs assigning a post to the people named after them ("phân công ông A và bà B là Thư ký …"): the last word and
# the one before it, if any.
ASSIGNING_VERBS: frozenset[tuple[str, ...]] = frozenset([("phân", "công"), ("chỉ", "định"), ("cử",), ("giao",)])
ADDRESS_WORDS: frozenset[str] = words("ông bà")


def share_title_after_pair(parsed: Parsed, mentions: list[Mention]) -> None:
    """Titles written once after two people joined by "và" that are both people's: the post a verb assigns to the
    pair ("phân công ông A (…) và bà B (…) là Thư ký Hội đồng thi, đồng thời là Thư ký Ban coi thi"), or a title
    set apart and then counted ("ông A và ông B, cán bộ Văn phòng Tỉnh ủy, mỗi người 2,5 ha"). Otherwise "A và
    B là T" and "A, B, T" stay the last person's."""
    tokens = parsed.tokens
    for prev, mention in zip(mentions, mentions[1:], strict=False):
        start = max(prev.end_token + 1, skip_parenthesis(tokens, prev.name.last + 1))  # past the first one's note
        gap = [t.key for t in tokens[start : mention.name.first]]
        if "và" not in gap or any(key not in ("và", ")") and key not in ADDRESS_WORDS for key in gap):
            continue
        predicate = _assigned_predicate(parsed, prev, mention)
        if predicate:
            for member in (prev, mention):
                member.titles.extend(span for span in predicate if span not in member.titles)
            continue
        after = [span for span in mention.titles if span.first > mention.name.last]
        counted = after and counted_in_parenthesis(tokens, after[0].first)  # "A và B (2 phó chủ tịch UBND xã)"
        if after and (_plural_after(tokens, after[0]) or counted) and after[0] not in prev.titles:
            prev.titles.append(after[0])


def _assigned_predicate(parsed: Parsed, prev: Mention, mention: Mention) -> list[TitleSpan]:
    """The posts after "là"/"làm" that follow the pair (past the second person's note in a parenthesis) when a verb
    of assignment stands before the first person, else none."""
    tokens = parsed.tokens
    k = skip_parenthesis(tokens, mention.name.last + 1)
    span = parsed.titles_at.get(k + 1)
    if span is None or tokens[k].key not in ("là", "làm"):
        return []
    j = prev.name.first - 1
    j -= int(j >= 0 and tokens[j].key in ADDRESS_WORDS)
    if not any(tuple(t.key for t in tokens[j - len(verb) + 1 : j + 1]) == verb for verb in ASSIGNING_VERBS):
        return []
    titles = [span, *title_list(parsed, list_continues(parsed, span))]
    while nxt := _also_post_after(parsed, titles[-1]):  # "…, đồng thời là Thư ký Ban coi thi"
        titles.extend([nxt, *title_list(parsed, list_continues(parsed, nxt))])
    return titles


def _also_post_after(parsed: Parsed, span: TitleSpan) -> TitleSpan | None:
    """The post a second predicate gives after `span` ("…, đồng thời là T2"), else None."""
    start = also_post_start(parsed, term_end(parsed.tokens, span.last + 1))
    return None if start is None else parsed.titles_at[start]


def _plural_after(tokens: list[Token], span: TitleSpan) -> bool:
    """Whether a title set apart by commas is followed by a word that counts its holders ("mỗi người", "đều")."""
    first, after = span.first, span.last + 1
    if first < 1 or tokens[first - 1].key != "," or after + 1 >= len(tokens) or tokens[after].key != ",":
        return False
    return tokens[after + 1].key in PLURAL_AFTER_TITLE
