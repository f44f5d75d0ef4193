"""What may trail a title's organ: organ tails, purpose clauses ("phụ trách ..."), posts abroad, missions.

`parse_title` asks these where a title ends once its organ is read.
"""

from __future__ import annotations

from extractors.facts.person_names import NameSpan, Token, joined, words
from extractors.facts.titles.fields import FIELD_ORGAN_NOUNS, _in_named_field, _in_phrase, _phong_chong
from extractors.facts.titles.heads import GRADE_PREFIXES, _honorific_at, head_length
from extractors.facts.titles.vocabulary import (
    DOCUMENT_TYPES,
    OWNING_ORGANS,
    PLACE_LEVEL_WORDS,
    POSTED_ABROAD,
    TITLE_CAP_STOP,
    TITLE_STOP,
    TITLE_VERB_PAIRS,
)

MAX_ORGAN_TAIL = 4
# Organ nouns whose field may go on in lower case: those of FIELD_ORGAN_NOUNS, "Hội", "Viện", "Trung tâm",
# "Tập đoàn", "Quỹ", "Mạng lưới".
TAIL_ORGAN_NOUNS: frozenset[str] = FIELD_ORGAN_NOUNS | words("hội viện tâm đoàn quỹ lưới tct")
MAX_TAIL_PLACE_WORDS = 2
# Punctuation that closes an appositive title ("ông A, Cục phó Cục Quản lý công sản, cho biết"; "A - Chủ tịch Hội
# Văn học nghệ thuật tỉnh - Bà B").
APPOSITIVE_END: frozenset[str] = frozenset([",", ";", ".", "(", ")", "-"])
# Abbreviated places that close an organ's lower-case field ("Hiệp hội bất động sản TP.HCM,", "Ban quản lý An toàn
# thực phẩm TPHCM,"): a place word each, "TP.HCM" and "TP HCM" two.
TAIL_PLACE_ABBREVIATIONS: frozenset[str] = words("tp hcm tphcm hn vn")
# Nouns of an organ's field whose first syllable alone is a verb or a function word of `TITLE_STOP` ("Trung tâm
# nghiên cứu khoa học công nghệ,", "Hiệp hội bất động sản", "Phòng công chứng số 1"): inside a
# lower-case tail the pair goes on.
TAIL_NOUNS: frozenset[tuple[str, str]] = frozenset(
    tuple(noun.split())  # type: ignore[misc]
    for noun in """công nghệ|công nghiệp|công trình|công chứng|công cộng|công thương|công ích|động sản|
    động vật|đại học|đô thị|đồng bằng|đảng viên|người cao|người khuyết|lao động|công viên|
    trên địa|sau đại|đại chúng|nhà ở|thiết bị|trọng điểm|tàn tật|khuyết tật|mồ côi|trật tự""".replace("\n", "").split(
        "|"
    )
)


# What a steering board or a deputy's portfolio is for, written in lower case after "Ban Chỉ đạo" / "BCĐ" or after
# "phụ trách": "Trưởng Ban Chỉ đạo sơ kết 5 năm thực hiện Luật Hợp tác xã năm 2012", "Trưởng Ban Chỉ đạo phòng,
# chống dịch Covid-19 thành phố Hà Nội", "Phó Giám đốc phụ trách công tác thanh tra". Such a purpose holds verbs and
# numbers that end other titles, so it runs on over every word but the sentence's own verbs and prepositions.
MAX_PURPOSE_TOKENS = 14
# Words of `TITLE_STOP` that purposes are made of ("công tác", "5 năm", "sơ kết", "nông thôn mới", "giao thông",
# "lao động", "tổ chức", "đại hội", "triển khai", "cán bộ", "xây dựng đảng").
PURPOSE_WORDS: frozenset[str] = words("công năm kết mới thông động tổ đại khai cán đảng")
# Verbs that end a purpose though no other title ("Trưởng Ban Chỉ đạo giao nhiệm vụ", "… đôn đốc", "… lưu ý").
PURPOSE_STOP: frozenset[str] = (TITLE_STOP - PURPOSE_WORDS) | words("giao đôn lưu")
# Words that never make the second syllable of a capitalised noun ("… Ban Chỉ đạo Huyện đã họp").
CLAUSE_WORDS: frozenset[str] = words(
    "đã đang sẽ được cho tại là có với về đến từ trong nêu phát yêu và cùng khi sau để như theo vừa rồi thì mà "
    "nhưng đều cũng do bị"
)
PURPOSE_TAIL_PAIRS: frozenset[tuple[str, str]] = frozenset([("giao", "thông"), ("giao", "dịch")])


# A committee, a steering board or a council at the national or central level, whose remit "về" names after it
# ("Ủy ban Quốc gia về APEC 2006", "Ban chỉ đạo quốc gia về CNTT", "Ban Chỉ đạo Trung ương về phòng, chống tham
# nhũng"); after other bodies "về" is a movement ("Ban Tổ chức Trung ương về Đà Nẵng công tác").
REMIT_BODIES: frozenset[tuple[str, str]] = frozenset([("ủy", "ban"), ("chỉ", "đạo"), ("hội", "đồng")])
NATIONAL_LEVELS: frozenset[tuple[str, str]] = frozenset([("quốc", "gia"), ("trung", "ương")])


def _remit_after(tokens: list[Token], k: int) -> bool:
    """Whether a committee's national or central level ending at token `k` is followed by "về" and its remit, or a
    police department's administrative management ("Cục Cảnh sát quản lý hành chính | về trật tự xã hội")."""
    if k < 3 or k + 2 >= len(tokens) or tokens[k + 1].key != "về":
        return False
    level, body = (tokens[k - 1].key, tokens[k].key), (tokens[k - 3].key, tokens[k - 2].key)
    return (level in NATIONAL_LEVELS and body in REMIT_BODIES) or (body, level) == (("quản", "lý"), ("hành", "chính"))


def _purpose_opener(tokens: list[Token], i: int, k: int) -> bool:
    """Whether the title from head `i` to token `k` ends with a steering board ("Ban Chỉ đạo", "BCĐ") or a national
    body before its remit ("Ủy ban Quốc gia | về APEC 2006"), or is a bare head and "phụ trách" ("Phó Giám đốc phụ
    trách")."""
    keys = tuple(t.key for t in tokens[max(i, k - 2) : k + 1])
    if keys[-1:] == ("bcđ",) or keys[-3:] == ("ban", "chỉ", "đạo"):
        return True
    if k - i >= 2 and _remit_after(tokens, k):
        return True
    return keys[-2:] == ("phụ", "trách") and head_length(tokens, i) == k - 1 - i


def _purpose_stops(tokens: list[Token], k: int) -> bool:
    """Whether lower-case token `k` is a verb or a preposition that ends a purpose ("Nghị quyết" goes on)."""
    token = tokens[k]
    pair = (token.key, tokens[k + 1].key) if k + 1 < len(tokens) else None
    if pair in TITLE_VERB_PAIRS:
        return True
    if token.key not in PURPOSE_STOP or pair in PURPOSE_TAIL_PAIRS or (tokens[k - 1].key, token.key) in TAIL_NOUNS:
        return False  # "giao thông"; the second syllable of a field's noun ("về trật tự xã hội")
    if _in_phrase(tokens, k) or _in_named_field(tokens, k):
        return False  # "phòng, chống tham nhũng", "Ban Chỉ đạo Tổng điều tra dân số"
    before, earlier = tokens[k - 1], tokens[k - 2]
    if before.is_cap and before.is_word and not before.is_abbr and token.key not in CLAUSE_WORDS:
        # the second syllable of a noun written with its first capitalised ("Chương trình", "Kỳ thi", "Đề án"),
        # not a verb after a name ("… Hà Nội cho biết")
        return earlier.is_cap and earlier.is_word
    if token.key in ("của", "thuộc") and k + 1 < len(tokens):  # "… cải cách hành chính của Chính phủ"
        if token.key == "của" and _board_level_at(tokens, k):
            return False  # the board's level: "Phó Trưởng ban Chỉ đạo thi của tỉnh"
        return not (tokens[k + 1].key in OWNING_ORGANS and tokens[k + 1].is_cap)
    return not (tokens[k - 1].is_cap and (tokens[k - 1].key, token.key) in DOCUMENT_TYPES)


def _board_level_at(tokens: list[Token], k: int) -> bool:
    """Whether "của" at token `k` gives a steering board's level in lower case right after the board or its
    one-word purpose ("Ban Chỉ đạo của huyện", "Ban Chỉ đạo thi của tỉnh"); after a longer purpose the place is the
    owner of what the purpose names ("… thực hiện Nghị quyết 26 của tỉnh")."""
    if k + 1 >= len(tokens) or tokens[k + 1].key not in PLACE_LEVEL_WORDS or not tokens[k + 1].is_lower_word:
        return False
    board_ends = ("đạo", "bcđ")
    return tokens[k - 1].key in board_ends or (
        k >= 2 and tokens[k - 2].key in board_ends and tokens[k - 1].is_lower_word
    )


def _portfolio_at(tokens: list[Token], k: int) -> bool:
    """Whether "phụ trách" at token `k` opens a portfolio in lower case ("phụ trách khối văn xã", "phụ trách địa
    bàn"), not the organ the post is in charge of ("Phó Bí thư Thường trực phụ trách Thành ủy")."""
    after = tokens[k + 2] if k + 2 < len(tokens) else None
    return (tokens[k].key, tokens[k + 1].key if k + 1 < len(tokens) else "") == ("phụ", "trách") and (
        after is None or not after.is_cap
    )


def _purpose_end(tokens: list[Token], text: str, i: int, last: int, names_at: dict[int, NameSpan]) -> int:
    """The last token of a steering board's or a portfolio's purpose after the title `i`..`last` (`last` when none);
    a verb the title ran into after the board is cut off ("Trưởng ban chỉ đạo giao nhiệm vụ")."""
    opener = next((k for k in range(last, i, -1) if _purpose_opener(tokens, i, k)), None)
    if opener is None:
        # "Phó Chủ tịch UBND huyện phụ trách khối văn xã": a portfolio after a whole title is no part of it,
        # nor the area a member of a working group is in charge of ("tổ trưởng … quận B phụ trách địa bàn phường")
        portfolio = next((k for k in range(i + 2, last + 1) if _portfolio_at(tokens, k)), None)
        return portfolio - 1 if portfolio is not None else last
    verb = next((k for k in range(opener + 1, last + 1) if tokens[k].is_lower_word and _purpose_stops(tokens, k)), None)
    if verb is not None:
        return opener
    end = opener
    start = opener + 2 if _remit_after(tokens, opener) else opener + 1  # past "về" before a national body's remit
    for k in range(start, min(len(tokens), start + MAX_PURPOSE_TOKENS)):
        token, prev = tokens[k], tokens[k - 1]
        if k in names_at or token.start - prev.end > 3 or "\n" in text[prev.end : token.start]:
            break
        if token.is_lower_word:
            if _purpose_stops(tokens, k):
                break
        elif token.is_word:
            if head_length(tokens, k) or token.key in TITLE_CAP_STOP or _honorific_at(tokens, k):
                break
        elif token.key == ",":
            if not _phong_chong(tokens, k):
                break
        elif token.key == "-":
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            between_numbers = nxt is not None and prev.key.isdigit() and nxt.key.isdigit()
            if not (between_numbers or (nxt is not None and token.start == prev.end and nxt.start == token.end)):
                break  # "Covid-19", "2016 - 2020"
        elif not token.key.isdigit():
            break
        if _ends_title(token):
            end = k
    return max(end, last)


def _organ_tail_end(tokens: list[Token], text: str, first: int, last: int, names_at: dict[int, NameSpan]) -> int:
    """A capitalised organ's field that goes on in lower case up to the punctuation closing the title ("Cục
    Quản lý công sản,", "Vụ Ngân sách nhà nước;", "Hội Huyết học truyền máu Việt Nam ("): a few lower-case words,
    none a verb or a preposition, maybe a place's capitalised words after them, then that punctuation or the
    line's end. Else `last`."""
    if not any(_organ_noun_at(tokens, k) for k in range(first, last + 1)):
        return last
    if not tokens[last].is_word or tokens[last].is_abbr:
        return last  # after an acronym ("UBND") only a place follows
    place_words = 0  # capitalised words closing the tail ("Hội Huyết học truyền máu Việt Nam,")
    for k in range(last + 1, last + 2 + MAX_ORGAN_TAIL + MAX_TAIL_PLACE_WORDS):
        if k == len(tokens):
            return k - 1  # the text's end closes the title
        token = tokens[k]
        if token.key == "." and tokens[k - 1].key == "tp" and place_words and joined(tokens, k - 1, k):
            continue  # "TP.HCM"
        if token.key in APPOSITIVE_END or "\n" in text[tokens[k - 1].end : token.start]:
            return k - 1  # `last` itself when nothing came between
        if token.key == "gồm" and k > last + 1 and k + 1 < len(tokens) and tokens[k + 1].key == ":":
            return k - 1  # a group title's list: "Giám đốc Ban quản lý dự án y tế trọng điểm gồm: A, B"
        if place_words and token.is_lower_word and token.key in TITLE_STOP:
            return k - 1  # the place closes the organ before the sentence's verb ("… TP.HCM cho biết")
        if k - last - place_words > MAX_ORGAN_TAIL:
            return last
        if k in names_at or head_length(tokens, k, True):
            return last
        named_place = not token.is_abbr or token.key in TAIL_PLACE_ABBREVIATIONS
        if token.is_word and token.is_cap and named_place and k > last + 1 and place_words < MAX_TAIL_PLACE_WORDS:
            place_words += 1
            continue
        if place_words and token.key == "ương" and tokens[k - 1].key == "trung":
            continue  # "Viện Pháp y tâm thần Trung ương"
        if place_words or not token.is_lower_word:
            return last
        if token.key in TITLE_STOP and not _in_tail_noun(tokens, k):
            return last
        if k + 1 < len(tokens) and (token.key, tokens[k + 1].key) in TITLE_VERB_PAIRS:
            return last  # "Trung tâm Khí tượng thủy văn quốc gia giải thích, …": the verb ends the organ
    return last


def _in_tail_noun(tokens: list[Token], k: int) -> bool:
    """Token `k` is a syllable of a noun of `TAIL_NOUNS` ("công nghệ", "lao động")."""
    before = k > 0 and (tokens[k - 1].key, tokens[k].key) in TAIL_NOUNS
    return before or (k + 1 < len(tokens) and (tokens[k].key, tokens[k + 1].key) in TAIL_NOUNS)


# Heads whose post is serving another leader, named by that leader's title ("Trợ lý Tổng Bí thư").
SERVING_HEADS: frozenset[tuple[str, ...]] = frozenset([("thư", "ký"), ("trợ", "lý"), ("người", "phát", "ngôn")])


def _serves_a_leader(tokens: list[Token], i: int, size: int) -> bool:
    """Whether the head at `i` serves a leader, a grade word before it aside ("Quyền Trợ lý Giám đốc A")."""
    keys = tuple(t.key for t in tokens[i : i + size])
    return keys in SERVING_HEADS or any(keys[len(p) :] in SERVING_HEADS for p in GRADE_PREFIXES.values())


def _organ_noun_at(tokens: list[Token], k: int) -> bool:
    """An organ noun of `TAIL_ORGAN_NOUNS` written as a name: capitalised ("Hội", "Viện") or after a capital
    ("Trung tâm", "Tập đoàn", "Trưởng ban")."""
    return tokens[k].key in TAIL_ORGAN_NOUNS and (tokens[k].is_cap or (k > 0 and tokens[k - 1].is_cap))


def _posted_abroad(tokens: list[Token], i: int, size: int) -> bool:
    return tuple(t.key for t in tokens[i : i + size] if t.key != "nguyên") in POSTED_ABROAD


# Bodies named by the city they sit in: "TAND cấp cao tại Hà Nội", "VKSND cấp cao tại Đà Nẵng", "Văn phòng đại
# diện tại TP Hồ Chí Minh", "Cơ quan thường trú tại miền Trung" (elsewhere "tại" ends a title: "… tại buổi làm việc").
SEATED_BY: frozenset[tuple[str, str]] = frozenset([("cấp", "cao"), ("đại", "diện"), ("thường", "trú")])


# A diplomatic mission inside a title, whose country or city follows "tại" as a diplomat's does: "Trưởng ban Công
# tác cộng đồng Đại sứ quán Việt Nam tại Đức", "Tham tán Tổng Lãnh sự quán Việt Nam tại Osaka".
# A body's representative office abroad likewise: "Trưởng Đại diện Thường trú Chương trình Phát triển của Liên Hiệp Quốc
# tại Việt Nam".
MISSION_WORDS: frozenset[tuple[str, str]] = frozenset([("sứ", "quán"), ("sự", "quán"), ("đại", "diện")])


def _mission_in(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the title from token `i` up to `j` names a diplomatic mission ("Đại sứ quán", "Lãnh sự quán")."""
    return any((tokens[k].key, tokens[k + 1].key) in MISSION_WORDS for k in range(i, j - 1))


def _post_place_at(tokens: list[Token], j: int, abroad: bool) -> bool:
    """Where a post sits, at token `j`: a diplomat's capitalised country or city after "tại", or the country
    sending them after "của" ("Đại sứ đặc mệnh toàn quyền của Vương quốc Anh tại Việt Nam"); for other posts
    the city after "tại" of a body named by its seat (`SEATED_BY`)."""
    if j + 1 >= len(tokens) or not tokens[j + 1].is_cap:
        return False
    if abroad:
        return tokens[j].key in ("tại", "của")
    return tokens[j].key == "tại" and j >= 2 and (tokens[j - 2].key, tokens[j - 1].key) in SEATED_BY


def _ends_title(token: Token) -> bool:
    """A title may end in a word or a unit's number ("tổ dân phố 5"), not in punctuation."""
    return token.is_word or token.key.isdigit()
