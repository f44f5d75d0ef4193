"""The people a plural title names further on in its sentence: after "là" ("bầu hai Phó bí thư Tỉnh ủy là các
ông A, T và ông B, T", "hai phó bí thư được bầu là A (T) và ông B") or after a later "như:" ("một số Ủy viên
Ban Thường vụ vẫn đảm nhiệm các vị trí cũ, như: bà A, T; ông B, T"); and the age asides between such items
("là ông A, 51 tuổi và ông B, 44 tuổi") and the terms that close their titles."""

from __future__ import annotations

from extractors.facts.officials.context import CLAUSE_END, plural_before, skip_address
from extractors.facts.person_names import Token, words
from extractors.facts.titles import TitleSpan, skip_term, starts_title

# Words between a plural title and the "là" that lists its holders ("hai phó bí thư được bầu là …").
ELECTED_WORDS: frozenset[str] = words("được bầu vừa mới tái cử")
MAX_ELECTED_WORDS = 3
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
    if k + 1 < len(tokens) and tokens[k].key == "," and tokens[k + 1].key in LIST_VERBS:
        k += 1  # "bầu 3 Phó bí thư, là các ông A, B và C"
    if k < len(tokens) and tokens[k].key in LIST_VERBS and tokens[k].is_lower_word:
        k += 1
        if k < len(tokens) and tokens[k].key in ("các", "có"):
            k += 1  # "là các ông", "gồm có"
        return skip_address(tokens, k)
    return _such_as_start(tokens, j)


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
