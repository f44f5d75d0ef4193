"""The people a plural title names further on in its sentence: after "là" ("bầu hai Phó bí thư Tỉnh ủy là các
ông A, T và ông B, T", "hai phó bí thư được bầu là A (T) và ông B") or after a later "như:" ("một số Ủy viên
Ban Thường vụ vẫn đảm nhiệm các vị trí cũ, như: bà A, T; ông B, T"); and the age asides between such items
("là ông A, 51 tuổi và ông B, 44 tuổi") and the terms that close their titles."""

from __future__ import annotations

from extractors.facts.officials.context import CLAUSE_END, plural_before, skip_address
from extractors.facts.person_names import Token, words
from extractors.facts.titles import TitleSpan, skip_term, starts_title

# Words between a plural title and the "là" that lists its holders ("hai phó bí thư được bầu là …", "hai phó thủ
# tướng tái đắc cử …", "các bộ trưởng trúng cử …").
ELECTED_WORDS: frozenset[str] = words("được bầu vừa mới tái cử trúng đắc")
MAX_ELECTED_WORDS = 4
# After the election words, the body elected to and when, before the "là": "tái đắc cử BCH lần này là A và B",
# "trúng cử vào Ban Chấp hành Trung ương là …". A body is capitalised words; "lần này" is the only time said.
ELECTED_INTO = "vào"
MAX_BODY_WORDS = 6
THIS_TIME: tuple[str, str] = ("lần", "này")
# Words that open the list of a plural title's holders ("… là các ông A, B", "… được bầu gồm ông A và ông B").
LIST_VERBS: frozenset[str] = words("là gồm")
MAX_SUCH_AS_REACH = 24  # tokens from a plural title to the "như:" opening its holders


def some_before(tokens: list[Token], first: int) -> bool:
    """Whether a plural word, a number or "một số" stands right before token `first`."""
    return plural_before(tokens, first) or (
        first >= 2 and (tokens[first - 2].key, tokens[first - 1].key) == ("một", "số")
    )


def plural_list_start(tokens: list[Token], span: TitleSpan) -> int | None:
    """Where the holders of a plural title are listed after "là" or a later "như:", else None."""
    if span.first == 0 or not some_before(tokens, span.first):
        return None
    j = skip_term(tokens, span.last + 1)
    k = j
    while k < len(tokens) and k - j < MAX_ELECTED_WORDS and tokens[k].key in ELECTED_WORDS:
        k += 1
    k = _past_elected_body(tokens, k) if k > j else _past_passive(tokens, j)
    if k + 1 < len(tokens) and tokens[k].key == "," and tokens[k + 1].key in LIST_VERBS:
        k += 1  # "bầu 3 Phó bí thư, là các ông A, B và C"
    if k < len(tokens) and tokens[k].key in LIST_VERBS and tokens[k].is_lower_word:
        k += 1
        if k < len(tokens) and tokens[k].key in ("các", "có"):
            k += 1  # "là các ông", "gồm có"
        return skip_address(tokens, k)
    return _such_as_start(tokens, j)


# Passive markers that open what befell a plural title's holders before the "là" listing them ("2 phó chủ tịch
# bị khiển trách là các ông A, B", "3 trưởng phòng được điều động là …"): a few lower-case words of the verb follow.
PASSIVE_MARKERS: frozenset[str] = words("bị được")
MAX_PASSIVE_WORDS = 4


def _past_passive(tokens: list[Token], j: int) -> int:
    """Index of the "là" after a passive phrase at `j` ("bị khiển trách là"), else `j`."""
    if j >= len(tokens) or tokens[j].key not in PASSIVE_MARKERS or not tokens[j].is_lower_word:
        return j
    for k in range(j + 1, min(len(tokens), j + 2 + MAX_PASSIVE_WORDS)):
        if tokens[k].key in LIST_VERBS:
            return k if k > j + 1 else j
        if not tokens[k].is_lower_word:
            return j
    return j


def _past_elected_body(tokens: list[Token], k: int) -> int:
    """Index past the body and the time an election phrase names before its "là" ("BCH lần này", "vào Ban Chấp
    hành Trung ương khóa X"), where a "là" follows them; else `k`."""
    m = k + int(k < len(tokens) and tokens[k].key == ELECTED_INTO)
    body = m
    if m < len(tokens) and tokens[m].is_cap:  # "BCH", "Ban Chấp hành", "Ban Thường vụ Tỉnh ủy"
        while body < len(tokens) and body - m < MAX_BODY_WORDS and tokens[body].is_word:
            if tokens[body].key in LIST_VERBS or tokens[body].key in (THIS_TIME[0], "khóa"):
                break
            body += 1
    body = skip_term(tokens, body)
    if body + 1 < len(tokens) and (tokens[body].key, tokens[body + 1].key) == THIS_TIME:
        body += 2
    return body if body > k and body < len(tokens) and tokens[body].key in LIST_VERBS else k


def _such_as_start(tokens: list[Token], j: int) -> int | None:
    """Past a "như:" within the clause after token `j`, with no other title before it, or past a "như" right
    after the title that a capitalised word follows ("Các đại biểu HĐND như A, T; B, T")."""
    if j + 1 < len(tokens) and tokens[j].key == "như" and tokens[j + 1].is_cap and tokens[j + 1].is_word:
        return skip_address(tokens, j + 1)
    for k in range(j, min(len(tokens) - 1, j + MAX_SUCH_AS_REACH)):
        key = tokens[k].key
        if key in CLAUSE_END or key == ":" or (tokens[k].is_word and starts_title(tokens, k)):
            return None
        if key == "như" and tokens[k + 1].key == ":":
            return skip_address(tokens, k + 2)
    return None


def skip_item_aside(tokens: list[Token], k: int) -> int:
    """Index after the term of an item's last title ("…, Phó bí thư Tỉnh ủy khóa 16 và ông B") or an age aside
    (", 51 tuổi") at `k`, else `k`: the list of holders goes on after it."""
    k = skip_term(tokens, k)
    if k + 2 < len(tokens) and tokens[k].key == "," and tokens[k + 1].key.isdigit() and tokens[k + 2].key == "tuổi":
        return k + 3
    return k
