"""The organ-field grammar: the field words after an organ noun ("Sở Nông nghiệp và Phát triển nông thôn").

Fields come from organ_fields.txt (shared with documents.organs); `field_end` finds where one ends, so that a title
runs on through "và" inside a field but not through "và" between two people.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from extractors.facts.person_names import Token, words
from extractors.facts.titles.vocabulary import (
    FIELD_ACRONYMS,
    MAX_FIELD_WORDS,
    ORGAN_NOUN_PAIRS,
    ORGAN_NOUN_TAILS,
    PLACE_LEVEL_WORDS,
    TEAM_NOUNS,
    TITLE_PHRASES,
    TITLE_STOP,
)
from extractors.normalize import match_form

_ORGAN_FIELDS_FILE = Path(__file__).parent.with_name("organ_fields.txt")
# Nouns of the organs that a field names ("Sở Tư pháp", "Phòng Tài nguyên và Môi trường", "Cục Đăng ký đất đai").
# "tâm": "Trung tâm Y tế dự phòng"; "hội": "Hiệp hội Doanh nghiệp vừa và nhỏ".
FIELD_ORGAN_NOUNS: frozenset[str] = words("sở phòng bộ cục ban vụ tâm hội")
FIELD_CONNECTORS: frozenset[str] = frozenset(["và", "-", "&", ",", "–"])
# The longest field with its connectors ("chỉ đạo Trung ương về cải cách chính sách tiền lương, bảo hiểm xã hội …").
MAX_FIELD_TOKENS = 24


@lru_cache(maxsize=1)
def _organ_fields() -> dict[str, dict]:
    """The fields of organ_fields.txt as a trie of folded syllables; "$" marks a field's end."""
    trie: dict[str, dict] = {}
    for line in _ORGAN_FIELDS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            node = trie
            for word in match_form(line).casefold().split():
                if word != "và":
                    node = node.setdefault(word, {})
            node["$"] = {}
    return trie


def field_end(tokens: list[Token], start: int) -> int:
    """Index after the longest listed field that opens at token `start`, connectors included; `start` when none."""
    node, end, k = _organ_fields(), start, start
    while k < len(tokens) and k - start < MAX_FIELD_TOKENS:
        key = tokens[k].key
        if key in FIELD_CONNECTORS and k > start:
            k += 1
            continue
        node = node.get(key) if tokens[k].is_word else None
        if node is None:
            break
        k += 1
        if "$" in node:
            end = k
    return end


def _in_named_field(tokens: list[Token], j: int) -> bool:
    """Whether token `j` lies inside a listed field right after its organ noun, whatever its case ("Sở Kế hoạch
    - đầu tư tỉnh Yên Bái", "Cục đăng ký đất đai")."""
    for k in range(j - 1, max(-1, j - 1 - MAX_FIELD_TOKENS), -1):
        key = tokens[k].key  # most words are neither noun nor head: one look-up each spares them the rest
        if key in FIELD_ORGAN_NOUNS and tokens[k].is_word and field_end(tokens, k + 1) > j:
            return True  # an organ noun inside the field ("phòng" of "phòng, chống") leaves it to the one before
        if (
            key in _MINISTER_HEAD_ENDS
            and _minister_head(tokens, k)
            and tokens[k + 1].is_cap
            and field_end(tokens, k + 1) > j
        ):
            return True  # the unit named by its field alone: "Bộ trưởng Giao thông vận tải", "Vụ trưởng Khoa học"
    return False


# Heads of a ministry, or of a department or institute, that its field may follow without the organ noun ("Bộ trưởng
# Giao thông vận tải A", "Vụ trưởng Khoa học và công nghệ").
MINISTER_HEADS: frozenset[tuple[str, str]] = frozenset(
    [("bộ", "trưởng"), ("thứ", "trưởng"), ("vụ", "trưởng"), ("cục", "trưởng"), ("viện", "trưởng")]
)
_MINISTER_HEAD_ENDS: frozenset[str] = frozenset(last for _, last in MINISTER_HEADS)


def _minister_head(tokens: list[Token], k: int) -> bool:
    """Whether token `k` ends a minister's head ("Bộ trưởng", "Thứ trưởng") with a word after it."""
    return k >= 1 and k + 1 < len(tokens) and (tokens[k - 1].key, tokens[k].key) in MINISTER_HEADS


def _in_organ_field(tokens: list[Token], j: int) -> bool:
    """Whether lower-case token `j` goes on naming an organ's field written in lower case: only lower-case
    words stand between it and an organ noun ("phòng kinh tế hạ tầng", "Ban bồi thường giải phóng mặt
    bằng"); a capitalised field ("Sở Tài chính") is completed word by word, so a verb after it stops."""
    floor = max(0, j - 1 - MAX_FIELD_WORDS)
    k = j
    while k > 1:
        listed = _listed_field_ending(tokens, k) if k == j or tokens[k].is_lower_word else None
        if listed is not None:
            # a listed field counts as one word ("Cục giám định và quản lý chất lượng công trình giao thông"), and
            # the "và" joining it to a field before it opens that field's own count
            floor = max(0, floor - (k - listed))
            k = listed
            if k >= 2 and tokens[k - 1].key == "và" and tokens[k - 1].is_lower_word:
                floor = max(0, k - 2 - MAX_FIELD_WORDS)
                k -= 1
        k -= 1
        if k <= floor:
            break
        token = tokens[k]
        if _phong_chong(tokens, k):
            continue  # "Ban Chỉ đạo phòng, chống tham nhũng"
        if token.key == "-" and tokens[k - 1].is_lower_word and tokens[k + 1].is_lower_word:
            floor = max(0, floor - 1)  # "khoa Chẩn đoán hình ảnh – xét nghiệm": the dash is no word of the field
            continue
        if token.key in ORGAN_NOUN_TAILS and token.is_word:
            return not (token.key == "hội" and k > 0 and tokens[k - 1].key == "quốc")  # "Quốc hội" is an organ
        if token.key in TEAM_NOUNS and token.is_cap and not token.is_abbr:
            return True  # a team named in lower case: "Tổ thẩm định độc lập", "Đội quản lý trật tự đô thị"
        if token.key in TEAM_NOUNS and _after_own_head(tokens, k):
            return True  # the team its head leads, all in lower case: "tổ trưởng tổ bảo vệ", "đội phó đội dân phòng"
        if token.is_cap and k >= 2 and (tokens[k - 2].key, tokens[k - 1].key) in MINISTER_HEADS:
            return True  # the organ its head names by its field alone: "Cục trưởng Điều tra chống buôn lậu"
        if token.key in TEAM_NOUNS and k + 1 < j and tokens[k + 1].key in TEAM_HEAD_TAILS:
            return True  # the team's field right after its head: "tổ trưởng giám sát", "đội trưởng lái máy"
        if k > 0 and (tokens[k - 1].key, token.key) in ORGAN_NOUN_PAIRS:
            return True  # "Xí nghiệp cấp nước"
        if _opens_field(tokens, k) or token.key in FIELD_ACRONYMS:
            continue  # "Cục Quản lý khám chữa bệnh", "Hội Nạn nhân chất độc da cam", "Hiệp hội DN nhỏ và vừa"
        if not token.is_lower_word or token.key in PLACE_LEVEL_WORDS:
            return False
        if token.key in TITLE_STOP and not _in_phrase(tokens, k) and not _federation_members(tokens, k):
            return False
    return False


def _listed_field_ending(tokens: list[Token], k: int) -> int | None:
    """First token of a listed field of two words or more written in lower case and ending at token `k`, else
    None."""
    for start in range(k - 1, max(-1, k - MAX_FIELD_WORDS), -1):
        if not tokens[start].is_lower_word:
            return None
        if field_end(tokens, start) == k + 1:
            return start
    return None


# Second words of a team's heads ("tổ trưởng", "đội phó"), which the team noun repeats right after.
TEAM_HEAD_TAILS: frozenset[str] = words("trưởng phó")


def _after_own_head(tokens: list[Token], k: int) -> bool:
    """Whether the team noun at `k` follows its own head ("tổ trưởng tổ", "đội phó đội")."""
    return k >= 2 and tokens[k - 1].key in TEAM_HEAD_TAILS and tokens[k - 2].key == tokens[k].key


# Federations named after their members ("Liên hiệp các Hội Văn học Nghệ thuật Việt Nam", "Liên hiệp các tổ chức
# hữu nghị"): the two words before the "các" that goes on in their name.
FEDERATION_NOUNS: frozenset[tuple[str, str]] = frozenset([("liên", "hiệp")])


def _federation_members(tokens: list[Token], j: int) -> bool:
    """The lower-case "các" at `j` right after a federation's noun, which goes on naming its members."""
    return (
        j >= 2
        and tokens[j].key == "các"
        and tokens[j].is_lower_word
        and (tokens[j - 2].key, tokens[j - 1].key) in FEDERATION_NOUNS
    )


def _opens_field(tokens: list[Token], k: int) -> bool:
    """A capitalised word right after a capitalised organ noun, opening its field ("Cục Quản lý", "Hội Nạn
    nhân", "Phòng Kế hoạch", the two-syllable "Xí nghiệp Vận dụng toa xe khách"): the field may go on in lower
    case after it."""
    token = tokens[k]
    if not (token.is_word and token.is_cap and not token.is_abbr) or k == 0:
        return False
    noun = tokens[k - 1]
    if k >= 2 and (tokens[k - 2].key, noun.key) in ORGAN_NOUN_PAIRS and tokens[k - 2].is_cap:
        return True
    return noun.is_word and noun.key in ORGAN_NOUN_TAILS and noun.key != "đồng"


def _phong_chong(tokens: list[Token], k: int) -> bool:
    """The comma of "phòng, chống" ("prevention and control"), which organs name their field with."""
    return (
        tokens[k].key == ","
        and 0 < k < len(tokens) - 1
        and tokens[k - 1].key == "phòng"
        and tokens[k + 1].key == "chống"
    )


def _in_phrase(tokens: list[Token], j: int) -> bool:
    """Whether token `j` is part of a lower-case phrase of `TITLE_PHRASES` in its place."""
    key = tokens[j].key
    if j + 1 < len(tokens) and _phrase_at(tokens, j, (key, tokens[j + 1].key)):
        return True
    return j >= 2 and _phrase_at(tokens, j - 1, (tokens[j - 1].key, key))


# Phrases of `TITLE_PHRASES` that are verbs before these words: "Chánh Văn phòng đại diện cho Sở phát biểu".
PHRASE_VERB_BEFORE: dict[tuple[str, str], frozenset[str]] = {("đại", "diện"): words("cho")}


def _phrase_at(tokens: list[Token], j: int, pair: tuple[str, str]) -> bool:
    if pair not in TITLE_PHRASES or not tokens[j].is_lower_word or not tokens[j + 1].is_lower_word:
        return False
    if j + 2 < len(tokens) and tokens[j + 2].key in PHRASE_VERB_BEFORE.get(pair, ()):
        return False
    after = TITLE_PHRASES[pair]
    return after is None or (j > 0 and tokens[j - 1].key in after)
