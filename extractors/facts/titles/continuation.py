"""Whether a title runs on through the next token (`_continues`): the word-by-word walk of a title span.

Every stop rule lives here (punctuation, verbs, openers, hyphen words, dashes, enumerations); the grammars of
fields, units and acronyms are asked through their own modules.
"""

from __future__ import annotations

from extractors.facts.person_names import NameSpan, Token, joined, words
from extractors.facts.titles.acronyms import _acronym_closing, _acronym_opening, _glossed_acronym
from extractors.facts.titles.fields import (
    _federation_members,
    _in_named_field,
    _in_organ_field,
    _in_phrase,
    _phong_chong,
)
from extractors.facts.titles.heads import _honorific_at, head_length
from extractors.facts.titles.staff_posts import _in_staff_field
from extractors.facts.titles.tails import APPOSITIVE_END, TAIL_NOUNS, _in_tail_noun
from extractors.facts.titles.units import (
    _ends_place_name,
    _inside_dashed_place,
    _numbered_place,
    _numbered_region_before,
    _unit_continues,
)
from extractors.facts.titles.vocabulary import (
    COMPOUND_TAILS_AFTER_CAP,
    CREDIT_WORDS,
    DATE_OPENERS,
    DOCUMENT_TYPES,
    EVENT_TAILS,
    FIELD_ACRONYMS,
    FOREIGN_HONORIFICS,
    HEAD_LAST_WORDS,
    LOWER_OWNING_ORGANS,
    NUMBERED_DOCUMENT_TYPES,
    ORGAN_FIRST_WORDS_LOWER,
    OWNING_ORGANS,
    PLACE_ABBREVIATIONS,
    PLACE_LEVEL_WORDS,
    RANK_TAILS,
    SENTENCE_OPENER_PAIRS,
    SENTENCE_OPENERS,
    TITLE_CAP_STOP,
    TITLE_LOWER_OK,
    TITLE_STOP,
    TITLE_VERB_PAIRS,
    UPPER_TITLE_STOP,
)

# Words after "và" that go on with a person's career rather than an organ's name ("… và hiện là …").
CAREER_WORDS: frozenset[str] = frozenset(["hiện", "nay", "nguyên", "đang", "từng"])


def ends_bare_head(tokens: list[Token], k: int, text: str) -> bool:
    """Whether a capitalised title head ends right before token `k` and a title would stop after token `k`
    ("Thủ tướng May đã …", "Bí thư Thăng chỉ đạo"; not "Thủ tướng Chính phủ", "Bộ trưởng Bộ Y tế")."""
    for size in (4, 3, 2, 1):
        j = k - size
        if j >= 0 and tokens[j].is_cap and head_length(tokens, j) == size:
            return k + 1 >= len(tokens) or not _continues(tokens, k + 1, text, {})
    return False


def _continues(tokens: list[Token], j: int, text: str, names_at: dict[int, NameSpan]) -> bool:
    """Whether token `j` still belongs to the title that runs up to token `j - 1`."""
    token, prev = tokens[j], tokens[j - 1]
    if token.start > prev.end and (token.start - prev.end > 3 or "\n" in text[prev.end : token.start]):
        return False  # a title never runs on over a line break
    if token.is_lower_word and j + 1 < len(tokens) and (token.key, tokens[j + 1].key) in TITLE_VERB_PAIRS:
        return False
    if token.is_lower_word and _after_lower_owner(tokens, j):
        return False  # "Trưởng phòng Y tế của trung tâm giao cho …": the organ named back closes the title
    if token.key == "giai" and _years_held(tokens, j):
        return False  # "… Tổng công ty Lương thực miền Bắc giai đoạn 2010 - 2014": the years, like a term
    if _in_named_field(tokens, j) or _in_lower_enumeration(tokens, j, names_at):
        return True
    opening = _acronym_opening(tokens, j) if token.key in "()-&" or prev.key in "(-&" else None
    if opening is not None:  # "(KBNN)", "(PT-TH-ĐA)", "(VH&TT)"
        return _glossed_acronym(tokens, opening, names_at)
    if token.is_word and token.is_cap:
        if token.is_abbr and (token.key in UPPER_TITLE_STOP or _honorific_at(tokens, j)):
            return False  # "BÍ THƯ HUYỆN ỦY PHÁT BIỂU"; "Phó giám đốc Học viện Tài chính TS Nguyễn Đào B"
        if not token.is_abbr and token.key in SENTENCE_OPENERS:
            return False
        if _numbered_document_starts(tokens, j):
            return False  # a sentence glued on: "Vụ trưởng Tài chính ngân hàng Nghị định 106 mới về …"
        if j + 1 < len(tokens) and (token.key, tokens[j + 1].key) in SENTENCE_OPENER_PAIRS:
            return False
        if token.key in DATE_OPENERS and j + 1 < len(tokens) and tokens[j + 1].key[:1].isdigit():
            return False  # a caption without its full stop: "… Tỉnh ủy Yên Bái Sáng 8/2, …", "… xã B Ngày 24-6, …"
        if (_ends_place_name(tokens, j - 1) or _closes_body(tokens, j - 1)) and head_length(tokens, j):
            # a heading without punctuation: "Chủ tịch UBND tỉnh Yên Bái Thứ trưởng A nhận …"; two titles
            # juxtaposed: "Thừa ủy quyền của Chủ tịch nước Thứ trưởng Bộ Xây dựng A"
            return False
        return not _address_starts(tokens, j, names_at) and not _is_rank(tokens, j)
    if _in_staff_field(tokens, j):
        return True  # "công chức tư pháp - hộ tịch xã", "chuyên viên văn phòng"
    if token.key in ("(", ")"):
        return False  # a parenthesis other than an acronym's ends the title
    if _in_hyphen_word(tokens, j):
        # a country written in hyphen-joined syllables before a name: "Thủ tướng Xin-ga-po Lý Hiển Long"
        return _hyphen_word_end(tokens, j) + 1 in names_at
    if token.key in ("-", "&"):  # "Văn hóa – Xã hội", "Sở Tài nguyên & Môi trường"
        return _dash_continues(tokens, j, names_at)
    if token.key == ",":
        return _phong_chong(tokens, j) or _enumeration_comma(tokens, j, names_at) or _comma_joined_body(tokens, j)
    if _unit_continues(tokens, j):
        return True
    after_word = prev.is_word and prev.is_cap and not prev.is_abbr and not _ends_place_name(tokens, j - 1)
    after_word = after_word or (prev.key in FIELD_ACRONYMS and _in_organ_field(tokens, j))
    if prev.key in COMPOUND_TAILS_AFTER_CAP.get(token.key, ()) and (after_word or _in_organ_field(tokens, j)):
        return True
    if token.key == "chủ" and prev.key == "dân" and after_word and not _lower_word_at(tokens, j + 1):
        return True  # "Đảng Dân chủ", "Cộng hòa Dân chủ Nhân dân Lào"; "xã Tân Dân chủ trì" is a verb
    if token.key == "đại" and prev.key == "nhân" and after_word:
        # China's parliament, "Nhân đại (toàn quốc)"; "xã Quý Nhân đại diện cho …" is a verb
        return not _lower_word_at(tokens, j + 1) or tokens[j + 1].key == "toàn"
    if token.key == "hội" and j + 1 < len(tokens) and tokens[j + 1].key in EVENT_TAILS and j + 1 not in names_at:
        return False
    if token.key == "." and (prev.key in PLACE_ABBREVIATIONS or _initial(prev)) and joined(tokens, j - 1, j):
        following = j + 1 < len(tokens) and j + 1 not in names_at and tokens[j + 1].key not in CREDIT_WORDS
        return following and (tokens[j + 1].is_cap or _numbered_place(tokens, j + 1))
    if _in_phrase(tokens, j) or _federation_members(tokens, j):
        return True
    if token.key in ("của", "thuộc"):  # "Phó Chủ tịch Hội đồng Dân tộc của Quốc hội", "Phòng A thuộc Sở B"
        if token.key == "của" and _lower_owner_after(tokens, j + 1) is not None:
            return True  # "Trưởng phòng Y tế của trung tâm"
        return j + 1 < len(tokens) and tokens[j + 1].key in OWNING_ORGANS and tokens[j + 1].is_cap
    if token.key == "báo" and prev.key in HEAD_LAST_WORDS and _newspaper_name_after(tokens, j, names_at):
        return True  # a newspaper in lower case after the head: "Tổng biên tập báo Tiền Phong"
    if token.is_lower_word and (prev.key, token.key) in TAIL_NOUNS:
        return True  # the second syllable of a field's noun whose first the title holds ("Vụ Trang thiết bị")
    if _concurrent_body(tokens, j):
        return True  # membership held as well: "Ủy viên Ủy ban Pháp luật kiêm nhiệm Hội đồng Dân tộc"
    if _in_field_subject(tokens, j, names_at):
        return True  # an organ's lower-case field with its subject: "Ban nghiên cứu chiến lược về an ninh quốc gia,"
    if not token.is_lower_word or token.key in TITLE_STOP:
        return False
    if token.key == "và":
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        if nxt is not None and nxt.is_lower_word and nxt.key in CAREER_WORDS:
            return False  # "Phó chánh văn phòng Tỉnh đoàn và hiện là …": the career goes on, the title ends
        if j + 2 < len(tokens) and _phong_chong(tokens, j + 2):
            return True  # a second field of the organ: "Ủy ban … phòng, chống AIDS và phòng, chống ma túy"
        if nxt is not None and nxt.is_lower_word and nxt.key not in TITLE_STOP:
            # "Ban nghiên cứu và đào tạo", but not "Bí thư Huyện đoàn và nguyên Chủ tịch …"
            return _in_organ_field(tokens, j) and not head_length(tokens, j + 1, lower_ok=True)
        if nxt is None or not nxt.is_cap or j + 1 in names_at or _is_rank(tokens, j + 1):
            return False
        if _document_starts(tokens, j + 1) or _honorific_at(tokens, j + 1) or nxt.key in TITLE_CAP_STOP:
            return False  # "Bí thư Đảng ủy xã A và Thông báo số 56-TB/HU ...", "... và Tiến sĩ B", "... và Ông B"
        return head_length(tokens, j + 1) == 0
    if token.key in TITLE_LOWER_OK:
        return True
    if token.key in ORGAN_FIRST_WORDS_LOWER and prev.key in HEAD_LAST_WORDS:
        return True  # an organ written in lower case right after the head: "Giám đốc bệnh viện …", "Chủ tịch nhóm …"
    if _in_named_field(tokens, j - 1):
        return False  # a listed field is whole: "Cục Kiểm soát … bảo vệ môi trường thiếu trách nhiệm"
    return after_word or _in_organ_field(tokens, j)


def _lower_owner_after(tokens: list[Token], k: int) -> int | None:
    """Index after the lower-case organ named back at token `k` ("trung tâm", "xã", "địa phương") when no word of
    a longer phrase follows it ("của trung tâm giao cho …" ends there), else None."""
    for organ in LOWER_OWNING_ORGANS:
        end = k + len(organ)
        if end <= len(tokens) and tuple(t.key for t in tokens[k:end]) == organ and tokens[k].is_lower_word:
            return end
    return None


def _after_lower_owner(tokens: list[Token], j: int) -> bool:
    """Whether token `j` follows "của" and an organ named back in lower case ("… của trung tâm")."""
    return any(
        j > len(organ) and tokens[j - len(organ) - 1].key == "của" and _lower_owner_after(tokens, j - len(organ)) == j
        for organ in LOWER_OWNING_ORGANS
    )


def _years_held(tokens: list[Token], j: int) -> bool:
    """Whether "giai đoạn Y1 - Y2" (two years) opens at token `j`."""
    keys = [t.key for t in tokens[j : j + 5]]
    years = len(keys) == 5 and all(len(k) == 4 and k[:2] in ("19", "20") and k.isdigit() for k in keys[2::2])
    return keys[:2] == ["giai", "đoạn"] and years and keys[3] in ("-", "–")


MAX_HYPHEN_SYLLABLE = 6  # letters of a syllable inside a hyphen-joined word ("xtrây")


def _in_hyphen_word(tokens: list[Token], j: int) -> bool:
    """Whether token `j` is a glued "-" or a small syllable after one inside a word that a capitalised syllable
    opens, the press's transliteration of a foreign place ("Xin-ga-po", "Ô-xtrây-li-a")."""
    k = j if tokens[j].text == "-" else j - 1
    if k < 1 or k + 1 >= len(tokens) or tokens[k].text != "-":
        return False
    nxt = tokens[k + 1]
    if not (nxt.is_lower_word and len(nxt.key) <= MAX_HYPHEN_SYLLABLE and _glued_to(tokens, k, k + 1)):
        return False
    while k >= 1 and tokens[k].text == "-" and _glued_to(tokens, k - 1, k):
        prev = tokens[k - 1]
        if prev.is_cap and not prev.is_abbr and prev.is_word:
            return True
        if not (prev.is_lower_word and len(prev.key) <= MAX_HYPHEN_SYLLABLE):
            return False
        k -= 2
    return False


def _hyphen_word_end(tokens: list[Token], j: int) -> int:
    """The last token of the hyphen-joined word that token `j` lies in."""
    if tokens[j].text == "-":
        j += 1
    while j + 2 < len(tokens) and tokens[j + 1].text == "-" and _in_hyphen_word(tokens, j + 1):
        j += 2
    return j


def _glued_to(tokens: list[Token], left: int, right: int) -> bool:
    return tokens[left].end == tokens[right].start


def _lower_word_at(tokens: list[Token], j: int) -> bool:
    return j < len(tokens) and tokens[j].is_lower_word


def _newspaper_name_after(tokens: list[Token], j: int, names_at: dict[int, NameSpan]) -> bool:
    """Whether the lower-case "báo" at `j` is followed by a newspaper's capitalised name ("báo Tiền Phong"), not by
    a verb ("báo cáo") or a person's name."""
    if j + 1 >= len(tokens) or j + 1 in names_at:
        return False
    following = tokens[j + 1]
    return following.is_word and following.is_cap and following.key not in TITLE_CAP_STOP


# The last two words of a body complete in itself, after which a title head opens another title ("Chủ tịch nước",
# "Chính phủ", "Quốc hội", "Trung ương", "Tỉnh ủy"); after an organ that holds posts ("Văn phòng Chủ tịch nước",
# "Hội đồng Bộ trưởng", "Đoàn Đại biểu Quốc hội") the head goes on in the title.
BODY_CLOSING_PAIRS: frozenset[tuple[str, str]] = frozenset(
    tuple(pair.split())  # type: ignore[misc]
    for pair in (
        "tịch nước",
        "chính phủ",
        "quốc hội",
        "trung ương",
        "tỉnh ủy",
        "huyện ủy",
        "thành ủy",
        "quận ủy",
        "thị ủy",
    )
)


def _closes_body(tokens: list[Token], k: int) -> bool:
    """Whether token `k` ends a body complete in itself (`BODY_CLOSING_PAIRS`)."""
    return k >= 1 and (tokens[k - 1].key, tokens[k].key) in BODY_CLOSING_PAIRS


def _initial(token: Token) -> bool:
    """A single capital letter, as in the abbreviations "T.Ư" (Trung ương), "H.Nghĩa Hành" (huyện)."""
    return token.is_cap and len(token.text) == 1


def _document_starts(tokens: list[Token], j: int) -> bool:
    """Whether a document's type opens at token `j` ("Quyết định", "Thông báo số ..."); "Kế hoạch" also
    ends a unit's name ("Sở Tài chính và Kế hoạch"), so it needs a number after it."""
    pair = tuple(t.key for t in tokens[j : j + 2])
    if pair not in DOCUMENT_TYPES:
        return False
    return pair not in NUMBERED_DOCUMENT_TYPES or _numbered_document_starts(tokens, j)


def _numbered_document_starts(tokens: list[Token], j: int) -> bool:
    """Whether a document cited by its number opens at token `j` ("Nghị định 106", "Quyết định số 12")."""
    if tuple(t.key for t in tokens[j : j + 2]) not in DOCUMENT_TYPES:
        return False
    nxt = tokens[j + 2].key if j + 2 < len(tokens) else ""
    return nxt == "số" or nxt[:1].isdigit()


def _address_starts(tokens: list[Token], j: int, names_at: dict[int, NameSpan]) -> bool:
    """A form of address: "Ông"/"Bà" before a name, or "Đồng chí" (not "Bà Rịa", "Lâm Đồng", nor "Anh" for
    England before a foreign name)."""
    key = tokens[j].key
    if key == "đồng":
        return j + 1 < len(tokens) and tokens[j + 1].key == "chí"
    if key == "anh" and j + 1 in names_at and names_at[j + 1].text.isascii():
        return False  # the country before a foreign name: "Thủ tướng Anh Theresa B", "Đại sứ Anh Gareth C"
    if key in FOREIGN_HONORIFICS:  # "Thủ tướng Campuchia Samdech Techo Hun Sen"
        k = j
        while k < len(tokens) and tokens[k].key in FOREIGN_HONORIFICS:
            k += 1
        return k in names_at
    return key in TITLE_CAP_STOP and j + 1 in names_at


def _is_rank(tokens: list[Token], j: int) -> bool:
    return j + 1 < len(tokens) and tokens[j + 1].key in RANK_TAILS and tokens[j].is_cap


def _dash_continues(tokens: list[Token], j: int, names_at: dict[int, NameSpan]) -> bool:
    """A dash inside an organisation name ("Văn hóa – Xã hội", "HĐND-UBND") rather than between parts."""
    if j + 1 >= len(tokens):
        return False
    if _numbered_region_before(tokens, j):  # "Tòa án nhân dân khu vực 1 - Hà Nội": the region's province
        nxt = tokens[j + 1]
        named = j + 1 in names_at and not names_at[j + 1].place_like
        return nxt.is_word and nxt.is_cap and not named and head_length(tokens, j + 1) == 0
    if not tokens[j - 1].is_word:
        return False
    if _inside_dashed_place(tokens, j):
        return True
    nxt = tokens[j + 1]
    if nxt.is_lower_word and tokens[j - 1].is_lower_word and _in_organ_field(tokens, j):
        return _closed_lower_part(tokens, j + 1)  # "khoa Chẩn đoán hình ảnh – xét nghiệm,"
    if not nxt.is_word or not nxt.is_cap or j + 1 in names_at or nxt.key in CREDIT_WORDS:
        return False  # "Tổng giám đốc PVTEX - Nguồn: …": a caption's credit
    if tuple(t.key for t in tokens[j + 1 : j + 4]) == ("người", "phát", "ngôn"):
        return False  # "Chánh Văn phòng - Người phát ngôn …": the spokesperson's post, joined after the title
    if tokens[j - 1].is_cap and _ends_place_name(tokens, j - 1, listed=False):
        return False  # "Ban CHQS huyện Đắk Sơn - Cơ quan thường trực …": the organ ended with its place
    return head_length(tokens, j + 1) == 0 and not _honorific_at(tokens, j + 1)  # not "… - Nhà thơ B"


MAX_DASHED_PART = 3


def _closed_lower_part(tokens: list[Token], k: int) -> bool:
    """Whether a few lower-case words at `k`, none a verb or a preposition, run to the punctuation closing the
    title or the text's end: the second part of a dashed field ("Chẩn đoán hình ảnh – xét nghiệm.")."""
    for m in range(k, min(len(tokens), k + MAX_DASHED_PART + 1)):
        if tokens[m].key in APPOSITIVE_END:
            return m > k
        if not tokens[m].is_lower_word or tokens[m].key in TITLE_STOP:
            return False
    return len(tokens) <= k + MAX_DASHED_PART


# First words of the bodies one may sit in "kiêm nhiệm": "Hội đồng", "Ủy ban", "Ban", "Đoàn", "Tổ".
CONCURRENT_BODIES: frozenset[str] = words("hội ủy ban đoàn tổ")


def _concurrent_body(tokens: list[Token], j: int) -> bool:
    """Whether token `j` is "kiêm" or "nhiệm" of "kiêm nhiệm" before a capitalised body that no head opens: the body
    the post's holder also sits in, part of the title ("Ủy viên … kiêm nhiệm Hội đồng Dân tộc"); before a head,
    "kiêm nhiệm" joins two titles."""
    k = j - 1 if tokens[j].key == "nhiệm" else j
    if k < 0 or k + 2 >= len(tokens) or (tokens[k].key, tokens[k + 1].key) != ("kiêm", "nhiệm"):
        return False
    body = tokens[k + 2]
    return body.is_cap and body.key in CONCURRENT_BODIES and not head_length(tokens, k + 2)


MAX_SUBJECT_WORDS = 5  # "về an ninh quốc gia", "về bảo vệ môi trường biển"


def _in_field_subject(tokens: list[Token], j: int, names_at: dict[int, NameSpan]) -> bool:
    """Whether lower-case token `j` is "về" after an organ's lower-case field, or a word of the subject after it,
    the subject running to the title's closing punctuation or a name (`_subject_closes_title`)."""
    for k in range(j, max(0, j - MAX_SUBJECT_WORDS - 1), -1):
        if not tokens[k].is_lower_word:
            return False
        if tokens[k].key == "về":
            return _in_organ_field(tokens, k) and _subject_closes_title(tokens, k + 1, names_at)
    return False


def _subject_closes_title(tokens: list[Token], k: int, names_at: dict[int, NameSpan]) -> bool:
    """Whether a few lower-case words at `k`, none a verb or a preposition, run to the punctuation closing the
    title, a name, or the text's end: the subject of an organ's field after "về"."""
    for m in range(k, min(len(tokens), k + MAX_SUBJECT_WORDS + 1)):
        if tokens[m].key in APPOSITIVE_END or m in names_at:
            return m > k
        if not tokens[m].is_lower_word or (tokens[m].key in TITLE_STOP and not _in_tail_noun(tokens, m)):
            return False
    return len(tokens) <= k + MAX_SUBJECT_WORDS


# Bodies whose name joins two parts with a comma, as (words before it, words after it): the Party committee of
# 2025 "Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương".
COMMA_JOINED_BODIES: frozenset[tuple[tuple[str, ...], tuple[str, ...]]] = frozenset(
    [(("tổ", "quốc"), ("các", "đoàn", "thể"))]
)


def _comma_joined_body(tokens: list[Token], j: int) -> bool:
    """The comma inside a body's name listed in `COMMA_JOINED_BODIES`."""
    for before, after in COMMA_JOINED_BODIES:
        left = tuple(t.key for t in tokens[max(0, j - len(before)) : j])
        right = tuple(t.key for t in tokens[j + 1 : j + 1 + len(after)])
        if left == before and right == after:
            return True
    return False


MAX_ENUMERATED_FIELDS = 6
MAX_LOWER_ITEM = 6  # words of one lower-case item of an organ's field list ("chăm sóc sức khỏe cán bộ")
# Capitalised words that close a field list as its organ's level ("Ban Bảo vệ, chăm sóc sức khỏe cán bộ Trung ương").
LIST_CLOSING_LEVELS: frozenset[tuple[str, ...]] = frozenset([("trung", "ương"), ("tw",), ("tư",)])


def _in_lower_enumeration(tokens: list[Token], j: int, names_at: dict[int, NameSpan]) -> bool:
    """Whether token `j` is a comma of an organ's field listed in lower case, or a word after it up to the list's
    end (`_lower_enumeration_end`)."""
    if not (tokens[j].key == "," or tokens[j].is_lower_word):
        return False
    for k in range(j, max(0, j - MAX_LOWER_ITEM - 1), -1):
        if tokens[k].key == ",":
            return _lower_enumeration_end(tokens, k, names_at) >= j
    return False


# Nouns whose first word ends titles elsewhere ("… cán bộ"), whole inside an item ("sức khỏe cán bộ").
ITEM_NOUNS: frozenset[tuple[str, str]] = frozenset([("cán", "bộ"), ("tái", "định")])


def _lower_item_word(tokens: list[Token], k: int, names_at: dict[int, NameSpan]) -> bool:
    token = tokens[k]
    pair = (token.key, tokens[k + 1].key) if k + 1 < len(tokens) else ("", "")
    return (
        token.is_lower_word
        and token.key != "và"
        and token.key not in PLACE_LEVEL_WORDS
        and (token.key not in TITLE_STOP or (pair in ITEM_NOUNS and tokens[k - 1].key not in TITLE_STOP))
        and token.key not in CAREER_WORDS
        and k not in names_at
        and not head_length(tokens, k, lower_ok=True)
    )


def _lower_enumeration_end(tokens: list[Token], k: int, names_at: dict[int, NameSpan]) -> int:
    """The last token of a field list in lower case whose comma is token `k`, else -1: the field before the comma
    ends in a lower-case word, each item after it is a few lower-case nouns, and the list closes with "và" and a
    last item ("hội đồng bồi thường, hỗ trợ và tái định cư"), with its organ's level ("Ban Bảo vệ, chăm sóc sức
    khỏe cán bộ Trung ương") or its place ("văn hóa, thể thao tỉnh"), or it lists what a "phòng, chống" fights
    ("phòng, chống tệ nạn ma túy, mại dâm")."""
    if k < 1 or not _lower_item_word(tokens, k - 1, names_at):
        return -1
    fights = any(_phong_chong(tokens, m) for m in range(max(1, k - 2 * MAX_LOWER_ITEM), k))
    m = k + 1
    while True:
        start = m
        while m < len(tokens) and m - start < MAX_LOWER_ITEM and _lower_item_word(tokens, m, names_at):
            m += 1
        if m == start or (m < len(tokens) and _lower_item_word(tokens, m, names_at)):
            return -1
        nxt = tokens[m] if m < len(tokens) else None
        if nxt is None:
            return -1
        if nxt.key == ",":
            m += 1
            continue
        if nxt.key == "và":
            last = m + 1
            while last < len(tokens) and last - m <= MAX_LOWER_ITEM and _lower_item_word(tokens, last, names_at):
                last += 1
            return last - 1 if last > m + 1 else -1
        level = tuple(t.key for t in tokens[m : m + 2])
        if nxt.is_cap and (level in LIST_CLOSING_LEVELS or level[:1] in LIST_CLOSING_LEVELS):
            return m - 1
        if nxt.key in PLACE_LEVEL_WORDS and nxt.is_lower_word:
            return m - 1
        return m - 1 if fights and m - start >= 2 else -1


def _enumeration_comma(tokens: list[Token], j: int, names_at: dict[int, NameSpan]) -> bool:
    """A comma inside an organisation's name that lists its fields, each a capitalised word and a lower-case one,
    the last after "và" or before the acronym of them all ("Sở Văn hóa, Thể thao và Du lịch", "Ủy ban Văn hóa, Giáo
    dục, Thanh niên, Thiếu niên và Nhi đồng", "Trung tâm Phát thanh, Truyền hình, Điện ảnh (PT-TH-ĐA) CAND"), or two
    fields before the body owning the organ ("Ủy ban Tài chính, Ngân sách của Quốc hội")."""
    if not tokens[j - 1].is_word:
        return False
    k = j  # a comma; the field after it is tokens k+1, k+2
    for _ in range(MAX_ENUMERATED_FIELDS):
        if k + 4 >= len(tokens) or any(m in names_at for m in range(k + 1, k + 5)) or head_length(tokens, k + 1):
            return False
        first, second, after = tokens[k + 1], tokens[k + 2], tokens[k + 3]
        if not (first.is_cap and not first.is_abbr and second.is_lower_word and second.key != "và"):
            return False
        # the last field after "và" or a dash ("Phòng Hành chính, Quản trị - Tổ chức cán bộ")
        if after.key in ("và", "-", "–"):
            return tokens[k + 4].is_cap
        if after.key == "của" and k == j:  # two fields, then the body owning the organ
            return tokens[k + 4].is_cap and tokens[j - 2].is_cap and tokens[j - 1].is_lower_word
        if after.key == "(":  # "Trung tâm Phát thanh, Truyền hình, Điện ảnh (PT-TH-ĐA)": the fields' acronym
            return _acronym_closing(tokens, k + 3) is not None
        if after.text != ",":
            return False
        k += 3
    return False
