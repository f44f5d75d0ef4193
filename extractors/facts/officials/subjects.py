"""Who an election or appointment phrase speaks of: the group before it, a record's owner, the person after
it, a person linked by "là"/"làm", or those addressed by "đối với"."""

from __future__ import annotations

from bisect import bisect_left

from extractors.facts.officials.context import (
    CLAUSE_END,
    Parsed,
    parenthesis_start,
    skip_address,
    skip_parenthesis,
    term_end,
    term_start,
)
from extractors.facts.officials.mentions import ByFirst, Mention, MentionEnds
from extractors.facts.officials.title_lists import titles_after
from extractors.facts.person_names import ADDRESS_TERMS, Token, words
from extractors.facts.titles import RANK_HEADS, TitleSpan

# Words that may separate members of one group of people ("các đồng chí A, B và đồng chí C").
GROUP_GAP: frozenset[str] = frozenset([",", "và", "đồng", "chí", "đ", "/", "c", "đc", "các", "cùng", *ADDRESS_TERMS])
MAX_TRIGGER_GAP = 20
MAX_PRONOUN_REACH = 300  # tokens back to the person a bare "ông"/"bà" stands for
# Words that may stand between a person and "là"/"làm": "A từng là T", "A nguyên là T1, nay là T2", "A lại được
# điều về làm T".
# "A không còn là T1, tức cũng không còn làm T2": a post left is still one of A's; "A tiếp tục là T".
LINK_WORDS: frozenset[str] = words(
    "từng nguyên nay hiện đang vẫn cũng đã khi còn lúc đó ấy đấy bấy giờ lại được điều về rồi thì và không tức tiếp tục"
)
MAX_LINK_WORDS = 5
MAX_RECORD_LINES = 3  # field lines between a record's name and its "Chức vụ:" line ("Năm sinh: …")


def record_owner(parsed: Parsed, ends: MentionEnds, trigger: int) -> Mention | None:
    """The person of a "Chức vụ: T" line in a record of fields ("Họ và tên: Nguyễn Văn A" / "Chức vụ: T"):
    the name ending one of the few lines above, with no other name between."""
    tokens, text = parsed.tokens, parsed.text
    if trigger == 0 or "\n" not in text[tokens[trigger - 1].end : tokens[trigger].start]:
        return None
    earlier = ends.before(trigger)
    if not earlier:
        return None
    closest = ends.at(earlier, -1)
    between = text[closest.name.end : tokens[trigger].start]
    if closest.titles or sum(1 for line in between.split("\n") if line.strip()) > MAX_RECORD_LINES:
        return None
    name_end = closest.name.last
    if name_end + 1 < len(tokens) and "\n" not in text[tokens[name_end].end : tokens[name_end + 1].start]:
        return None  # the name does not end its line: prose, not a record
    return closest


def recipient_after(parsed: Parsed, by_first: dict[int, Mention], last: TitleSpan) -> Mention | None:
    """The person a decision's post goes to, named after it: "… quyết định bổ nhiệm T cho ông B", "… cho Thứ
    trưởng B"."""
    k = term_end(parsed.tokens, last.last + 1)
    if k >= len(parsed.tokens) or parsed.tokens[k].key not in ("cho", "đối"):
        return None
    k += 2 if parsed.tokens[k].key == "đối" else 1  # "đối với"
    return _named_at(parsed, by_first, k)


def co_recipient(parsed: Parsed, by_first: dict[int, Mention], recipient: Mention) -> Mention | None:
    """A second person the decision names after its recipient with "và": "… thăng quân hàm T cho Thứ trưởng A và
    Phó Tổng Tham mưu trưởng B" gives T to B too."""
    k = recipient.end_token + 1
    if k + 1 >= len(parsed.tokens) or parsed.tokens[k].key != "và":
        return None
    return _named_at(parsed, by_first, k + 1)


def _named_at(parsed: Parsed, by_first: dict[int, Mention], k: int) -> Mention | None:
    """The person named at token `k`, past a form of address or the post he is called by ("ông B", "Thứ trưởng B")."""
    return by_first.get(_past_title_before_name(parsed, skip_address(parsed.tokens, k)))


def _past_title_before_name(parsed: Parsed, k: int) -> int:
    """The name's first token when a title written right before a name opens at `k` ("Thứ trưởng B"), else `k`."""
    titled = parsed.titles_at.get(k)
    if titled is not None and titled.next_name is not None and titled.last + 1 == titled.next_name.first:
        return titled.next_name.first
    return k


def subject_after(
    parsed: Parsed, mentions: list[Mention], by_first: ByFirst, trigger: int, last: TitleSpan
) -> Mention | None:
    """The person named (or called "ông"/"bà") right after a list of titles that an election or appointment
    phrase opens with no one before it in the clause: "Trong thời gian giữ các cương vị T1, T2, bà B tham
    gia …" (B), "… giữ chức T1, T2, bà đã ký …" (the last person called "bà" before)."""
    tokens = parsed.tokens
    k = term_end(tokens, last.last + 1)
    k += int(k < len(tokens) and tokens[k].key == ",")
    named = skip_address(tokens, k)
    if named in by_first:
        return by_first[named]
    if named != k + 1 or tokens[k].key not in ADDRESS_TERMS or not tokens[named].is_lower_word:
        return None
    firsts = by_first.firsts
    for index in range(bisect_left(firsts, trigger) - 1, -1, -1):  # a pronoun: the last person so addressed
        first = firsts[index]
        if trigger - first > MAX_PRONOUN_REACH:
            break
        if tokens[first - 1].key == tokens[k].key:
            return mentions[index]
    return None


def linked_title_owner(tokens: list[Token], trigger: int, linked: dict[int, Mention]) -> Mention | None:
    """The person of a title given just before the trigger at `trigger`: "bà A từ T1 được bổ nhiệm làm T2"."""
    k = trigger - 1
    while k > 0 and trigger - k <= MAX_LINK_WORDS and tokens[k].key in LINK_WORDS and tokens[k].is_lower_word:
        k -= 1
    if tokens[k].key == ",":
        k -= 1
    return linked.get(k)


def linked_person(tokens: list[Token], trigger: int, ends: MentionEnds, linked: dict[int, Mention]) -> Mention | None:
    """The person a "là"/"làm" at `trigger` speaks of across linking words: "A từng là T", "A nguyên là T1,
    nay là T2", "A lại được điều về làm T"."""
    k = _moved_to(tokens, trigger)
    if tokens[k].key == ")":  # "(do bà A, Phó Bí thư Đảng ủy phường (cũ) làm Trưởng ban)"
        k = parenthesis_start(tokens, k) - 1
    while k > 0 and trigger - k <= MAX_LINK_WORDS and tokens[k].key in LINK_WORDS and tokens[k].is_lower_word:
        k -= 1
    if k < trigger - 1 and tokens[k].key == ")":  # "Ông A (gọi ông B bằng cậu) đang là T"
        k = parenthesis_start(tokens, k) - 1
    elif k > 0 and tokens[k].key == "(":  # "ông A (đang làm T) đã …": the parenthesis speaks of A
        k -= 1
    if tokens[k].key == "," and k - 1 in linked:
        return linked[k - 1]
    if k < trigger - 1 and k in linked:  # "nguyên là T1 và hiện là T2"
        return linked[k]
    comma = k if tokens[k].key == "," else None
    # "Đồng chí A, làm trưởng thôn B từ năm 1992", "do ông A - phó bí thư Thành ủy - làm trưởng đoàn"
    bare = k == trigger - 1 and tokens[k].key in (",", "-", "–")
    if (k < trigger - 1 and tokens[k].key in (",", "-")) or bare:
        k -= 1  # "A - nguyên là T", "A, hiện là T"
    if comma is not None and k < comma and tokens[k].key == ")":
        k = parenthesis_start(tokens, k) - 1  # "A (36 tuổi), hiện là T": the note on A, then the link
    found = ends.mention_ending_at(k) or ends.mention_ending_at(term_start(tokens, k) - 1)
    if bare and found is not None and not (found.titles or found.marker):
        return None  # "B, Chủ tịch Quỹ văn hóa Phan Châu Trinh, là …": a name inside a title speaks of no one
    if found is None and comma is not None:  # "A sinh ngày …, (từng) là T"
        found = _born_aside_subject(tokens, comma, ends)
    if found is None and k + 1 < trigger and tokens[k + 1].key == "và":  # "A, cựu quan chức B và hiện là T"
        found = _former_aside_subject(tokens, k, ends)
    if found is not None and comma is not None:
        return _server_of(tokens, found, linked) or found
    before = ends.mention_ending_at(comma - 1) if comma is not None else None
    if found is None and before is not None:
        return _server_of(tokens, before, linked)  # "… cho B, là T2": only the career of B's server goes on
    return found


MOVE_WORDS: frozenset[str] = words("về ra vào lên")
MAX_PLACE_WORDS = 3


def _moved_to(tokens: list[Token], trigger: int) -> int:
    """The token before the trigger at `trigger`, or the "về" before the place a person moved to ("A về Hà Nội
    làm T")."""
    k = trigger - 1
    m = k
    while m > 0 and k - m < MAX_PLACE_WORDS and tokens[m].is_word and tokens[m].is_cap and not tokens[m].is_abbr:
        m -= 1
    return m if m < k and tokens[m].key in MOVE_WORDS and tokens[m].is_lower_word else k


def _server_of(tokens: list[Token], served: Mention, linked: dict[int, Mention]) -> Mention | None:
    """The person whose post served the leader `served` ("A từng là Thư ký cho Ủy viên Bộ Chính trị B, là Phó
    Chánh Văn phòng, rồi là …": the career goes on after B's name, and it is A's)."""
    first = min([served.name.first, *(t.first for t in served.titles if t.first < served.name.first)])
    if first < 2 or tokens[first - 1].key != "cho":
        return None
    return linked.get(first - 2)


MAX_BIRTH_ASIDE = 16


def _born_aside_subject(tokens: list[Token], comma: int, ends: MentionEnds) -> Mention | None:
    """The person named right before an aside on their birth that ends at `comma`: "Ông A sinh ra tại B, C, là
    Thượng tướng", "bà D, sinh năm 1975, quê xã E, là …", "ông A có học vị tiến sĩ, là …" (the aside holds no
    clause end and no other name)."""
    for k in range(comma - 1, max(0, comma - MAX_BIRTH_ASIDE), -1):
        key = tokens[k].key
        if key in CLAUSE_END or key == ":":
            return None
        if key == "tuổi" and k >= 2 and tokens[k - 1].key.isdigit():
            # "ông A, 52 tuổi, quê B, từng là T", "bà A 50 tuổi, quê B, từng là T": the age opens the aside
            person = ends.mention_ending_at(k - 3 if tokens[k - 2].key == "," else k - 2)
            if person is not None:
                return person
        if key == "sinh" or (key == "quê" and tokens[k - 1].key == ",") or _degree_aside(tokens, k):
            before = k - 1
            if tokens[before].key == "," and ends.mention_ending_at(before - 1) is None:
                continue  # "…, quê X": an earlier part of the same aside ("sinh năm 1975, quê …")
            before = before - 1 if tokens[before].key == "," else before
            person = ends.mention_ending_at(before)
            if person is not None:
                return person
    return None


# Words after "có" that open an aside on a person's degree ("Ông A có học vị tiến sĩ, là …", "có trình độ …").
DEGREE_WORDS: frozenset[str] = words("học trình")


def _degree_aside(tokens: list[Token], k: int) -> bool:
    """Whether "có học vị/học hàm/trình độ" opens at `k`: an aside like a birth's, on the person before it."""
    return tokens[k].key == "có" and k + 1 < len(tokens) and tokens[k + 1].key in DEGREE_WORDS


MAX_FORMER_ASIDE = 10
# Words opening an aside on what a person was before ("A, cựu quan chức NATO và hiện là T").
FORMER_WORDS: frozenset[str] = words("cựu nguyên")


def _former_aside_subject(tokens: list[Token], last: int, ends: MentionEnds) -> Mention | None:
    """The person named right before an aside on their former role that ends at `last`, joined by "và" to
    what they are now: "ông A, cựu quan chức NATO và hiện là Chủ tịch …" (no clause end, no name inside)."""
    for k in range(last, max(0, last - MAX_FORMER_ASIDE), -1):
        key = tokens[k].key
        if key in CLAUSE_END or key == ":" or ends.mention_ending_at(k) is not None:
            return None
        if key in FORMER_WORDS and tokens[k - 1].key == ",":
            return ends.mention_ending_at(k - 2)
    return None


# Forms of address after which a bare "với" names the person a post is taken from or given to.
GROUP_ADDRESS_TERMS: frozenset[str] = words("ông bà")


def addressees_after(parsed: Parsed, j: int) -> list[int]:
    """The names in "... chức vụ T (nhiệm kỳ …) đối với ông A (…) và ông B": their first token indexes."""
    tokens, title_end = parsed.tokens, j
    j = term_end(tokens, j)
    while j + 1 < len(tokens) and tokens[j].key == "và" and term_end(tokens, j + 1) > j + 1:
        j = term_end(tokens, j + 1)  # "nhiệm kỳ 2005 - 2010 và nhiệm kỳ 2010 - 2015"
    if title_end < j < len(tokens) and tokens[j].key == ",":
        j += 1  # the term set off by commas: "miễn nhiệm Phó Chủ tịch UBND tỉnh, nhiệm kỳ 2021-2026, đối với …"
    j = _past_lower_qualifier(tokens, j)
    keys = [t.key for t in tokens[j : j + 3]]
    if keys[:2] == ["đối", "với"]:
        j += 2
    elif keys[:1] == ["với"] and keys[1:2] and keys[1] in GROUP_ADDRESS_TERMS:
        j += 1  # "cho thôi nhiệm vụ đại biểu Quốc hội với ông A"
    elif keys[:1] == ["của"] and _counted_addressees(tokens, j + 1):
        j += 1  # "miễn chức vụ T của hai ông A, T1 và ông B, T2": the people the post is taken from
    else:
        return []
    found: list[int] = []
    j, listed = _list_opening(tokens, j)
    while j in parsed.names_at:
        found.append(j)
        k = skip_parenthesis(tokens, parsed.names_at[j].last + 1)
        if listed:
            k = _item_titles_end(parsed, j, k)  # "các ông: A, Giám đốc Sở B; C, …": each item's own titles
        if k + 1 < len(tokens) and listed and tokens[k].key == "." and _item_start(tokens, k + 1) > k + 1:
            j = _item_start(tokens, k + 1)  # "1. Ông A, T1. 2. Ông B, T2": numbered items end with a full stop
            if j <= k + 3:
                break  # a number without its item mark is no item
            continue
        if k + 1 >= len(tokens) or tokens[k].key not in ((",", "và", ";") if listed else (",", "và")):
            break
        j = _item_start(tokens, k + 1) if listed else skip_address(tokens, k + 1)
        if j == k + 1 and not listed:
            break  # "đối với ông A và các đơn vị": only people addressed as such
    return found


MAX_QUALIFIER_WORDS = 20  # "và các chức vụ có liên quan để nghỉ công tác và nghỉ hưu theo nguyện vọng"


def _past_lower_qualifier(tokens: list[Token], j: int) -> int:
    """Where "đối với" starts when only lower-case words stand between the post and it (the other posts and why:
    "cho thôi chức vụ T và các chức vụ có liên quan để nghỉ hưu theo nguyện vọng đối với ông A"); else `j`."""
    for k in range(j, min(len(tokens) - 1, j + MAX_QUALIFIER_WORDS)):
        if (tokens[k].key, tokens[k + 1].key) == ("đối", "với"):
            return k
        if not tokens[k].is_lower_word:
            break
    return j


MAX_COUNTED_MEMBERS = 8


def members_after_copula(parsed: Parsed, j: int) -> list[int]:
    """The people a counted post names after "là"/"gồm" at token `j`: "bổ nhiệm 3 Thứ trưởng là Đại tá A (T1); B
    (T2) và C (T3)", each item perhaps ranked, addressed or given its own posts; their first token indexes."""
    tokens = parsed.tokens
    if j >= len(tokens) or tokens[j].key not in ("là", "gồm"):
        return []
    j += 1 + int(j + 1 < len(tokens) and tokens[j + 1].key == ":")
    found: list[int] = []
    j = _ranked_item_start(parsed, j)
    while j in parsed.names_at and len(found) < MAX_COUNTED_MEMBERS:
        found.append(j)
        k = _item_titles_end(parsed, j, skip_parenthesis(tokens, parsed.names_at[j].last + 1))
        if k + 1 >= len(tokens) or tokens[k].key not in (",", ";", "và"):
            break
        j = _ranked_item_start(parsed, k + 1)
    return found


def _ranked_item_start(parsed: Parsed, j: int) -> int:
    """Past an item's address and the rank or title written right before its name ("Phó đô đốc hải quân A")."""
    return _past_title_before_name(parsed, _item_start(parsed.tokens, j))


# Words between "các ông" and the colon of a list of people ("đối với các ông có tên sau đây:").
LIST_LEAD_WORDS: frozenset[str] = words("có tên sau đây dưới")
MAX_LIST_LEAD = 5


# Counts before a form of address that make the people after it a list ("hai ông A, T1 và ông B, T2").
ADDRESSEE_COUNTS: frozenset[str] = words("hai ba bốn năm sáu bảy tám chín mười")


def _counted_addressees(tokens: list[Token], j: int) -> bool:
    """Whether a count and a form of address for a group open at token `j` ("hai ông", "3 bà")."""
    if j + 1 >= len(tokens):
        return False
    counted = tokens[j].key in ADDRESSEE_COUNTS or tokens[j].key.isdigit()
    return counted and tokens[j + 1].key in GROUP_ADDRESS_TERMS


def _list_opening(tokens: list[Token], j: int) -> tuple[int, bool]:
    """Where the people after "đối với" start, and whether they are a list that a colon opens ("các ông: 1. A,
    T; 2. B"), whose items may carry titles of their own."""
    k = j + 1 if j < len(tokens) and tokens[j].key == "các" else j
    end = skip_address(tokens, k)
    if end > k:
        while end < len(tokens) and end - k <= MAX_LIST_LEAD and tokens[end].key in LIST_LEAD_WORDS:
            end += 1  # "đối với các ông có tên sau đây:"
    if end > k and end < len(tokens) and tokens[end].key == ":":
        return _item_start(tokens, end + 1), True
    if end > k and tokens[end - 1].key == ":":
        return _item_start(tokens, end), True  # skip_address took the colon ("các ông: A")
    counted = _counted_group_end(tokens, j)
    if counted is not None:
        return _item_start(tokens, counted), True
    if _counted_addressees(tokens, j):
        return _item_start(tokens, j + 1), True  # "hai ông A, T1 và ông B, T2": each item with its own titles
    return skip_address(tokens, j), False


# Nouns that count the people a list then names ("đối với 3 cán bộ gồm: A, B và C").
GROUP_NOUNS: frozenset[tuple[str, str]] = frozenset([("cán", "bộ"), ("đồng", "chí")])


def _counted_group_end(tokens: list[Token], j: int) -> int | None:
    """Past the colon of "3 cán bộ gồm:" / "các đồng chí sau:" at token `j`, else None."""
    if j + 3 >= len(tokens) or not (tokens[j].key.isdigit() or tokens[j].key == "các"):
        return None
    if (tokens[j + 1].key, tokens[j + 2].key) not in GROUP_NOUNS:
        return None
    end = j + 3
    while end < len(tokens) and end - j <= MAX_LIST_LEAD and tokens[end].key in LIST_LEAD_WORDS | {"gồm"}:
        end += 1
    return end + 1 if end < len(tokens) and tokens[end].key == ":" else None


def _item_start(tokens: list[Token], j: int) -> int:
    """Past an item's number ("1.", "2)"), form of address and rank at token `j`."""
    if j + 1 < len(tokens) and tokens[j].key.isdigit() and tokens[j + 1].key in (".", ")", "/"):
        j += 2
    j = skip_address(tokens, j)
    if j + 2 < len(tokens) and (tokens[j].key, tokens[j + 1].key) in RANK_HEADS:
        j += 2  # "Đại tá A (…), thượng tá B": a rank of its own before the name
    return j


def _item_titles_end(parsed: Parsed, first: int, k: int) -> int:
    """Past the titles a listed person's own item gives after the name (", Giám đốc Sở B, Bí thư …", ", sinh ngày
    …, Thẩm phán cao cấp, …"), the name starting at token `first` and ending before token `k`."""
    tokens = parsed.tokens
    titles = titles_after(parsed, parsed.names_at[first].last + 1)
    if titles:
        k = max(k, skip_parenthesis(tokens, term_end(tokens, titles[-1].last + 1)))
    # not a title before the next item's name ("…), đại tá B"): that is the next item's own
    while k + 1 < len(tokens) and tokens[k].key in (",", "-") and _item_title_at(parsed, k + 1):
        k = skip_parenthesis(tokens, term_end(tokens, parsed.titles_at[k + 1].last + 1))
    return k


def _item_title_at(parsed: Parsed, k: int) -> bool:
    span = parsed.titles_at.get(k)
    return span is not None and span.next_name is None


def group_before(parsed: Parsed, ends: MentionEnds, trigger: int) -> list[Mention]:
    """The people a trigger at token `trigger` refers to: the names closest before it in its clause."""
    tokens = parsed.tokens
    earlier = ends.before(trigger)
    if not earlier:
        return []
    closest = ends.at(earlier, -1)
    gap = range(closest.end_token + 1, trigger)
    glued = sum(1 for k in gap if _glued_dot(tokens, k))  # "TP.HCM" is one word of three tokens
    if len(gap) - 2 * glued > MAX_TRIGGER_GAP:
        return []
    if any((tokens[k].text in CLAUSE_END and not _glued_dot(tokens, k)) or "\n" in tokens[k].text for k in gap):
        return []
    if "\n" in parsed.text[closest.name.end : tokens[trigger].start] or _speech_opens_in(tokens, gap):
        return []
    group = [closest]
    if _inside_note_of(tokens, closest, trigger) and tokens[closest.name.last + 2].key not in PLURAL_NOTE_OPENERS:
        return group  # "A, B (phạm pháp khi giữ cương vị T), C": the note speaks of B alone; "(đều là T)" of all
    for index in range(len(earlier) - 2, -1, -1):
        prev = ends.at(earlier, index)
        if group[-1].name.first - prev.end_token - 1 > MAX_TRIGGER_GAP:
            break
        between = tokens[_past_note(tokens, prev.end_token + 1) : group[-1].name.first]
        if not all(t.key in GROUP_GAP for t in between) or "\n" in parsed.text[prev.name.end : group[-1].name.start]:
            break
        group.append(prev)
    return group


# Quotation marks that open a person's words after a colon, and the pronouns by which the speaker means himself.
OPENING_QUOTES: frozenset[str] = frozenset('"“')
FIRST_PERSON: frozenset[str] = words("tôi")


def _speech_opens_in(tokens: list[Token], gap: range) -> bool:
    """Whether a quotation opens after a colon in `gap` and the speaker has not spoken of himself before the post:
    a post named in someone's words ('A hỏi: "Với tư cách Bộ trưởng …"') is the one spoken to or of, not the
    speaker's ('bà A khẳng định: "Việc tôi ký … ở vị trí Chủ tịch UBND tỉnh"' is hers)."""
    opened = next(
        (k + 1 for k in gap if tokens[k].key == ":" and k + 1 < len(tokens) and tokens[k + 1].key in OPENING_QUOTES),
        None,
    )
    return opened is not None and not any(tokens[k].key in FIRST_PERSON for k in range(opened, gap.stop))


def _glued_dot(tokens: list[Token], k: int) -> bool:
    """Whether the full stop at `k` sits inside an abbreviation, glued to letters on both sides ("TP.HCM")."""
    return (
        tokens[k].key == "."
        and 0 < k < len(tokens) - 1
        and tokens[k - 1].end == tokens[k].start
        and tokens[k].end == tokens[k + 1].start
        and tokens[k + 1].is_word
    )


def _age_aside_end(tokens: list[Token], k: int) -> bool:
    """Whether token `k` ends an age aside after a comma (", 52 tuổi")."""
    return k >= 2 and tokens[k].key == "tuổi" and tokens[k - 1].key.isdigit() and tokens[k - 2].key == ","


# Words opening a note that speaks of every person listed before it: "ông A và ông B (đều là Phó giám đốc bệnh viện)".
PLURAL_NOTE_OPENERS: frozenset[str] = words("đều cùng")


def _inside_note_of(tokens: list[Token], mention: Mention, trigger: int) -> bool:
    """Whether token `trigger` lies inside a parenthesis opened right after the mention's name."""
    opening = mention.name.last + 1
    if opening >= trigger or tokens[opening].key != "(":
        return False
    return all(t.key != ")" for t in tokens[opening + 1 : trigger])


def _past_note(tokens: list[Token], k: int) -> int:
    """Index after the note in parentheses that closes a listed person's mention at token `k` ("bầu ông A (51
    tuổi) và ông B …", "ông A (51 tuổi, Giám đốc Sở X) và ông B …": the note's own titles end the mention before
    its ")"), else `k`."""
    if k < len(tokens) and tokens[k].key == ")":
        return k + 1
    if k + 2 < len(tokens) and _age_aside_end(tokens, k + 2):
        return k + 3  # "ông A, 51 tuổi và ông B, 44 tuổi được bầu làm T"
    return skip_parenthesis(tokens, k)
