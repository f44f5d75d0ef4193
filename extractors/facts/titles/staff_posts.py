"""Posts of staff tables ("Cán bộ Văn phòng", "Chuyên viên Phòng Nội vụ"): heads only in a staff listing.

Kept apart from `heads` because these heads read as common nouns everywhere else.
"""

from __future__ import annotations

from extractors.facts.person_names import Token, words
from extractors.facts.titles.vocabulary import COMPOUND_TAILS_AFTER_CAP, PLACE_LEVEL_WORDS, TITLE_STOP

# Civil-servant posts ("cán bộ địa chính xã", "chuyên viên Phòng Nội vụ", "công chức tư pháp - hộ tịch"): the
# words also name the staff as a whole ("cán bộ, công chức", "Cán bộ xã tham gia …"), so they open a title only
# in the list of a person's titles, right after the name's comma, dash or parenthesis, with the post's field or
# unit after them.
# "kế toán ngân sách xã": an accountant of a public body, as the annotation counts a school's accountant.
STAFF_HEADS: frozenset[tuple[str, str]] = frozenset(
    [("cán", "bộ"), ("chuyên", "viên"), ("công", "chức"), ("kế", "toán")]
)
STAFF_HEAD_FIRSTS: frozenset[str] = frozenset(head[0] for head in STAFF_HEADS)
# Words after a staff head that make it the staff as a whole or a status, not a post ("cán bộ, công chức, viên
# chức", "cán bộ nguồn", "cán bộ hưu trí").
STAFF_NOT_POSTS: frozenset[str] = words("và công cán chiến viên nhân nguồn hưu các")
# Marks that open the next entry of a roster right after a bare staff post ("- Ông: A - Chuyên viên
# - Bà: B - Chuyên viên"; "A - Chuyên viên; B - Chuyên viên"): the post closes its entry.
STAFF_ENTRY_ENDS: frozenset[str] = frozenset(["-", "–", "•", ";"])


def _staff_post_at(tokens: list[Token], i: int) -> bool:
    """Whether a civil-servant head at `i` stands listed after a name with its field or unit after it, or
    closes a roster entry ("Ông: A - Chuyên viên" with the next entry after it)."""
    if i + 2 >= len(tokens) or (tokens[i].key, tokens[i + 1].key) not in STAFF_HEADS:
        return True  # "Công an", "chuyên trách": not a staff head, other heads decide
    if i > 0 and tokens[i - 1].key == "làm" and not tokens[i].is_abbr:
        return _staff_unit_after(tokens, i + 2)  # "được điều về làm chuyên viên Vụ Pháp chế": the post one takes
    if i > 0 and _counted(tokens[i - 1]) and not tokens[i].is_abbr:
        # "ba cán bộ Phòng Nội vụ A, B và C", "2 cán bộ địa chính thị trấn là ông A và ông B"
        return (tokens[i + 2].is_cap and tokens[i + 2].key in STAFF_UNIT_WORDS) or _staff_field_word(tokens[i + 2])
    if i > 0 and tokens[i - 1].is_lower_word and not tokens[i].is_abbr and _field_before_place(tokens, i + 2):
        return True  # "việc cán bộ tư pháp-hộ tịch xã Hòa Minh Trần Thị B …": a title only if it runs into a name
    if i == 0 or tokens[i - 1].key not in (",", "-", "(", "–", "nguyên") or tokens[i].is_abbr:
        return False  # in capitals it heads a list or a table ("CÔNG CHỨC CÁC XÃ"); "A (nguyên cán bộ …)" is one
    if tokens[i + 2].key in STAFF_ENTRY_ENDS or tokens[i + 2].start - tokens[i + 1].end > 1:
        return True  # the next entry, or a paragraph break (the only run of blanks in a body's text)
    return tokens[i + 2].is_word and tokens[i + 2].key not in STAFF_NOT_POSTS


# Counts before a staff head that make it the post of a group named after it ("ba cán bộ Phòng A: B, C và D").
STAFF_COUNTS: frozenset[str] = words("các hai ba bốn năm sáu bảy tám chín mười")


def _counted(token: Token) -> bool:
    return token.key in STAFF_COUNTS or token.key.isdigit()


def _staff_field_word(token: Token) -> bool:
    """Whether a counted staff head's next word opens its lower-case field ("hai cán bộ địa chính"), not the staff
    as a whole or a verb ("các cán bộ, công chức", "hai cán bộ đã …")."""
    return token.is_lower_word and token.key not in STAFF_NOT_POSTS and token.key not in TITLE_STOP


MAX_STAFF_FIELD = 6


# Places a civil servant serves, named after the post's field ("cán bộ tư pháp-hộ tịch xã Hòa Minh").
STAFF_PLACES: frozenset[tuple[str, ...]] = frozenset(
    [("xã",), ("phường",), ("huyện",), ("quận",), ("tỉnh",), ("thị", "trấn"), ("thành", "phố")]
)


def _place_at(tokens: list[Token], k: int) -> int:
    """Tokens of a place word of `STAFF_PLACES` at `k`, else 0."""
    return next((len(p) for p in STAFF_PLACES if tuple(t.key for t in tokens[k : k + len(p)]) == p), 0)


def _field_before_place(tokens: list[Token], j: int) -> bool:
    """Whether a staff head's lower-case field opens at token `j` and runs into a place it serves ("tư pháp-hộ tịch
    xã Hòa Minh"): a place word and a capitalised name after it."""
    k = j
    while k < len(tokens) and k - j <= MAX_STAFF_FIELD and not _place_at(tokens, k):
        if not _in_staff_field(tokens, k):
            return False
        k += 1
    size = _place_at(tokens, k) if k < len(tokens) else 0
    return k > j and size > 0 and k + size < len(tokens) and tokens[k + size].is_cap


# Lower-case unit words that may follow a civil-servant head taken up by "làm" ("làm chuyên viên phòng Kế hoạch").
STAFF_UNIT_WORDS: frozenset[str] = words("phòng vụ văn ban sở cục chi trung")


def _staff_unit_after(tokens: list[Token], j: int) -> bool:
    """Whether a unit is named at token `j`, after a staff head that "làm" introduces: a capitalised word ("Vụ
    Pháp chế", "Văn phòng Sở") or a unit word ("phòng Kế hoạch"); "làm cán bộ, công chức" names no post."""
    return j < len(tokens) and tokens[j].is_word and (tokens[j].is_cap or tokens[j].key in STAFF_UNIT_WORDS)


def _in_staff_field(tokens: list[Token], j: int) -> bool:
    """Whether token `j` goes on the lower-case field of a civil-servant head a few words before it: a word, or
    a dash between two words ("công chức tư pháp - hộ tịch")."""
    token = tokens[j]
    if token.key in ("-", "–"):
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        if nxt is None or not nxt.is_lower_word or nxt.key in TITLE_STOP:
            return False
    elif not token.is_lower_word or token.key in PLACE_LEVEL_WORDS:
        return False
    elif token.key in TITLE_STOP and tokens[j - 1].key not in COMPOUND_TAILS_AFTER_CAP.get(token.key, ()):
        return False  # a verb ends the field, but "giao thông", "truyền thông" name one ("công chức giao thông …")
    for k in range(j - 1, max(0, j - 1 - MAX_STAFF_FIELD), -1):
        if (tokens[k - 1].key, tokens[k].key) in STAFF_HEADS and not tokens[k].is_abbr:
            return True
        if not (tokens[k].is_lower_word or tokens[k].key in ("-", "–")) or tokens[k].key in PLACE_LEVEL_WORDS:
            return False  # the place served closes the field: "cán bộ địa chính xã | gieo 2ha …"
    return False
