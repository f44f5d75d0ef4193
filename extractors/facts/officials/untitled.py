"""People named without a title whom the text still places in a public body: a name listed between officials
("…; Hà Văn A, Lê Văn B, Phó trưởng ban …"), an employee called one after the name ("ông C, một cán bộ …") and the
members a public body's name lists after "gồm" ("Thường trực Huyện ủy … gồm các ông, bà: A, B, C")."""

from __future__ import annotations

import re

from extractors.facts.officials.context import Parsed
from extractors.facts.officials.mentions import Mention
from extractors.facts.person_names import Token, words

# What may stand between two items of a list of officials ("A, T; ông B, …").
ITEM_GAP: frozenset[str] = frozenset([";", ")"]) | words("ông bà")
# Nouns of a public employee after "một" ("ông C, một cán bộ đang bị khởi tố"): "công chức", "viên chức".
EMPLOYEE_NOUNS: frozenset[tuple[str, str]] = frozenset([("cán", "bộ"), ("công", "chức"), ("viên", "chức")])


def listed_among_officials(parsed: Parsed, mentions: list[Mention]) -> None:
    """A bare name that opens an item of a ";" list of officials and is followed by a comma and another
    official's name ("…; Hà Văn A, Lê Văn B, Phó trưởng ban …") is an official without a title: the singular
    title after the second name is the second's."""
    tokens = parsed.tokens
    for prev, mention, nxt in zip(mentions, mentions[1:], mentions[2:], strict=False):
        if mention.titles or mention.name.given_only or mention.marker not in ("", "address"):
            continue
        gap = [t.key for t in tokens[prev.end_token + 1 : mention.name.first]]
        if ";" not in gap or any(key not in ITEM_GAP for key in gap):
            continue
        if [t.key for t in tokens[mention.name.last + 1 : nxt.name.first]] != [","]:
            continue
        if prev.official and nxt.official and any(span.first > nxt.name.last for span in nxt.titles):
            mention.marker = "staff"


def called_employee(parsed: Parsed, mentions: list[Mention]) -> None:
    """ "ông C, một cán bộ …": a person the text calls a public employee right after the name, with no post, is an
    official without a title."""
    tokens = parsed.tokens
    for mention in mentions:
        j = mention.name.last + 1
        if mention.titles or mention.marker != "address" or j + 3 >= len(tokens):
            continue
        if tokens[j].key != "," or tokens[j + 1].key != "một":
            continue
        if (tokens[j + 2].key, tokens[j + 3].key) in EMPLOYEE_NOUNS and not _retired(tokens, j + 4):
            mention.marker = "staff"


# Words right after the employee noun that tell a former one ("một cán bộ lão thành … nghỉ hưu", "về hưu").
RETIRED_WORDS: frozenset[str] = words("hưu lão")
MAX_RETIRED_GAP = 6


def _retired(tokens: list[Token], j: int) -> bool:
    """Whether a word of retirement follows within a few words of token `j`, before the clause ends."""
    for token in tokens[j : j + MAX_RETIRED_GAP]:
        if not token.is_word:
            return False
        if token.key in RETIRED_WORDS:
            return True
    return False


# A deputy's delegation named right after the name, with no post ("ông A, Đoàn đại biểu Quốc hội tỉnh B", "ông A thuộc
# Đoàn ĐBQH tỉnh B"): the person sits in an elected body.
DELEGATION_OPENINGS: tuple[tuple[str, ...], ...] = (("đoàn", "đại", "biểu"), ("đoàn", "đbqh"))
DELEGATION_LINKS: frozenset[str] = frozenset([",", "thuộc"])


def delegation_member(parsed: Parsed, mentions: list[Mention]) -> None:
    """A person called "ông"/"bà" with no title whose deputies' delegation follows the name is an official
    without a title."""
    tokens = parsed.tokens
    for mention in mentions:
        j = mention.name.last + 1
        if mention.titles or mention.marker != "address" or j >= len(tokens) or tokens[j].key not in DELEGATION_LINKS:
            continue
        if any(tuple(t.key for t in tokens[j + 1 : j + 1 + len(words_)]) == words_ for words_ in DELEGATION_OPENINGS):
            mention.marker = "staff"


# A list of people after a public body's name and "gồm" ("Thường trực Huyện ủy Hóc Môn (giai đoạn 1993-2000) gồm các
# ông, bà: A, B, C"): the body's members, officials whether or not a post is named. What may stand between the
# names, back to "gồm":
MEMBER_LIST_GAP: frozenset[str] = frozenset([",", ";", ":"]) | words("và các ông bà đồng chí")
PUBLIC_BODY = re.compile(
    r"(?:Huyện|Tỉnh|Thành|Quận|Thị|Đảng) [uủ]y|UBND|HĐND|Thường trực|Thường vụ|Ban Chấp hành|Ban (?:C|c)hỉ đạo"
    r"|(?:Đoàn|Tổ) (?:kiểm tra|công tác|thanh tra|giám sát|đại biểu)"
)
PRIVATE_BODY = re.compile(r"HĐQT|Hội đồng quản trị|[Cc]ông ty|[Gg]ia đình|[Dd]oanh nghiệp")
CLAUSE_ENDS = re.compile(r"[.;!?]")
MAX_BODY_CHARS_BEFORE = 120


def members_listed_under_body(parsed: Parsed, mentions: list[Mention]) -> None:
    """A bare name in the list a public body's name opens with "gồm" is an official without a title."""
    heads = _member_list_heads(parsed)
    for mention in mentions:
        if mention.titles or mention.name.given_only or mention.marker not in ("", "address"):
            continue
        head = heads.get(mention.name.first)
        if head is not None and _public_body_before(parsed.text, parsed.tokens[head].start):
            mention.marker = "staff"


def _member_list_heads(parsed: Parsed) -> dict[int, int]:
    """For each name (by its first token) that stands in a list opened by "gồm", the index of that "gồm": read in
    one pass, each name reaching back only to the name before it, so that a long list costs its length."""
    tokens = parsed.tokens
    heads: dict[int, int] = {}
    head_by_last: dict[int, int] = {}
    for first in sorted(parsed.names_at):
        k = first - 1
        while k >= 0 and k not in head_by_last and tokens[k].key != "gồm" and tokens[k].key in MEMBER_LIST_GAP:
            k -= 1
        head = k if k >= 0 and tokens[k].key == "gồm" else head_by_last.get(k)
        if head is not None:
            heads[first] = head
            head_by_last[parsed.names_at[first].last] = head
    return heads


def _public_body_before(text: str, end: int) -> bool:
    """Whether the clause before `end` names a public body and no firm or family."""
    before = text[max(0, end - MAX_BODY_CHARS_BEFORE) : end]
    clause = before[max((m.end() for m in CLAUSE_ENDS.finditer(before)), default=0) :]
    return PUBLIC_BODY.search(clause) is not None and PRIVATE_BODY.search(clause) is None
