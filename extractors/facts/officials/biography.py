"""Career summaries: the titles of a biography block are those of the one person it opens with.

Appointment, election and obituary articles end with a summary of the person's career, named once at its top:
"Tóm tắt quá trình công tác của đồng chí A: Từ năm 2005 đến năm 2010: Phó Chủ tịch UBND huyện B; …", or a
sentence "Ông A sinh năm 1965, quê …" then "Năm 1985, Ủy viên Ban Thường vụ …", "+ Tháng 5/2010: Bí thư Huyện ủy
…". No name stands beside those titles, so the other rules leave them to no one. A block runs sentence by
sentence while its sentences open with a date, with "Ông"/"Bà"/"Đồng chí" or the person's name, or hold a card's
field ("Quê quán:", "Quá trình công tác:"); it ends at a sentence naming anyone else (a roster is no biography),
or after two sentences in a row without such an opening.
"""

from __future__ import annotations

import re
from operator import attrgetter

from extractors.facts.officials.context import Parsed, ends_clause, post_of_another
from extractors.facts.officials.mentions import Mention
from extractors.facts.person_names import NameSpan, Token, name_key, words
from extractors.facts.titles import TitleSpan
from extractors.facts.titles.vocabulary import APPOINTING_VERB_PAIRS

# Headings that open a career summary with the person's name after them ("Tiểu sử đồng chí A", "Tóm tắt quá
# trình công tác của tân Bí thư Tỉnh ủy A", "Họ và tên: A").
HEADINGS: tuple[tuple[str, ...], ...] = (("tiểu", "sử"), ("quá", "trình", "công", "tác"), ("họ", "và", "tên"))
HEADINGS_BY_FIRST_WORD: dict[str, list[tuple[str, ...]]] = {}
for _heading in HEADINGS:
    HEADINGS_BY_FIRST_WORD.setdefault(_heading[0], []).append(_heading)
MAX_HEADING_GAP = 10  # "Quá trình công tác của tân Bí thư Thành ủy TP.HCM A": a title may stand between
# Words opening a dated line ("Từ năm 2005", "Năm 1985", "Tháng 7/2006", "Đầu năm 2010", "Sau đó").
DATE_WORDS: frozenset[str] = words("từ năm tháng đến trước sau cuối đầu giữa ngày")
BULLETS: frozenset[str] = frozenset(["+", "-", "–", "—", "•", "*"])
PRONOUNS: frozenset[str] = words("ông bà")
# Fields of a career card, whose sentence belongs to the biography wherever it stands.
CARD_FIELDS: tuple[tuple[str, ...], ...] = (
    ("quê", "quán"),
    ("dân", "tộc"),
    ("vào", "đảng"),
    ("quá", "trình", "công", "tác"),
    ("tiểu", "sử"),
    ("trình", "độ"),
)
SENTENCE_MARKS: frozenset[str] = frozenset(".!?")
MAX_BARE_SENTENCES = 1  # a sentence with no opening cue is passed over; two in a row end the block


def give_biography_titles(parsed: Parsed, mentions: list[Mention]) -> None:
    """Add to the person a biography opens with every title of its block that no mention holds."""
    by_first = {mention.name.first: mention for mention in mentions}
    openings = [(name, by_first[name.first]) for name in _openings(parsed) if name.first in by_first]
    if not openings:
        return  # most texts: the sentences and titles below are read only for a biography's blocks
    held = {span.first for mention in mentions for span in mention.titles}
    sentences = _sentences(parsed)
    ends = {span.last: span for span in parsed.titles_at.values()}
    in_order = sorted(parsed.titles_at.values(), key=lambda s: s.first)
    places = [m for m in mentions if _unit_named_after_place(parsed, m, ends)]
    for name, mention in openings:
        # a listed place read as a name ("Bí thư Tỉnh ủy Sơn Tây, Hà Đông") names no one else
        people = {
            m.name.first for m in mentions if (m.titles or m.marker) and m not in places and not m.name.place_like
        }
        for first, last in _block(parsed, sentences, name, people):
            for place in places:
                if first <= place.name.first <= last:
                    held -= {span.first for span in place.titles}
                    place.titles.clear()
            dated = _dated(parsed.tokens, first)
            for span in in_order:
                if not first <= span.first <= last or span.first in held or _of_another(parsed, span):
                    continue
                if dated or _listed(parsed, span, first, ends):
                    mention.titles.append(span)
                    held.add(span.first)
                    if _in_past_range(parsed.tokens, first, span.first):
                        parsed.past_posts.add(span.first)


# Words that open a list of posts ("Ông là T1, T2", "làm T", "giữ chức T", "1985 - 1990: T", "…; T").
LIST_OPENERS: frozenset[str] = frozenset([":", ";", "+", "là", "làm", "chức", "vụ", "danh"])
# Words passed over between the posts of a list: separators and their terms ("các khóa VII, VIII").
LIST_FILLERS: frozenset[str] = frozenset([",", "và", "kiêm", "rồi", "các", "khóa", "khoá", "nhiệm", "kỳ", "-", "–"])


def _listed(parsed: Parsed, span: TitleSpan, first: int, ends: dict[int, TitleSpan]) -> bool:
    """Whether a title in a sentence of no date stands in a list of posts that a list opener starts ("Ông là
    T1, T2 khóa X; T3"), not in a sentence's other business ("… văn bản của Quốc hội, Thủ tướng Chính phủ")."""
    tokens = parsed.tokens
    k = span.first - 1
    while k >= first:
        key = tokens[k].key
        if key in LIST_OPENERS or key[:1].isdigit():
            return True
        if k in ends:
            k = ends[k].first - 1
        elif key in LIST_FILLERS or _numeral(tokens[k].text):
            k -= 1
        else:
            return False
    return False


def _numeral(word: str) -> bool:
    return word.isdigit() or (word.isupper() and set(word) <= set("IVXL"))


# Words of a date range's head ("Từ tháng 5 năm 2005 đến tháng 6/2010", "1990 - 1995", "Tháng 6/2021 – nay").
RANGE_WORDS: frozenset[str] = DATE_WORDS | words("tới nay hiện -") | frozenset(["/"])
RANGE_ENDS: frozenset[str] = words("đến tới -")
OPEN_ENDS: frozenset[str] = words("nay hiện")


def _in_past_range(tokens: list[Token], first: int, title: int) -> bool:
    """Whether the title at token `title` of a sentence opening at `first` lies in a clause dated to a closed
    past range: the nearest dated clause before it ("Từ năm 1995 đến năm 2001: T1; T2" dates T1 and T2) opens
    with a range whose end is a date, not "nay" ("Từ 2020 đến nay: T" is held now)."""
    starts = [first] + [k + 1 for k in range(first, title) if tokens[k].key == ";"]
    for start in reversed(starts):
        if _dated(tokens, start):
            return _closed_range(tokens, start)
    return False


def _closed_range(tokens: list[Token], start: int) -> bool:
    k = start
    while k < len(tokens) and tokens[k].key in BULLETS:
        k += 1
    head: list[str] = []
    while k < len(tokens) and (tokens[k].key in RANGE_WORDS or tokens[k].key[:1].isdigit()):
        head.append(tokens[k].key)
        k += 1
    if OPEN_ENDS & set(head):
        return False
    # a year on each side of the range word: "Tháng 8-2007" is one date, "5/2005 - 6/2010" a range
    ends = [i for i, key in enumerate(head) if key in RANGE_ENDS]
    return any(_has_year(head[:i]) and _has_year(head[i + 1 :]) for i in ends)


_YEAR = re.compile(r"(?:\d{1,2}[./-]){0,2}(?:19|20)\d\d")


def _has_year(keys: list[str]) -> bool:
    return any(_YEAR.fullmatch(key) for key in keys)


def _dated(tokens: list[Token], first: int) -> bool:
    """Whether a sentence opens with a date ("Từ năm 1975 đến năm 1980:", "+ Tháng 7/2006", "1990 - 1995:")."""
    k = first
    while k < len(tokens) and tokens[k].key in BULLETS:
        k += 1
    if k >= len(tokens):
        return False
    head = tokens[k].key
    return head.isdigit() or (
        head in DATE_WORDS and any(t.key[:1].isdigit() or t.key == "đó" for t in tokens[k + 1 : k + 4])
    )


# Words before a post that make it someone else's: whom the person served ("Thư ký cho Bí thư Tỉnh ủy", "thư ký
# Bộ trưởng", "trợ lý Chủ tịch") or who acted on them ("ông được Bộ trưởng Bộ Công an điều động").
OTHERS_POST_BEFORE: frozenset[str] = frozenset(["cho", "giúp", "ký", "lý", "được", "do", "bởi"])


PROVINCE_WORDS: frozenset[str] = frozenset(["tỉnh", "huyện", "thành", "tp", "quận", "thị"])


def _unit_named_after_place(parsed: Parsed, mention: Mention, ends: dict[int, TitleSpan]) -> bool:
    """A name right after a title, with no form of address, and followed by its province: the place the unit is
    named after ("Chánh Văn phòng Huyện đoàn Châu Thành, tỉnh Hậu Giang"), not a person."""
    tokens, name = parsed.tokens, mention.name
    after = tokens[name.last + 1 : name.last + 3]
    return (
        not mention.marker
        and name.first - 1 in ends
        and len(after) == 2
        and after[0].key == ","
        and after[1].key in PROVINCE_WORDS
    )


# Acts a post's holder does to the person right after the post ("Tháng 6-2018, Bộ trưởng Bộ Công an bổ nhiệm ông Văn
# làm …"): the post is the actor's, not the biography's subject's.
ACTS_ON_ANOTHER: frozenset[tuple[str, ...]] = APPOINTING_VERB_PAIRS | {("phân", "công"), ("ký",), ("trao",)}


def _of_another(parsed: Parsed, span: TitleSpan) -> bool:
    """Whether the post `span` is someone else's (see `OTHERS_POST_BEFORE`, `post_of_another`, `ACTS_ON_ANOTHER`)."""
    tokens, first = parsed.tokens, span.first
    if post_of_another(tokens, first) or (first > 0 and tokens[first - 1].key in OTHERS_POST_BEFORE):
        return True
    after = tuple(token.key for token in tokens[span.last + 1 : span.last + 3])
    return after[:1] in ACTS_ON_ANOTHER or after[:2] in ACTS_ON_ANOTHER


def _sentences(parsed: Parsed) -> list[tuple[int, int]]:
    """Token ranges of the text's sentences: cut after ".", "!", "?" and at line breaks."""
    tokens, text = parsed.tokens, parsed.text
    found: list[tuple[int, int]] = []
    start = 0
    # The next line break after the token before (no token holds one): found once per line, not sliced out of
    # the gap between every two tokens.
    line_break = text.find("\n")
    for k in range(len(tokens)):
        if 0 <= line_break < tokens[k].start:  # a break between tokens k - 1 and k
            if k > start:
                found.append((start, k - 1))
                start = k
            line_break = text.find("\n", tokens[k].end)
        if tokens[k].key in SENTENCE_MARKS and ends_clause(tokens, k):
            found.append((start, k))
            start = k + 1
    if start < len(tokens):
        found.append((start, len(tokens) - 1))
    return found


def _openings(parsed: Parsed) -> list[NameSpan]:
    """Names a biography opens with: "A sinh năm/ngày …" (not in a parenthesis, where it describes someone
    in the news) or the first name after a heading ("Tiểu sử đồng chí A")."""
    tokens = parsed.tokens
    found: dict[int, NameSpan] = {}
    for name in parsed.names_at.values():
        j = name.last + 1
        if j < len(tokens) and tokens[j].key == ",":
            j += 1
        born = j + 1 < len(tokens) and tokens[j].key == "sinh" and tokens[j + 1].key in ("năm", "ngày", "tháng")
        born = born or _joined_party(tokens, j)
        if born and not _in_parenthesis(tokens, name.first):
            found[name.first] = name
    for k in [k for k, key in enumerate(map(attrgetter("key"), tokens)) if key in HEADINGS_BY_FIRST_WORD]:
        for heading in HEADINGS_BY_FIRST_WORD[tokens[k].key]:
            if tuple(t.key for t in tokens[k : k + len(heading)]) != heading:
                continue
            for j in range(k + len(heading), min(k + len(heading) + MAX_HEADING_GAP, len(tokens))):
                if j in parsed.names_at:
                    found.setdefault(j, parsed.names_at[j])
                    break
                if ends_clause(tokens, j):
                    break
    return [found[first] for first in sorted(found)]


# How an obituary or a portrait opens a career after the name, like a birth: "Đồng chí A được kết nạp Đảng năm
# 1934", "Ông A vào Đảng năm 1965".
JOINING: tuple[tuple[str, ...], ...] = (
    ("được", "kết", "nạp", "đảng"),
    ("được", "kết", "nạp", "vào", "đảng"),
    ("vào", "đảng"),
)


def _joined_party(tokens: list[Token], j: int) -> bool:
    """Whether the Party joining that opens a career stands at token `j`, with its year ("… năm 1934")."""
    for joining in JOINING:
        end = j + len(joining)
        if tuple(t.key for t in tokens[j:end]) == joining:
            return end + 1 < len(tokens) and tokens[end].key in ("năm", "ngày", "tháng")
    return False


def _in_parenthesis(tokens: list[Token], first: int) -> bool:
    for k in range(first - 1, max(-1, first - 4), -1):
        if tokens[k].key == "(":
            return True
        if tokens[k].key in (",", ".", ";", ")"):
            return False
    return False


def _block(parsed: Parsed, sentences: list[tuple[int, int]], name: NameSpan, people: set[int]) -> list[tuple[int, int]]:
    """The sentences of the biography opening at `name` that carry its titles; `people` are the first tokens
    of names mentioned as persons (with a title or a form of address; not a street's "số 5 Trần Thánh Tông")."""
    subject = name_key(name.text)
    kept: list[tuple[int, int]] = []
    bare = 0
    for first, last in sentences:
        if last < name.first:
            continue
        first = max(first, name.first)  # "… Hồng Anh. Linh cữu … Tóm tắt tiểu sử ông A": the block opens at A
        if _names_another(parsed, first, last, subject, people):
            break
        if first == name.first or _cued(parsed, first, last, subject):
            kept.append((first, last))
            bare = 0
            continue
        bare += 1
        if bare > MAX_BARE_SENTENCES:
            break
    return kept


def _same_person(key: str, subject: str) -> bool:
    """ "Khánh", "Quốc Khánh" or the full name again: the biography's person."""
    return key == subject or subject.endswith(" " + key) or subject.startswith(key + " ")


def _names_another(parsed: Parsed, first: int, last: int, subject: str, people: set[int]) -> bool:
    """Whether tokens `first`..`last` name a person other than the biography's."""
    for k in range(first, last + 1):
        other = parsed.names_at.get(k)
        if other is not None and k in people and not _same_person(name_key(other.text), subject):
            return True
    return False


MAX_FRONTED = 20  # tokens of a phrase before the comma after which the person is the subject


def _subject_at(parsed: Parsed, k: int, subject: str) -> bool:
    """Whether token `k` is "ông"/"bà" or the person's name."""
    if parsed.tokens[k].key in PRONOUNS or (parsed.tokens[k].key, _key_at(parsed.tokens, k + 1)) == ("đồng", "chí"):
        return True  # "…, ông tiếp tục …", "…, đồng chí đã trải qua …"
    name = parsed.names_at.get(k)
    return name is not None and _same_person(name_key(name.text), subject)


def _key_at(tokens: list[Token], k: int) -> str:
    return tokens[k].key if k < len(tokens) else ""


def _cued(parsed: Parsed, first: int, last: int, subject: str) -> bool:
    """Whether a sentence opens with a date, a pronoun or the person's name, or holds a card's field."""
    tokens = parsed.tokens
    k = first
    while k <= last and tokens[k].key in BULLETS:
        k += 1
    if k > last:
        return False
    head = tokens[k].key
    if _dated(tokens, first):
        return True
    comma = next((j for j in range(k, min(last, k + MAX_FRONTED)) if tokens[j].key == ","), None)
    if comma is not None and comma < last and _subject_at(parsed, comma + 1, subject):
        return True  # "Tại Đại hội VIII (tháng 6/1996), ông tiếp tục được bầu …"
    if head in PRONOUNS or (head == "đồng" and k + 1 <= last and tokens[k + 1].key == "chí"):
        return True
    name = parsed.names_at.get(k)
    if name is not None and _same_person(name_key(name.text), subject):
        return True
    keys = [t.key for t in tokens[first : last + 1]]
    return any(
        tuple(keys[i : i + len(field)]) == field for field in CARD_FIELDS for i in range(len(keys) - len(field) + 1)
    )
