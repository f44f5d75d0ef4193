"""Name corrections read off the whole text.

Places: a run written in an address ("huyện Hoàng Su Phì, tỉnh Hà Giang", "tại phường Nguyễn An Ninh", "xã Tả
Văn Chư (Bắc Hà)") is that place wherever the text names it after a place word, also after a title ("Chủ tịch
UBND huyện Hoàng Su Phì cho biết"), unless a stronger cue makes it a person there (see
`mentions.place_names_as_persons`). So is a run closing the title that stands in apposition to a person called
"ông"/"bà"/"đồng chí" ("ông A, Chủ tịch UBND phường Phạm Đình B cho biết"): the title is A's, and a ward or a
street named after someone ends it.

Run-on names: a name that runs on into the next capitalised words ("Trương Hòa B Trước khi …") is cut back to
the name the text writes alone elsewhere."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from extractors.facts.officials.markers import marker_before
from extractors.facts.person_names import ADDRESS_TERMS, PLACE_WORDS, NameSpan, Token, span_of, words
from extractors.facts.titles import starts_title

# Words before a place word that make what follows an address: "tại xã A", "ở huyện B", "trên địa bàn phường
# C", "thuộc xã D", "trú tại thôn E, xã F" (the comma of an address that goes up from a smaller place).
LOCATIVES: frozenset[str] = words("tại ở thuộc bàn qua trú ,")


def _in_address(tokens: list[Token], name: NameSpan) -> bool:
    """Whether this mention of `name` stands in an address: after a place word that a locative opens, or
    followed by a larger place (", tỉnh B", "(Hà Giang)")."""
    first, last = name.first, name.last
    if first < 2 or tokens[first - 1].key not in PLACE_WORDS:
        return False
    if tokens[first - 2].key in LOCATIVES:
        return True
    if last + 3 >= len(tokens):
        return False
    after, then = tokens[last + 1], tokens[last + 2]
    if after.key == "(":
        return _place_in_parentheses(tokens, last + 2)
    named = tokens[last + 3].is_cap or tokens[last + 3].key.isdigit()  # ", tỉnh Hà Giang", ", quận 1"
    return after.key == "," and then.key in PLACE_WORDS and named


MAX_PLACE_WORDS = 4


def _place_in_parentheses(tokens: list[Token], k: int) -> bool:
    """Capitalised words up to ")" from token `k`: a province after a district ("Hoàng Su Phì (Hà Giang)"), not
    a photo note ("(Ảnh: …)") or an age ("(SN 1970)")."""
    for j in range(k, min(k + MAX_PLACE_WORDS + 1, len(tokens))):
        token = tokens[j]
        if token.key == ")":
            return j > k
        if not token.is_word or not token.is_cap or token.is_abbr or token.key in NOT_PLACES:
            return False
    return False


NOT_PLACES: frozenset[str] = words("ảnh giữa trái phải")


# Marks between a person and the title in apposition to them ("ông A, T", "bà B – T").
APPOSITION_MARKS: frozenset[str] = frozenset([",", "-", "–", "—"])
# Markers of a person whose apposed title is theirs: a form of address or "đồng chí".
APPOSED_MARKERS: frozenset[str] = frozenset(["address", "comrade"])
MAX_APPOSED_TITLE_WORDS = 10  # "Phó Chủ tịch Thường trực Ủy ban nhân dân thị trấn"


def _closes_apposed_title(tokens: list[Token], name: NameSpan, ends: dict[int, NameSpan]) -> bool:
    """Whether `name` follows the lower-case place word that ends a title apposed to a person called "ông",
    "bà" or "đồng chí": "ông A, Chủ tịch UBND phường Phạm Đình B cho biết" names ward B, not a second person."""
    first = name.first
    if first < 4 or tokens[first - 1].key not in PLACE_WORDS or not tokens[first - 1].is_lower_word:
        return False
    for k in range(first - 2, max(0, first - 2 - MAX_APPOSED_TITLE_WORDS), -1):
        if tokens[k].key in APPOSITION_MARKS:
            person = ends.get(k - 1)
            return (
                k + 1 < first - 1
                and starts_title(tokens, k + 1)
                and person is not None
                and marker_before(tokens, person.first) in APPOSED_MARKERS
            )
        if not tokens[k].is_word:
            return False
    return False


def mark_addressed_places(tokens: list[Token], names: list[NameSpan]) -> list[NameSpan]:
    """`names`, those whose words some mention writes as an address, or as the place closing a title apposed to
    an addressed person, marked `place_like`."""
    ends = {n.last: n for n in names}
    places = {
        _words(tokens, n)
        for n in names
        if not n.given_only and (_in_address(tokens, n) or _closes_apposed_title(tokens, n, ends))
    }
    if not places:
        return names
    return [replace(n, place_like=True) if not n.given_only and _words(tokens, n) in places else n for n in names]


def _words(tokens: list[Token], name: NameSpan) -> tuple[str, ...]:
    return tuple(t.key for t in tokens[name.first : name.last + 1])


MIN_NAME_SYLLABLES = 2


def without_swallowed_words(tokens: list[Token], text: str, names: list[NameSpan]) -> list[NameSpan]:
    """`names`, each cut back to the longest name the text writes alone when it runs on into the next capitalised
    words ("Trương Hòa B Trước khi …", "Lê Đình C Hà Tĩnh" after a caption lost its stop) and is written so
    nowhere else: a person is named the same way through an article."""
    counts = Counter(_words(tokens, n) for n in names if not n.given_only)
    out = []
    for name in names:
        keys = _words(tokens, name)
        if name.given_only or len(keys) <= MIN_NAME_SYLLABLES or counts[keys] > 1 or _set_off(tokens, name):
            out.append(name)
            continue
        size = next((k for k in range(len(keys) - 1, MIN_NAME_SYLLABLES - 1, -1) if keys[:k] in counts), 0)
        out.append(span_of(tokens, text, range(name.first, name.first + size)) if size else name)
    return out


# Marks that close a name set off after a form of address ("ông Hoàng Mai Châu, Chỉ huy trưởng …").
NAME_CLOSERS: frozenset[str] = frozenset([",", "(", ";"])


def _set_off(tokens: list[Token], name: NameSpan) -> bool:
    """Whether a form of address opens the name and a comma or bracket closes it: the writer marked where it ends,
    so none of its words is swallowed (the text may write its first words alone as a place: "quận Hoàng Mai")."""
    addressed = name.first > 0 and tokens[name.first - 1].key in ADDRESS_TERMS and tokens[name.first - 1].is_word
    closed = name.last + 1 < len(tokens) and tokens[name.last + 1].key in NAME_CLOSERS
    return addressed and closed
