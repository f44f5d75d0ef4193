"""Who a post goes to when the text names its holder after it: "Người được giao nhiệm vụ thay ông A giữ chức T
là bà B" (B's, not A's); and the people the text names as replaced in a post ("thay ông A nghỉ hưu", "Người tiền
nhiệm của ông B là ông C"), officials with no title of their own."""

from __future__ import annotations

from extractors.facts.officials.context import Parsed, skip_address, term_end
from extractors.facts.officials.mentions import ByFirst, Mention, MentionEnds
from extractors.facts.person_names import Token, words
from extractors.facts.titles import TitleSpan

# Forms of address before a holder named after "là" ("… là bà B", "… là đồng chí B").
HOLDER_ADDRESS: frozenset[str] = words("ông bà")


def holder_after_copula(parsed: Parsed, by_first: ByFirst, last: TitleSpan) -> Mention | None:
    """The person named right after "là" and a form of address that follows the titles an election or
    appointment phrase gives ("… giữ chức T là bà B, Chủ tịch …"): the phrase's subject is the post's holder
    told afterwards."""
    tokens = parsed.tokens
    k = copula_after(tokens, last)
    if k is None:
        return None
    named = skip_address(tokens, k + 1)
    if named == k + 1 or (tokens[k + 1].key not in HOLDER_ADDRESS and named - k - 1 != 2):
        return None  # "… là bà B", "… là đồng chí B"; a bare name is too often a place or a body
    return by_first.get(named)


def copula_after(tokens: list[Token], last: TitleSpan) -> int | None:
    """The "là" naming the holder after the titles ("T là bà B", "uỷ viên mới là ông A"), else None."""
    k = term_end(tokens, last.last + 1)
    k += int(k < len(tokens) and tokens[k].key == "mới" and tokens[k].is_lower_word)  # a new member
    if k + 2 >= len(tokens) or tokens[k].key != "là" or not tokens[k].is_lower_word:
        return None
    return k


# Posts held by many at once: a list after "là" names a holder in each item ("bầu bổ sung uỷ viên mới là ông A,
# T1 và ông B, T2").
MEMBERSHIP_HEADS: frozenset[tuple[str, str]] = frozenset([("ủy", "viên"), ("uỷ", "viên"), ("thành", "viên")])


def is_membership_post(tokens: list[Token], span: TitleSpan) -> bool:
    return span.last > span.first and (tokens[span.first].key, tokens[span.first + 1].key) in MEMBERSHIP_HEADS


# Words right before a person replaced in a post ("thay ông A", "kế nhiệm ông C"), when the sentence gives a post
# before them ("… giữ chức T, thay ông A nghỉ hưu"; not "nộp tiền thay cho ông A", on A's behalf).
REPLACING: tuple[tuple[str, ...], ...] = (("thay",), ("kế", "nhiệm"))
MAX_POST_REACH = 40  # tokens back from the cue to a post given in its sentence
PREDECESSOR: tuple[str, str] = ("tiền", "nhiệm")
MAX_PREDECESSOR_REACH = 8  # tokens from "tiền nhiệm" to the "là" naming the predecessor


def mark_replaced(parsed: Parsed, mentions: list[Mention]) -> None:
    """Marks the people named as replaced in a post, by "thay"/"kế nhiệm" before the name ("thay ông A nghỉ
    hưu"), by "là" after "tiền nhiệm" ("Người tiền nhiệm ông B là ông C") or as retired by a decision among
    posts ("…; cho ông D nghỉ hưu theo chế độ"): officials, with no title from it."""
    tokens = parsed.tokens
    for mention in mentions:
        first = mention.name.first
        start = _replaced_start(tokens, first)
        if mention.name.given_only or start is None:
            continue  # a replaced person is addressed: "thay Phó Chủ tịch A" gives A a title anyway
        keys = tuple(t.key for t in tokens[max(0, start - 2) : start])
        cue = next((cue for cue in REPLACING if keys[-len(cue) :] == cue), None)
        replacing = cue is not None and _post_near(parsed, start - len(cue), mention.name.last)
        retired = _retired_by_decision(tokens, start, mention.name.last) and _post_near(
            parsed, start - 1, mention.name.last
        )
        mention.replaced = replacing or retired or (keys[-1:] == ("là",) and _predecessor_before(tokens, start - 1))


# "cho ông A nghỉ hưu (theo chế độ, trước tuổi)": the state retires one of its cadres, who held a post there.
RETIRING: tuple[str, str] = ("nghỉ", "hưu")


def _retired_by_decision(tokens: list[Token], start: int, last: int) -> bool:
    """Whether the person addressed at `start` follows "cho" and is said to retire right after the name ("giải
    quyết cho ông A nghỉ hưu"), in a sentence that gives posts (checked by the caller)."""
    if start < 1 or tokens[start - 1].key != "cho" or last + 2 >= len(tokens):
        return False
    return (tokens[last + 1].key, tokens[last + 2].key) == RETIRING


MAX_POST_AFTER = 4  # tokens from the replaced person's name to the post ("thay ông A làm T", "thay ông A giữ chức T")


def _post_near(parsed: Parsed, cue: int, last: int) -> bool:
    """Whether a title starts in the sentence before token `cue` or within a few words after token `last`."""
    tokens = parsed.tokens
    if any(k in parsed.titles_at for k in range(last + 1, min(len(tokens), last + 2 + MAX_POST_AFTER))):
        return True
    for k in range(cue - 1, max(-1, cue - MAX_POST_REACH), -1):
        if k in parsed.titles_at:
            return True
        if tokens[k].key in (".", "!", "?") or "\n" in parsed.text[tokens[k].end : tokens[k + 1].start]:
            return False
    return False


def _predecessor_before(tokens: list[Token], copula: int) -> bool:
    """Whether "tiền nhiệm" stands in the clause a few tokens before the "là" at `copula`."""
    for k in range(copula - 1, max(0, copula - MAX_PREDECESSOR_REACH), -1):
        if tokens[k].key in (".", ";", "!", "?"):
            return False
        if (tokens[k - 1].key, tokens[k].key) == PREDECESSOR:
            return True
    return False


# Words between a subject and the "thay" of the person it replaces ("A được phân công thay ông B làm T").
REPLACER_WORDS: frozenset[str] = words("được sẽ vừa đã phân công điều động cử giao nhiệm vụ")
MAX_REPLACER_WORDS = 5


def replacing_subject(parsed: Parsed, ends: MentionEnds, person: Mention) -> Mention:
    """The subject named before "thay" when `person` is the one it replaces ("Bà A thay ông B làm T": A's post, not
    B's), else `person`."""
    tokens = parsed.tokens
    start = _replaced_start(tokens, person.name.first)
    if start is None or start < 2 or tokens[start - 1].key != "thay":
        return person
    k = start - 2
    while k >= 0 and start - 1 - k <= MAX_REPLACER_WORDS and tokens[k].key in REPLACER_WORDS:
        k -= 1
    subject = ends.mention_ending_at(k) if k >= 0 else None
    return subject if subject is not None else person


def _replaced_start(tokens: list[Token], first: int) -> int | None:
    """First token of the form of address before the name at `first` ("ông", "đồng chí"), else None."""
    if first >= 2 and (tokens[first - 2].key, tokens[first - 1].key) == ("đồng", "chí"):
        return first - 2
    if first >= 1 and tokens[first - 1].key in HOLDER_ADDRESS:
        return first - 1
    return None
