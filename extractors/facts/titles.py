"""Titles of officials ("Phó Bí thư Thường trực Huyện ủy", "Chủ tịch UBND xã Nậm Pồ", "TUV").

A title starts at a head word ("Bí thư", "Chủ tịch", "Ủy viên", "Trưởng Ban", "Tỉnh ủy viên", "TUV" ...) and
runs on through its organisation. It stops at punctuation, at a verb or preposition, before a term
qualifier ("khóa XXIV", "nhiệm kỳ ..."), and where a person's name begins (then it is that person's title).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors.facts.person_names import ADDRESS_TERMS, TIMES_OF_DAY, NameSpan, Token, joined, not_persons, words
from extractors.normalize import fold_diacritics, match_form

# Head words, as case-folded token sequences; the longest one matching wins. Heads that read as common words
# once their marks are dropped stay out ("thị trưởng" = "thị trường", "quốc vương" = the name "Quốc Vượng").
# "Tổng KTNN", "Phó Tổng TTCP": the heads "Tổng Kiểm toán Nhà nước", "Tổng Thanh tra Chính phủ" with their
# organ abbreviated.
TITLE_HEADS: tuple[tuple[str, ...], ...] = tuple(
    tuple(head.split())
    for head in """bí thư|phó bí thư|tổng bí thư|chủ tịch|phó chủ tịch|chủ nhiệm|phó chủ nhiệm|ủy viên|
    giám đốc|phó giám đốc|tổng giám đốc|phó tổng giám đốc|trưởng|phó trưởng|chánh văn phòng|
    phó chánh văn phòng|chánh thanh tra|phó chánh thanh tra|chánh án|phó chánh án|viện trưởng|
    phó viện trưởng|chỉ huy trưởng|phó chỉ huy trưởng|chính ủy|phó chính ủy|bộ trưởng|thứ trưởng|
    thủ tướng|phó thủ tướng|cục trưởng|phó cục trưởng|vụ trưởng|phó vụ trưởng|hiệu trưởng|
    phó hiệu trưởng|hiệu phó|tư lệnh|phó tư lệnh|tổ trưởng|tổ phó|đại biểu quốc hội|đại biểu hđnd|
    đại biểu hội đồng nhân dân|tỉnh ủy viên|thành ủy viên|huyện ủy viên|quận ủy viên|thị ủy viên|đảng ủy viên|
    chi ủy viên|
    ủy viên thường trực|kiểm sát viên|thẩm phán|chủ tọa|phó ban|phó phòng|thường trực ban bí thư|
    đội trưởng|phó đội trưởng|đội phó|xã đội trưởng|xã đội phó|trạm trưởng|phó trạm trưởng|chỉ huy phó|
    trưởng khoa|phó trưởng khoa|tham mưu trưởng|phó tham mưu trưởng|chính trị viên|chính trị viên phó|
    chấp hành viên|thanh tra viên|điều tra viên|thẩm tra viên|thủ trưởng|phó thủ trưởng|chi cục trưởng|
    phó chi cục trưởng|hội thẩm|đại sứ|tổng lãnh sự|lãnh sự|tổng thư ký|phó tổng thư ký|thư ký|tổng thanh tra|
    phó tổng thanh tra|tổng cục trưởng|phó tổng cục trưởng|tổng biên tập|phó tổng biên tập|trợ lý|
    kế toán trưởng|cụm trưởng|cụm phó|tổng kiểm toán|phó tổng kiểm toán|kiểm toán trưởng|phó kiểm toán trưởng|
    tổng ktnn|phó tổng ktnn|tổng ttcp|phó tổng ttcp|
    tổng tham mưu trưởng|phó tổng tham mưu trưởng|chánh vp|phó chánh vp|cục phó|vụ phó|trạm phó|viện phó|
    chi cục phó|hạt trưởng|
    phó hạt trưởng|hạt phó|đồn trưởng|phó đồn trưởng|đồn phó|thượng nghị sĩ|
    thượng nghị sỹ|thống đốc|phó thống đốc|tổng thống|phó tổng thống|ngoại trưởng|đại sứ đặc mệnh toàn quyền|
    cán bộ|chuyên viên|công chức|tiểu đoàn trưởng|phó tiểu đoàn trưởng|trung đoàn trưởng|phó trung đoàn trưởng|
    sư đoàn trưởng|phó sư đoàn trưởng|lữ đoàn trưởng|phó lữ đoàn trưởng|đại đội trưởng|phó đại đội trưởng|
    quốc vụ khanh|kiến trúc sư trưởng|phó kiến trúc sư trưởng|tham tán|tham tán công sứ|tùy viên|
    đô đốc|phó đô đốc|chuẩn đô đốc|ủy viên trưởng|phó ủy viên trưởng|đặc phái viên|phó công an|
    chi hội trưởng|chi hội phó|thôn phó|xóm phó|ấp phó
    """.replace("\n", "").split("|")
)


@dataclass(frozen=True)
class Abbreviation:
    """An abbreviated head ("PBT"), what it stands for, and where it may open a title."""

    title: str
    before_organ: bool = False  # also a code or a word ("CT" = Chỉ thị): a head only right before an organ
    after_title_list: bool = False  # also names a body ("BTV Huyện ủy tổ chức"): only in a list of titles


def _load_abbreviations() -> tuple[dict[str, Abbreviation], frozenset[str]]:
    data = tomllib.loads(_ABBREVIATIONS_FILE.read_text(encoding="utf-8"))
    heads = {match_form(code).casefold(): Abbreviation(**spec) for code, spec in data["heads"].items()}
    return heads, words(data["organs"]["first_words"])


_ABBREVIATIONS_FILE = Path(__file__).with_name("title_abbreviations.toml")
# The abbreviation table as data (title_abbreviations.toml), keyed by the folded code ("pbt").
ABBREVIATIONS, ORGAN_FIRST_WORDS = _load_abbreviations()
TITLE_HEADS = TITLE_HEADS + tuple((code,) for code in ABBREVIATIONS)
# Military and police ranks ("Thượng úy", "Đại tá"): a title of their own, written before the name, that
# never runs on into an organisation.
RANK_HEADS: frozenset[tuple[str, ...]] = frozenset(
    (grade, tail) for grade in ("đại", "thượng", "trung", "thiếu") for tail in ("tá", "úy", "tướng")
)
TITLE_HEADS = TITLE_HEADS + tuple(sorted(RANK_HEADS))
# Naval flag ranks ("Chuẩn đô đốc", "Phó Đô đốc"), ranks like the others though not of grade and tail.
NAVAL_RANKS: frozenset[tuple[str, ...]] = frozenset([("đô", "đốc"), ("phó", "đô", "đốc"), ("chuẩn", "đô", "đốc")])
# Every word of a head ("thư" of "Bí thư"), to recognise a title's lower-case syllables out of context.
HEAD_WORDS: frozenset[str] = frozenset(word for head in TITLE_HEADS for word in head)
HEAD_LAST_WORDS: frozenset[str] = frozenset(head[-1] for head in TITLE_HEADS if len(head) > 1)
MAX_HEAD_TOKENS = max(len(head) for head in TITLE_HEADS)
_HEADS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _head in sorted(set(TITLE_HEADS), key=len, reverse=True):
    _HEADS_BY_FIRST.setdefault(_head[0], []).append(_head)

# Abbreviated heads that also name a body ("BTV Huyện ủy tổ chức ..."): a title only where a list of titles
# goes on after a name (", BTV Huyện ủy" / "– BTV").
LISTED_ONLY_HEADS: frozenset[str] = frozenset(code for code, spec in ABBREVIATIONS.items() if spec.after_title_list)
BEFORE_ORGAN_HEADS: frozenset[str] = frozenset(code for code, spec in ABBREVIATIONS.items() if spec.before_organ)
# "Trưởng"/"Phó trưởng" alone is a head only before an organisation word or a capitalised word.
# (and "Cục trưởng"/"Vụ trưởng" before their organ written in lower case: "Cục trưởng cục Thuế"; "Tổ trưởng
# trinh sát …", a police investigators' team).
_BARE_TRUONG_NEXT: frozenset[str] = words(
    "ban phòng đoàn thôn bản khu trạm khoa ấp xóm tổ công cục vụ viện sở hạt đồn đội trinh"
)
# Lower-case words that may sit anywhere inside a title (administrative levels, organisation words).
TITLE_LOWER_OK: frozenset[str] = words(
    """ủy viên huyện tỉnh xã phường quận thị trấn thành phố thôn bản ấp làng khu xóm nhân dân nông
    thường trực ban phòng đoàn trưởng hội quốc tế nghiệp vụ chấp hành chi bộ nước cựu chiến binh trường miền"""
)
# Last syllables of organ nouns ("Ban", "Phòng", "Sở", "Hội đồng", "Liên đoàn", "Trung tâm", "Cơ quan"): the
# words right after one name the organ's field, often in lower case ("Trưởng phòng kinh tế hạ tầng", "Ban
# cán sự đảng", "Hội đồng thẩm định", "Liên đoàn lao động huyện").
ORGAN_NOUN_TAILS: frozenset[str] = words(
    "ban phòng sở vụ viện cục hội đoàn đồng tâm quan hiệp trường khoa nhóm tòa bộ cụm trạm khu"
)
# Team nouns whose field goes on in lower case only after the capitalised noun ("tổ chức", "đội ngũ" elsewhere).
TEAM_NOUNS: frozenset[str] = words("tổ đội")
# Acronyms of nouns that a field goes on after in lower case ("Hiệp hội DN nhỏ và vừa": doanh nghiệp).
FIELD_ACRONYMS: frozenset[str] = words("dn")
# Organ nouns of two syllables whose last one also ends other words ("doanh nghiệp", "nông nghiệp"): only the pair
# opens a lower-case field ("Phó giám đốc Xí nghiệp cấp nước A").
ORGAN_NOUN_PAIRS: frozenset[tuple[str, str]] = frozenset([("xí", "nghiệp")])
# First syllables of organ nouns that may follow a head in lower case ("Giám đốc sở Tư pháp", "Giám đốc bệnh
# viện Bạch Mai", "Chủ tịch nhóm nghị sĩ ...").
ORGAN_FIRST_WORDS_LOWER: frozenset[str] = words("sở nhóm bệnh viện cục vụ trung liên ủy văn tòa khoa hội đoàn")
# Words after which only a place's name follows, never an organ's field.
PLACE_LEVEL_WORDS: frozenset[str] = words("huyện tỉnh xã phường quận thị trấn thành phố thôn bản ấp làng khu xóm tp")
MAX_FIELD_WORDS = 6
# First syllables of the Party committees of a place ("Tỉnh ủy Quảng Trị"), which its name follows.
LOCAL_PARTY_COMMITTEES: frozenset[str] = words("tỉnh huyện thành quận thị")
# Unit words that a number or a name completes inside a title ("Bí thư Chi bộ tổ dân phố 5", "thôn 3", the naval
# region "Vùng 3 Hải quân", a project board "Giám đốc Ban 4").
UNIT_WORDS: frozenset[str] = words(
    "thôn bản ấp khu xóm phố tổ đội phường quận làng buôn sóc cư trường đoàn phòng vùng ban"
)
# Residential units written as abbreviations, which a number completes alike ("Tổ trưởng TDP 76", "KDC 3", "KP 2").
UNIT_ABBREVIATIONS: frozenset[str] = words("tdp kdc kp")
# Words opening a caption's credit after a title ("… UBND TP. Ảnh: …", "… - Nguồn: …"): never part of an organ.
CREDIT_WORDS: frozenset[str] = words("ảnh nguồn clip video")
# Lower-case words that end a title: verbs, prepositions, term qualifiers ("khóa", "nhiệm kỳ").
TITLE_STOP: frozenset[str] = words(
    """phát chủ trình đề cho yêu khẳng nhấn điều thay trân đánh tiếp quán báo kiến trả được đã đang
    sẽ cùng tại về với đến dự tham thứ gồm khác làm kiểm thăm tặng trao chúc khóa nhiệm lần kỳ do đồng nêu mong
    gửi ghi biểu lưu chỉ giữ đọc công thông không từ trong năm ngày kiêm là có của các những cũng
    vừa đi vào ra nhận bày cảm chia đón dẫn đại hướng lãnh nghe phân quyết sau tổ khai bế hoan
    mừng gặp tuyên xem xin ký kết tới nói thừa nắm nhắc đặt động người cán nhiều đảng bị vì theo
    như trên dưới ở ngoài khi sáng chiều tối hôm để thì mà nhưng nên rằng tự tán trúng tái cũng
    điểm mới tân ông bà anh chị đương đối rồi phải sang hay hoặc vẫn đều luôn rất cần muốn bởi hãy xác kể
    chụp thốt vui một lên lại từng qua bên hai hết nộp"""
)
# Lower-case verbs of two words whose first word may also sit inside a title ("thường trực", "quản lý", "cơ quan
# Trung ương tâm ..."): the pair ends the title ("Phó Chủ tịch UBND tỉnh trực tiếp chỉ đạo", "Hiệu trưởng Trường
# mầm non A lý giải").
TITLE_VERB_PAIRS: frozenset[tuple[str, str]] = frozenset(
    [
        ("trực", "tiếp"),
        ("lý", "giải"),
        ("giải", "trình"),
        ("giải", "thích"),
        ("tiết", "lộ"),
        ("tâm", "sự"),
        ("cam", "kết"),
        ("bức", "xúc"),
        ("sở", "hữu"),
        ("khuyến", "khích"),
        ("cách", "đây"),
        ("ôn", "lại"),
        ("giới", "thiệu"),
        ("giới", "hạn"),
        ("đăng", "đàn"),
    ]
)
# Lower-case two-word phrases inside a title, each with the words it may follow (None: any word):
# "Đoàn đại biểu Quốc hội", "Tổ đại biểu", "Phó Trưởng Đoàn chuyên trách", "Trưởng đoàn công tác".
TITLE_PHRASES: dict[tuple[str, str], frozenset[str] | None] = {
    ("chuyên", "trách"): None,
    # "Trung tâm Bất động sản", "Hiệp hội Bất động sản" ("Bất động" by `COMPOUND_TAILS_AFTER_CAP`)
    ("động", "sản"): words("bất"),
    # "Báo điện tử Chính phủ", "Trưởng ban Bạn đọc Báo điện tử A" ("tử" alone ends a title)
    ("điện", "tử"): words("báo"),
    # "Trưởng Văn phòng đại diện …" ("đại" alone opens "đại biểu"; "đại diện cho" is a verb)
    ("đại", "diện"): words("phòng"),
    # "Chủ tịch danh dự", "Hội trưởng danh dự" ("dự" alone is "attend" and ends a title)
    ("danh", "dự"): words("tịch trưởng"),
    # "Hiệp hội Doanh nghiệp nhỏ và vừa" ("vừa" alone is "just" and ends a title)
    ("và", "vừa"): words("nhỏ"),
    # "Công đoàn cơ sở", "Đảng bộ cơ sở", "Hội Nông dân cơ sở"
    ("cơ", "sở"): None,
    # "Ủy ban bầu cử", "Ban Chỉ đạo bầu cử", "Hội đồng bầu cử"
    ("bầu", "cử"): words("ban đạo đồng"),
    # "Ban Chỉ huy phòng thủ dân sự", "Ban Chỉ huy quân sự"
    ("phòng", "thủ"): words("huy"),
    ("quân", "sự"): words("huy"),
    # "Trưởng Đoàn ĐBQH đơn vị Đà Nẵng", "Đoàn đại biểu Quốc hội đơn vị tỉnh B": the delegation's constituency
    ("đơn", "vị"): words("đbqh hội"),
    # "Ban Quản lý Công viên địa chất Đắk Nông", "Mạng lưới Công viên địa chất toàn cầu UNESCO"
    ("địa", "chất"): words("viên"),
    ("toàn", "cầu"): words("chất"),
    # "Ban Quản lý dự án đầu tư xây dựng huyện"
    ("dự", "án"): words("lý"),
    ("đầu", "tư"): words("án"),
    ("xây", "dựng"): words("tư"),
    **{pair: words("đoàn tổ") for pair in (("đại", "biểu"), ("công", "tác"), ("giám", "sát"), ("kiểm", "tra"))},
    # "Tổ kiểm tra công vụ", "Đoàn kiểm tra công vụ"
    ("công", "vụ"): words("tra"),
    # Units written half in lower case: "Phòng giao dịch NHCSXH", "Phòng Cảnh sát hình sự", "Cơ quan Cảnh sát
    # điều tra", "Đội Cảnh sát quản lý hành chính", "Chi cục Thi hành án dân sự", "Trạm y tế xã".
    ("giao", "dịch"): words("phòng"),
    ("hình", "sự"): words("sát tra tòa"),
    ("dân", "sự"): words("án tòa thủ"),  # "Thi hành án dân sự", "phòng thủ dân sự"
    ("hành", "án"): words("thi"),
    ("kinh", "tế"): words("sát tòa"),
    ("ma", "túy"): words("sát"),
    # Police investigators' units: "Tổ trưởng trinh sát địa bàn quận A", "Đội trinh sát"
    ("trinh", "sát"): None,
    ("địa", "bàn"): words("sát"),
    ("điều", "tra"): words("sát quan ninh"),  # "Cơ quan Cảnh sát/An ninh điều tra"
    ("giao", "thông"): words("sát toàn lý"),  # "Ủy ban An toàn giao thông", "Khu Quản lý giao thông đô thị"
    ("cơ", "động"): words("sát"),
    ("trật", "tự"): words("sát lý"),  # "Cảnh sát trật tự", "Đội quản lý trật tự đô thị"
    ("quản", "lý"): words("sát"),
    ("hành", "chính"): words("lý vụ chức"),  # "Trung tâm Phục vụ hành chính công"
    ("chính", "công"): words("hành"),
    ("y", "tế"): words("trạm"),
    # Schools and companies written half in lower case: "Trường đại học Sư phạm Huế", "Trường cao đẳng Y tế",
    # "Công ty cổ phần Bóng đèn A", "Công ty trách nhiệm hữu hạn B".
    ("đại", "học"): words("trường"),
    ("cao", "đẳng"): words("trường"),
    ("cổ", "phần"): words("ty"),
    # Fields whose second word alone ends a title: "Sở Quy hoạch kiến trúc", "Hội Quy hoạch phát triển đô thị",
    # "Quỹ Đầu tư phát triển", "Vụ Quản lý đê điều", "Ban Chỉ đạo Chương trình mục tiêu quốc gia".
    ("kiến", "trúc"): words("hoạch"),
    ("phát", "triển"): words("hoạch tư cứu"),
    ("đê", "điều"): words("lý"),
    ("mục", "tiêu"): words("trình"),
    ("nghề", "nghiệp"): words("dục"),
    ("thường", "xuyên"): words("dục"),
    # Grades after a judicial or inspection post: "Kiểm sát viên trung cấp", "Thẩm phán cao cấp".
    **{(grade, "cấp"): words("viên phán") for grade in ("sơ", "trung", "cao")},
    # Levels of the courts and procuracies: "TAND tối cao", "Viện kiểm sát nhân dân cấp cao tại Đà Nẵng".
    ("tối", "cao"): words("tand vksnd dân"),
    ("cấp", "cao"): words("tand vksnd dân"),
    # Organs written in lower case: "Trưởng ban tổ chức Huyện ủy", "phó trưởng ban dân vận", "Bí thư đảng ủy
    # Quân sự huyện", "Phó Giám đốc phụ trách Sở", "Đảng ủy Khối các cơ quan", "Chi bộ công nghệ thông tin".
    ("phụ", "trách"): None,
    ("đảng", "ủy"): None,
    ("đảng", "bộ"): None,
    ("chi", "bộ"): None,
    ("chi", "ủy"): None,
    **{pair: words("ban") for pair in (("tổ", "chức"), ("tuyên", "giáo"), ("dân", "vận"), ("nội", "chính"))},
    ("thường", "vụ"): words("ban"),
    ("mặt", "trận"): words("tác"),
    ("các", "cơ"): words("khối ủy"),  # "Đảng ủy Khối các cơ quan", "Đảng ủy các cơ quan Đảng Trung ương"
    # "Đảng ủy cơ quan Tạp chí …", "Đảng bộ cơ quan", "Thủ trưởng cơ quan cảnh sát điều tra Công an huyện"
    ("cơ", "quan"): words("các ủy bộ trưởng"),
    ("cán", "sự"): words("ban"),  # "Ban cán sự đảng"
    ("chỉ", "đạo"): words("ban"),  # "Ban chỉ đạo …"
    ("công", "an"): None,  # "Trưởng công an huyện"
    ("công", "ty"): None,  # "Giám đốc điều hành công ty TNHH …"
    ("công", "đoàn"): None,  # "Chủ tịch công đoàn công ty"
    ("việc", "làm"): words("vụ"),  # "Trung tâm Dịch vụ việc làm"
    ("quốc", "gia"): None,  # "Ủy ban An toàn giao thông quốc gia"
    ("thế", "giới"): None,  # "Hiệp hội Đầu bếp thế giới"
    ("một", "thành"): words("tnhh"),  # "Công ty TNHH một thành viên" ("một" alone ends a title)
    ("tham", "nhũng"): None,  # "Cục Chống tham nhũng"
    ("kiểm", "sát"): words("viện"),  # "Viện kiểm sát nhân dân huyện"
    ("cán", "bộ"): words("chức"),  # "Vụ Tổ chức cán bộ"
    ("tham", "mưu"): words("bộ ban phòng"),  # "Bộ tham mưu", "Trưởng phòng tham mưu Công an TP"
    ("điều", "hành"): words("đốc"),  # "Giám đốc điều hành"
    ("nghệ", "cao"): words("công"),  # "Khu Công nghệ cao"
    # Organ nouns of two syllables written in lower case ("Giám đốc bệnh viện Bạch Mai").
    **{pair: None for pair in (("bệnh", "viện"), ("trung", "tâm"), ("liên", "đoàn"), ("ủy", "ban"), ("tòa", "án"))},
    ("sự", "đảng"): words("cán"),
    # The National Assembly's committee on social affairs: "Ủy ban (về) các vấn đề xã hội"
    ("các", "vấn"): words("ban về"),
    ("vấn", "đề"): words("các"),
    ("về", "các"): words("ban"),
    ("công", "nghệ"): words("bộ phòng"),
    ("thông", "tin"): words("nghệ"),
    # Qualifiers of a body or a seat written in lower case: "Ủy viên trung ương", "Ủy viên dự khuyết Trung ương
    # Đảng", "Bí thư thứ nhất", "Trạm nghiên cứu …", "Ban chỉ huy Quân sự", "Ban bồi thường giải phóng mặt bằng".
    ("trung", "ương"): None,
    ("dự", "khuyết"): None,
    ("thứ", "nhất"): None,
    ("nghiên", "cứu"): None,
    ("chỉ", "huy"): words("ban"),
    ("giải", "phóng"): None,
    ("mặt", "bằng"): words("phóng"),
    ("kiểm", "lâm"): words("trạm hạt cục"),  # "Trạm kiểm lâm số 2", "Hạt kiểm lâm"
    # The national programme that offices and councils are named after: "Văn phòng điều phối nông thôn mới tỉnh",
    # "Hội đồng thẩm định xã nông thôn mới" ("mới" alone is "newly" and ends a title).
    ("điều", "phối"): words("phòng ban"),
    # "Đảng ủy khối đối ngoại Trung ương", "Ban đối ngoại": a party bloc and its field written in lower case.
    ("ủy", "khối"): words("đảng"),
    ("đối", "ngoại"): words("khối ban"),
    ("thôn", "mới"): words("nông"),
    # "Ban Quản lý Khu bảo tồn thiên nhiên Pù Luông", "Ngân hàng Nhà nước chi nhánh khu vực Tây Nguyên", "Phó
    # Hiệu trưởng nhà trường" (the school the article is about).
    ("bảo", "tồn"): words("khu"),
    ("thiên", "nhiên"): words("tồn"),
    ("chi", "nhánh"): None,
    ("khu", "vực"): words("nhánh"),
    ("nhà", "trường"): words("trưởng phó"),
    # The special zones that replaced island districts in 2025, a commune-level unit like a ward: "Chủ tịch UBND
    # đặc khu Phú Quốc", "Bí thư Đảng ủy đặc khu Côn Đảo" ("đặc" alone is no word of a title).
    ("đặc", "khu"): None,
    # Industrial parks and the boards and departments named after them: "Ban Quản lý các khu công nghiệp tỉnh",
    # "Khu công nghiệp Tân Bình", "Cụm công nghiệp", "Cục Kỹ thuật an toàn và Môi trường công nghiệp" ("công"
    # alone ends a title).
    ("các", "khu"): words("lý"),
    ("công", "nghiệp"): words("khu cụm trường"),
    # "Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương" (`COMMA_JOINED_BODIES`)
    ("các", "đoàn"): words(","),
    # Diplomatic missions: "Đại sứ quán", "Tổng Lãnh sự quán" ("quán" alone opens "quán triệt")
    ("sứ", "quán"): words("đại"),
    ("sự", "quán"): words("lãnh"),
    # Nouns whose second syllable alone is a verb or a function word: "Trung tâm đăng kiểm", "Chuyên viên hợp
    # đồng", "Cục Hàng không", "bộ môn kỹ thuật hàng không".
    ("đăng", "kiểm"): None,
    ("hợp", "đồng"): None,
    ("hàng", "không"): None,
    # Parliaments written half in lower case: "Hạ nghị viện", "Thượng nghị viện"
    ("nghị", "viện"): None,
    # Diplomats' fields: "Tham tán thương mại", "Tùy viên quốc phòng"
    ("thương", "mại"): words("tán"),
    ("quốc", "phòng"): words("viên"),
    ("giáo", "dục"): words("viên"),  # "tùy viên giáo dục"
    # Fields written in lower case after a capitalised one: "Vụ Giáo dục phổ thông", "Cục Nghệ thuật biểu diễn"
    # ("thông" and "biểu" alone end a title).
    ("phổ", "thông"): words("dục"),
    ("biểu", "diễn"): words("thuật"),
    # "Chủ tịch Liên hoan truyền hình toàn quốc"
    ("truyền", "hình"): words("hoan"),
    ("toàn", "quốc"): words("hình đại"),  # … and China's "Nhân đại toàn quốc"
}
for _pair, _after in (
    (("công", "tác"), "ban"),
    (("cộng", "đồng"), "tác"),
    (("đại", "biểu"), "tác"),  # "Ban Công tác đại biểu"
    (("kiểm", "tra"), "ban"),
    (("quân", "sự"), "ủy"),
    (("kinh", "tế"), "ban"),
    (("tổ", "chức"), "các"),  # "Liên hiệp các tổ chức hữu nghị" (the "các" by `_federation_members`)
):
    TITLE_PHRASES[_pair] = (TITLE_PHRASES.get(_pair) or frozenset()) | {_after}
# Second syllables of organisation words that are also verbs elsewhere ("Đại biểu", "Hội đồng", "Giao thông"),
# each with the capitalised first syllables it completes ("… TP Hà Nội thông tin" is a verb).
COMPOUND_TAILS_AFTER_CAP: dict[str, frozenset[str]] = {
    "biểu": words("đại"),
    "đồng": words("hội nhi"),  # "Hội đồng", "Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng"
    "động": words("lao vận hoạt bất"),  # "Trung tâm Bất động sản"
    "thông": words("giao truyền viễn phổ"),  # "Cục Viễn thông", "Vụ Giáo dục Phổ thông"
    "trình": words("công chương"),
    "báo": words("nhà"),  # "Hội Nhà báo"
    "nói": words("tiếng"),  # "Đài Tiếng nói Việt Nam"
    "hoan": words("liên"),  # "Chủ tịch Liên hoan Truyền hình toàn quốc"
    "mới": words("đổi"),  # "Ban Chỉ đạo Đổi mới và Phát triển doanh nghiệp"
    "ký": words("thư đăng"),  # "Trưởng ban Thư ký biên tập", "Văn phòng Đăng ký đất đai"
    "đọc": words("bạn"),  # "Trưởng ban Bạn đọc"
    "điều": words("đê"),  # "Chi cục Quản lý Đê điều"
    "dẫn": words("hướng"),  # "Phòng Hướng dẫn …"
}
# A lower-case "hội" that opens an event ("Trưởng ban tổ chức hội nghị"), not an association.
EVENT_TAILS: frozenset[str] = words("nghị thảo thi diễn chợ trại thao khỏe đàm")  # "hội đàm": talks
# First words of the organs a title's organ may belong to, after "của" or "thuộc" ("… của Quốc hội", "… của QH",
# "… của Bộ Chính trị", "Trưởng phòng Tài chính thuộc Sở KH-CN").
OWNING_ORGANS: frozenset[str] = words(
    "đảng quốc bộ chính ban ủy ub ubtvqh hội thành tỉnh huyện trung ubnd hđnd mttq sở đoàn qh tw"
)
# Academic and professional honorifics, which are not titles: "… Bộ CHQS tỉnh và Tiến sĩ Lê A" ends before them.
HONORIFICS: frozenset[tuple[str, ...]] = frozenset(
    tuple(honorific.split())
    for honorific in """tiến sĩ|thạc sĩ|giáo sư|phó giáo sư|bác sĩ|kỹ sư|nhà báo|nghệ sĩ|
    nhà văn|nhà thơ|gs|pgs|ts|ths|bs""".replace("\n", "").split("|")
)
# Bodies whose name holds a head ("Đoàn Chủ tịch", "Đoàn Thư ký" of a congress, the "Ban Bí thư"): the word
# before and the head's first word.
BODY_NAMED_BY_HEAD: frozenset[tuple[str, str]] = frozenset(
    [("đoàn", "chủ"), ("đoàn", "thư"), ("ban", "bí"), ("ban", "thư")]  # "Ban Thư ký": a secretariat
)
# Diplomatic heads, whose post abroad follows "tại" ("Đại sứ Việt Nam tại Lào").
POSTED_ABROAD: frozenset[tuple[str, ...]] = frozenset(
    [
        ("đại", "sứ"),
        ("đại", "sứ", "đặc", "mệnh", "toàn", "quyền"),
        ("tổng", "lãnh", "sự"),
        ("lãnh", "sự"),
        ("tham", "tán"),
        ("tham", "tán", "công", "sứ"),
        ("tùy", "viên"),
    ]
)
# Abbreviated place words that a full stop may follow inside a title ("UBND TP. Hải Phòng").
PLACE_ABBREVIATIONS: frozenset[str] = words("tp tx tt q h p x")
# Second syllables of military and police ranks ("Thiếu tá", "Đại úy", "Thiếu tướng"): a rank ends a title.
RANK_TAILS: frozenset[str] = words("tá úy tướng")
# Capitalised words that end a title (a new clause or a form of address).
TITLE_CAP_STOP: frozenset[str] = words("ông bà anh chị")
# Capitalised words that open a new sentence, never a word of a title ("… Thành ủy Đà Nẵng Theo đó, …" where a
# caption lost its full stop).
SENTENCE_OPENERS: frozenset[str] = words("theo với tại khi sau để được trong cùng hiện nhằm")
# Capitalised words that open a sentence on a date ("Sáng 8/2", "Ngày 24-6").
DATE_OPENERS: frozenset[str] = TIMES_OF_DAY | words("ngày")
# Two-word sentence openers whose first word may also name an organ ("Ban Đối ngoại"): "Ngoài ra", "Đối với".
SENTENCE_OPENER_PAIRS: frozenset[tuple[str, str]] = frozenset(
    [
        ("ngoài", "ra"),
        ("đối", "với"),
        ("tuy", "nhiên"),
        ("mặc", "dù"),
        ("bên", "cạnh"),
        ("do", "đó"),
        ("vì", "vậy"),
        ("cụ", "thể"),
        ("theo", "đó"),
        ("trước", "đó"),
        ("sau", "đó"),
    ]
)
# Verbs that end a title written in capitals ("BÍ THƯ HUYỆN ỦY PHÁT BIỂU"), where case marks nothing, and the
# interviewer's mark opening a question ("… của Quốc hội PV: Thưa bà …").
UPPER_TITLE_STOP: frozenset[str] = words("phát dự thăm tặng trao làm chúc tiếp yêu nhấn khẳng trình chủ được tại pv")
# Document types that end a title when "và" joins them to it ("... xã A và Quyết định số ...").
DOCUMENT_TYPES: frozenset[tuple[str, ...]] = frozenset(
    tuple(kind.split())
    for kind in """thông báo|quyết định|nghị quyết|kế hoạch|công văn|chỉ thị|kết luận|tờ trình|báo cáo|
    hướng dẫn|nghị định|thông tư|quy định|quy chế|bằng khen|giấy khen|giấy chứng""".replace("\n", "").split("|")
)
# Of those, types that also end the name of a unit: a document only when a number follows.
NUMBERED_DOCUMENT_TYPES: frozenset[tuple[str, ...]] = frozenset([("kế", "hoạch"), ("quy", "chế")])
MAX_TITLE_TOKENS = 20
ADDRESS_WORDS: frozenset[str] = ADDRESS_TERMS


@dataclass(frozen=True)
class TitleSpan:
    """A title: token indexes `first`..`last` (inclusive), its text, and the name it stands before."""

    first: int
    last: int
    start: int
    end: int
    text: str
    next_name: NameSpan | None = None


@lru_cache(maxsize=8192)
def _folded(key: str) -> str:
    return fold_diacritics(key)


# Heads of two or more syllables by their first syllable without marks: writers drop a tone mark or two
# ("Chủ tich", "Uy viên", "Pho Chủ tịch").
_FOLDED_HEADS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
for _head in sorted(set(TITLE_HEADS), key=len, reverse=True):
    if len(_head) >= 2:
        _folded_head = tuple(_folded(word) for word in _head)
        _FOLDED_HEADS_BY_FIRST.setdefault(_folded_head[0], []).append((_head, _folded_head))


# Words before a head that give the post's grade or standing rather than another post: "Hàm Vụ phó" (the
# grade of a department head's deputy), "(hàm vụ trưởng)", "Quyền Giám đốc" (acting), "tập sự Phó Vụ trưởng"
# (on probation). The title is kept with them, as written.
# "đồng Chủ tịch" (co-chair) likewise, in lower case only: a capitalised "Đồng" is a family or given name ("Lê Văn
# Đồng Chủ trì …" in a glued caption).
GRADE_PREFIXES: dict[str, tuple[str, ...]] = {
    "hàm": ("hàm",),
    "quyền": ("quyền",),
    "tập": ("tập", "sự"),
    "đồng": ("đồng",),
}
# Marks after which a lower-case grade word opens a title: in a list of titles or a parenthesis after a post.
GRADE_LIST_MARKS: frozenset[str] = frozenset([",", "-", "–", "("])


def may_start_title(token: Token) -> bool:
    """Cheap pre-check before `head_length`."""
    return (
        token.key in _HEADS_BY_FIRST
        or token.key in ("nguyên", "p")
        or token.key in GRADE_PREFIXES
        or _member_abbreviation(token)
        or (token.is_word and _folded(token.key) in _FOLDED_HEADS_BY_FIRST)
    )


def title_starts(tokens: list[Token]) -> list[int]:
    """Indexes of the tokens for which `may_start_title` holds, in order. The same test written out inline:
    one function call per token costs more than the rest of the title search on most pages."""
    heads, folded_heads, folded = _HEADS_BY_FIRST, _FOLDED_HEADS_BY_FIRST, _folded
    return [
        i
        for i, t in enumerate(tokens)
        if t.key in heads
        or t.key in ("nguyên", "p")
        or t.key in GRADE_PREFIXES
        or (t.is_abbr and 3 <= len(t.key) <= 9 and t.key.startswith("uv"))
        or (t.is_word and folded(t.key) in folded_heads)
    ]


def _member_abbreviation(token: Token) -> bool:
    """Any "Ủy viên ..." abbreviation, listed or not ("UVBTV", "UVUBKT", "UVBCHTW")."""
    return token.is_abbr and 3 <= len(token.key) <= 9 and token.key.startswith("uv")


def head_length(tokens: list[Token], i: int, lower_ok: bool = False) -> int:
    """Length in tokens of the title head starting at `i` (0 when there is none); a lower-case head
    ("phó chủ tịch") counts only with `lower_ok` (right after a name and its comma)."""
    token = tokens[i]
    if not may_start_title(token):
        return 0
    if token.key not in _HEADS_BY_FIRST and token.key != "nguyên" and _member_abbreviation(token):
        return 1
    if token.key == "p":
        return 3 if _dotted_deputy(tokens, i) else 0  # "P.CT HĐND tỉnh", "P.BT Đảng ủy xã": "P." is "Phó"
    if token.key in GRADE_PREFIXES:
        return _graded_head_length(tokens, i)
    if not token.is_word or not (token.is_cap or lower_ok or token.key == "nguyên" or lower_deputy(tokens, i)):
        return 0
    if token.key == "nguyên" and i + 1 < len(tokens):
        if tokens[i + 1].key == "nguyên":
            return 0  # one "nguyên" opens a title ("nguyên nguyên …" must not recurse down a long run)
        inner = head_length(tokens, i + 1, lower_ok)
        return inner + 1 if inner else 0
    if i > 0 and (tokens[i - 1].key, token.key) in BODY_NAMED_BY_HEAD:
        return 0
    if i > 0 and tokens[i - 1].key == "chức" and token.key == "vụ" and not token.is_cap:
        return 0  # "giữ chức vụ Trưởng phòng …": the "vụ" of "chức vụ" opens no "Vụ trưởng"
    if token.key in LISTED_ONLY_HEADS and (i == 0 or tokens[i - 1].key not in (",", "-", "(")):
        return 0
    if token.key in STAFF_HEAD_FIRSTS and not _staff_post_at(tokens, i):
        return 0
    if token.key in ABBREVIATIONS:
        if _dotted_abbreviation(tokens, i):
            return 2  # "CT. UBND huyện", "PCT.UBND thị trấn": the writer's abbreviation mark is the head's
        return 1 if _abbreviation_opens(tokens, i) else 0
    if token.key == "phó" and i + 1 < len(tokens) and tokens[i + 1].key in ABBREVIATIONS:
        return 2 if _abbreviation_opens(tokens, i + 1) else 0  # "Phó CT UBND tỉnh", "Phó BT"
    return _exact_head(tokens, i) or _folded_head(tokens, i)


def _graded_head_length(tokens: list[Token], i: int) -> int:
    """A head with its grade word before it ("Hàm Vụ phó", "quyền Hiệu trưởng", "tập sự Phó Vụ trưởng"), else 0.
    Written in lower case the grade word opens a title only in a list of titles or a parenthesis ("…, hàm vụ
    trưởng"): elsewhere "quyền" is part of another word ("ủy quyền Chủ tịch", "thẩm quyền")."""
    prefix = GRADE_PREFIXES[tokens[i].key]
    size = len(prefix)
    if tuple(t.key for t in tokens[i : i + size]) != prefix or i + size >= len(tokens):
        return 0
    if not tokens[i].is_cap and (i == 0 or tokens[i - 1].key not in GRADE_LIST_MARKS):
        return 0
    if tokens[i].is_cap and tokens[i].key == "đồng":
        return 0
    if tokens[i + size].key in GRADE_PREFIXES or tokens[i + size].key == "nguyên":
        return 0
    inner = head_length(tokens, i + size, lower_ok=True) or _bare_head(tokens, i + size)
    return inner + size if inner else 0


def _bare_head(tokens: list[Token], j: int) -> int:
    """The longest head at `j` with nothing after it: after a grade word "Vụ phó", "vụ trưởng" are the post
    itself ("Hàm Vụ phó", "(hàm vụ trưởng)"), with no unit to follow."""
    keys = tuple(t.key for t in tokens[j : j + MAX_HEAD_TOKENS])
    return next((len(head) for head in _HEADS_BY_FIRST.get(tokens[j].key, ()) if keys[: len(head)] == head), 0)


def lower_deputy(tokens: list[Token], i: int) -> bool:
    """A lower-case "phó" before a capitalised head is the deputy's ("phó Chủ tịch LĐLĐ TP A"): the post is not
    the head's."""
    return tokens[i].key == "phó" and i + 1 < len(tokens) and tokens[i + 1].is_cap and tokens[i + 1].is_word


# Civil-servant posts ("cán bộ địa chính xã", "chuyên viên Phòng Nội vụ", "công chức tư pháp - hộ tịch"): the
# words also name the staff as a whole ("cán bộ, công chức", "Cán bộ xã tham gia …"), so they open a title only
# in the list of a person's titles, right after the name's comma, dash or parenthesis, with the post's field or
# unit after them.
STAFF_HEADS: frozenset[tuple[str, str]] = frozenset([("cán", "bộ"), ("chuyên", "viên"), ("công", "chức")])
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
    if i == 0 or tokens[i - 1].key not in (",", "-", "(", "–", "nguyên") or tokens[i].is_abbr:
        return False  # in capitals it heads a list or a table ("CÔNG CHỨC CÁC XÃ"); "A (nguyên cán bộ …)" is one
    if tokens[i + 2].key in STAFF_ENTRY_ENDS or tokens[i + 2].start - tokens[i + 1].end > 1:
        return True  # the next entry, or a paragraph break (the only run of blanks in a body's text)
    return tokens[i + 2].is_word and tokens[i + 2].key not in STAFF_NOT_POSTS


MAX_STAFF_FIELD = 6
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
        if not (tokens[k].is_lower_word or tokens[k].key in ("-", "–")):
            return False
    return False


def _dotted_deputy(tokens: list[Token], i: int) -> bool:
    """ "P." glued to an abbreviated head that opens a title ("P.CT UBND huyện"); "P." alone is a ward ("P.5")."""
    if i + 2 >= len(tokens) or tokens[i].text != "P" or tokens[i + 1].key != ".":
        return False
    if not (joined(tokens, i, i + 1) and tokens[i + 2].start == tokens[i + 1].end):
        return False
    head = tokens[i + 2]
    return "p" + head.key in ABBREVIATIONS and _abbreviation_opens(tokens, i + 2)


def _dotted_abbreviation(tokens: list[Token], i: int) -> bool:
    """An abbreviated head in capitals with a full stop glued to it and an organ after: "CT. UBND huyện"."""
    if i + 2 >= len(tokens) or not tokens[i].is_abbr or tokens[i + 1].key != "." or not joined(tokens, i, i + 1):
        return False
    if i > 0 and tokens[i - 1].key in ("-", "&", "/") and tokens[i - 1].end == tokens[i].start:
        return False  # the end of a code: "05-CT. UBND huyện …"
    organ = tokens[i + 2]
    return organ.is_word and organ.key in ORGAN_FIRST_WORDS and organ.start - tokens[i + 1].end <= 1


def _abbreviation_opens(tokens: list[Token], i: int) -> bool:
    """An abbreviated head is written in capitals; one that is also a code or a word needs an organ after it
    ("CT UBND huyện", but "05-CT/TU" and "CT" alone are not titles)."""
    token = tokens[i]
    if not token.is_abbr and len(token.key) > 1:
        return False
    if i > 0 and tokens[i - 1].key in ("-", "&") and tokens[i - 1].end == token.start:
        return False  # the second half of a unit's code: "Sở KH-CN", "Sở TN&MT"
    if token.key not in BEFORE_ORGAN_HEADS:
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is not None and nxt.is_word and nxt.key in ORGAN_FIRST_WORDS and joined(tokens, i, i + 1)


def _exact_head(tokens: list[Token], i: int) -> int:
    heads = _HEADS_BY_FIRST.get(tokens[i].key, ())
    if not heads:
        return 0
    keys = tuple(t.key for t in tokens[i : i + len(heads[0])])  # the longest head comes first
    for head in heads:
        size = len(head)
        if keys[:size] != head:
            continue
        if not _head_fits(tokens, head, i + size):
            continue
        return size
    return 0


# Heads ending in "trưởng" that are whole posts with nothing after them ("Bộ trưởng, Chủ nhiệm Văn phòng Chính
# phủ A", "Thứ trưởng cho biết"), unlike "Trưởng", "Phó trưởng", "Cục trưởng" alone.
WHOLE_TRUONG_HEADS: frozenset[tuple[str, ...]] = frozenset([("bộ", "trưởng"), ("thứ", "trưởng"), ("hiệu", "trưởng")])
# Deputies named by their unit ("Cục phó Cục Báo chí", "Vụ phó Vụ Tổ chức"): a head only when the unit follows,
# since "chức vụ Phó Chủ tịch" holds the same two words.
DEPUTY_OF_UNIT: frozenset[tuple[str, ...]] = frozenset(
    (*unit.split(), "phó") for unit in ("cục", "vụ", "trạm", "viện", "chi cục", "hạt", "đồn")
)


def _dashed_second_head(tokens: list[Token], j: int) -> bool:
    """A unit's head held with a second post written after a dash ("Cục trưởng-Chánh Văn phòng Bộ A"): the
    second post's organ names the unit, so the bare head stands."""
    if j + 1 >= len(tokens) or tokens[j].key != "-" or not (tokens[j + 1].is_word and tokens[j + 1].is_cap):
        return False
    return head_length(tokens, j + 1) > 0


def _head_fits(tokens: list[Token], head: tuple[str, ...], j: int) -> bool:
    """Whether what follows a matched head at `j` lets it stand: a short "trưởng" head ("Trưởng", "Phó trưởng",
    "Cục trưởng") needs an organ after it, a unit's deputy ("Vụ phó") its unit."""
    if head[-1] == "trưởng" and len(head) <= 2 and head not in WHOLE_TRUONG_HEADS:
        return (
            _bare_truong_ok(tokens, j)
            or (len(head) == 2 and _dashed_second_head(tokens, j))
            or _taken_in_named_body(tokens, j - len(head), j)
        )
    if head in DEPUTY_OF_UNIT:
        return (j < len(tokens) and tokens[j].key == head[0]) or _apposed_alone(tokens, j - len(head), j)
    # "Đại sứ quán", "Tổng Lãnh sự quán" inside a title ("Bí thư thứ nhất Đại sứ quán …") or a sentence is the
    # mission, not the envoy; set apart after a name it is still the post, misnamed ("ông A, Tổng lãnh sự quán B").
    mission = j < len(tokens) and tokens[j].key == "quán"
    i = j - len(head)
    return head not in POSTED_ABROAD or not mission or i == 0 or not tokens[i - 1].is_word


# Marks that set a post apart as a person's, before it ("A - Viện phó", "A, Cục phó") and after it.
APPOSITION_BEFORE: frozenset[str] = frozenset(["-", "–", ","])
APPOSITION_AFTER: frozenset[str] = frozenset([";", ",", ".", ")"])


def _apposed_alone(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the head at `i`..`j - 1` stands alone in apposition, its unit understood ("ông A - Viện phó; ông B
    - …", "ông C, Cục phó, cho biết"): a mark before it and a closing mark (or the end) after it."""
    if i == 0 or tokens[i - 1].key not in APPOSITION_BEFORE:
        return False
    return j >= len(tokens) or tokens[j].key in APPOSITION_AFTER


def _taken_in_named_body(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the head at `i`..`j - 1` is a post taken with "làm" in a body the sentence has named ("Tổ biên tập
    do Bộ trưởng A làm Tổ trưởng.", "… làm Tổ trưởng, ông B làm Tổ phó"): it stands alone before a closing mark."""
    if i == 0 or tokens[i - 1].key != "làm" or not tokens[i].is_cap:
        return False
    return j >= len(tokens) or tokens[j].key in APPOSITION_AFTER or tokens[j].key == "và"


# Common words that only their marks tell from a head: "đối phó" (to cope with) is not "Đội phó".
WORDS_LIKE_HEADS: frozenset[tuple[str, ...]] = frozenset([("đối", "phó")])


def _folded_head(tokens: list[Token], i: int) -> int:
    """A head of two or more syllables written without some of its marks: equal once marks are dropped, and
    at least one syllable exact (so that a name such as "Vũ Trường" is not "vụ trưởng")."""
    candidates = _FOLDED_HEADS_BY_FIRST.get(_folded(tokens[i].key), ())
    if not candidates:
        return 0
    window = tokens[i : i + len(candidates[0][0])]  # the longest candidate comes first
    keys = tuple(t.key for t in window)
    folded_keys = tuple(_folded(key) if t.is_word else "" for key, t in zip(keys, window, strict=True))
    for head, folded in candidates:
        size = len(head)
        if folded_keys[:size] != folded or not any(a == b for a, b in zip(keys, head, strict=False)):
            continue
        if keys[:size] in WORDS_LIKE_HEADS:
            continue
        if not _head_fits(tokens, head, i + size):
            continue
        return size
    return 0


def starts_title(tokens: list[Token], i: int) -> bool:
    """Whether a title head starts at token `i` (used to end a name before "Chánh Văn phòng ...")."""
    return may_start_title(tokens[i]) and head_length(tokens, i) > 0


def _bare_truong_ok(tokens: list[Token], j: int) -> bool:
    if j >= len(tokens) or not tokens[j].is_word:
        return False
    return tokens[j].is_cap or tokens[j].key in _BARE_TRUONG_NEXT


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
    if _in_named_field(tokens, j):
        return True
    opening = _acronym_opening(tokens, j) if token.key in "()-&" or prev.key in "(-&" else None
    if opening is not None:  # "(KBNN)", "(PT-TH-ĐA)", "(VH&TT)"
        return _glossed_acronym(tokens, opening, names_at)
    if token.is_word and token.is_cap:
        if token.is_abbr and (token.key in UPPER_TITLE_STOP or _honorific_at(tokens, j)):
            return False  # "BÍ THƯ HUYỆN ỦY PHÁT BIỂU"; "Phó giám đốc Học viện Tài chính TS Nguyễn Đào B"
        if not token.is_abbr and token.key in SENTENCE_OPENERS:
            return False
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
        return j + 1 < len(tokens) and tokens[j + 1].key in OWNING_ORGANS and tokens[j + 1].is_cap
    if token.key == "báo" and prev.key in HEAD_LAST_WORDS and _newspaper_name_after(tokens, j, names_at):
        return True  # a newspaper in lower case after the head: "Tổng biên tập báo Tiền Phong"
    if token.is_lower_word and (prev.key, token.key) in TAIL_NOUNS:
        return True  # the second syllable of a field's noun whose first the title holds ("Vụ Trang thiết bị")
    if not token.is_lower_word or token.key in TITLE_STOP:
        return False
    if token.key == "và":
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        if nxt is not None and nxt.is_lower_word and nxt.key in CAREER_WORDS:
            return False  # "Phó chánh văn phòng Tỉnh đoàn và hiện là …": the career goes on, the title ends
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


_ORGAN_FIELDS_FILE = Path(__file__).with_name("organ_fields.txt")
# Nouns of the organs that a field names ("Sở Tư pháp", "Phòng Tài nguyên và Môi trường", "Cục Đăng ký đất đai").
FIELD_ORGAN_NOUNS: frozenset[str] = words("sở phòng bộ cục ban vụ tâm")  # "tâm": "Trung tâm Y tế dự phòng"
FIELD_CONNECTORS: frozenset[str] = frozenset(["và", "-", "&", ",", "–"])
MAX_FIELD_TOKENS = 16  # the longest field with its connectors ("chỉ đạo Trung ương về phòng, chống tham nhũng, …")


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


MAX_ACRONYM_TOKENS = 7  # "(PT-TH-ĐA)": three letter groups and their hyphens
# Abbreviations that go on naming the body after its acronym in parentheses ("Sở Văn hóa và Thể thao (VH&TT)
# TPHCM", "Trung tâm Phát thanh, Truyền hình, Điện ảnh (PT-TH-ĐA) CAND").
ACRONYM_TAIL_ABBREVIATIONS: frozenset[str] = words("tp hcm tphcm hn vn cand qđnd")
# Lower-case words that go on naming a national or central body after its acronym ("Ủy ban An toàn giao thông
# (ATGT) quốc gia").
ACRONYM_TAIL_PAIRS: frozenset[tuple[str, str]] = frozenset([("quốc", "gia"), ("trung", "ương")])


def _acronym_closing(tokens: list[Token], opening: int) -> int | None:
    """The ")" of an acronym in parentheses opening at `opening` ("(KBNN)", "(PT-TH-ĐA)", "(VH&TT)"), else None."""
    k = opening + 1
    if tokens[opening].key != "(" or k >= len(tokens) or not tokens[k].is_abbr:
        return None
    while k + 1 < len(tokens) and k - opening < MAX_ACRONYM_TOKENS:
        if tokens[k + 1].key == ")":
            return k + 1
        glued = k + 2 < len(tokens) and joined(tokens, k, k + 1) and joined(tokens, k + 1, k + 2)
        if glued and tokens[k + 1].key in ("-", "&") and tokens[k + 2].is_abbr:
            k += 2
            continue
        return None
    return None


def _acronym_opening(tokens: list[Token], j: int) -> int | None:
    """The "(" of the acronym in parentheses that holds token `j` (the parenthesis itself included), else None."""
    for k in range(j, max(-1, j - MAX_ACRONYM_TOKENS - 1), -1):
        if tokens[k].key == "(":
            closing = _acronym_closing(tokens, k)
            return k if closing is not None and closing >= j else None
    return None


def _glossed_acronym(tokens: list[Token], opening: int, names_at: dict[int, NameSpan]) -> bool:
    """An acronym in parentheses at `opening` glossing the words before it, the title going on after it: "Kho bạc
    Nhà nước (KBNN) tỉnh Phú Yên", "Tổng Giám đốc (TGĐ) Thông tấn xã Việt Nam", "Ủy ban An toàn giao thông (ATGT)
    quốc gia", "Sở Văn hóa và Thể thao (VH&TT) TPHCM" are one title each (a parenthesis elsewhere ends it)."""
    closing = _acronym_closing(tokens, opening)
    if opening < 1 or closing is None or closing + 1 >= len(tokens) or not tokens[opening - 1].is_word:
        return False
    after = tokens[closing + 1]
    if after.is_lower_word and after.key in PLACE_LEVEL_WORDS:
        return True
    if after.is_lower_word and closing + 2 < len(tokens) and (after.key, tokens[closing + 2].key) in ACRONYM_TAIL_PAIRS:
        return True
    if not (after.is_word and after.is_cap) or closing + 1 in names_at or _honorific_at(tokens, closing + 1):
        return False  # "Sở Y tế (SYT) TS Nguyễn Văn B": the honorific opens the name after the title
    if after.is_abbr and after.key in ACRONYM_TAIL_ABBREVIATIONS:
        return True
    return closing == opening + 2 and _spells_initials(tokens, opening)


def _spells_initials(tokens: list[Token], opening: int) -> bool:
    """Whether the acronym after the "(" at `opening` is the initials of the words right before it ("Tổng Giám
    đốc (TGĐ)")."""
    letters = tokens[opening + 1].key
    if len(letters) < 2 or opening < len(letters):
        return False
    before = tokens[opening - len(letters) : opening]
    return all(t.is_word for t in before) and "".join(t.key[0] for t in before) == letters


def _in_named_field(tokens: list[Token], j: int) -> bool:
    """Whether token `j` lies inside a listed field right after its organ noun, whatever its case ("Sở Kế hoạch
    - đầu tư tỉnh Yên Bái", "Cục đăng ký đất đai")."""
    for k in range(j - 1, max(-1, j - 1 - MAX_FIELD_TOKENS), -1):
        if tokens[k].key in FIELD_ORGAN_NOUNS and tokens[k].is_word and field_end(tokens, k + 1) > j:
            return True  # an organ noun inside the field ("phòng" of "phòng, chống") leaves it to the one before
    return False


def _ends_place_name(tokens: list[Token], k: int, listed: bool = True) -> bool:
    """Whether capitalised token `k` ends a place's name after its level ("xã Phù Lỗ", "TP. Hà Nội", "H.Nghĩa
    Hành"): a place's name has no lower-case syllable, so a lower-case word after it is the sentence going on
    ("… tỉnh Quảng Trị vui mừng", "… xã Gia An tiến hành").
    With `listed`, a listed place or country ending the run counts too ("… KHXH Việt Nam cam kết"); a dash after
    one goes on ("nhóm nghị sĩ hữu nghị Việt Nam - Lào")."""
    first = k
    while first > 0 and tokens[first - 1].is_cap and tokens[first - 1].is_word and not tokens[first - 1].is_abbr:
        first -= 1
    if first > 0 and tokens[first - 1].key == ".":
        first -= 1
    if listed and _listed_place_ends(tokens, first, k):
        return True  # "… Viện Hàn lâm KHXH Việt Nam cam kết", "… Hà Nội khẳng định"
    before = tokens[first - 1] if first > 0 else None
    if before is None:
        return False
    if before.key == "ủy":  # "Tỉnh ủy Quảng Trị", not "Đảng ủy Khối …", "Chính ủy Bộ Tư lệnh …"
        return first >= 2 and tokens[first - 2].key in LOCAL_PARTY_COMMITTEES
    if before.key not in PLACE_LEVEL_WORDS | PLACE_ABBREVIATIONS:
        return False
    return before.is_lower_word or before.is_abbr or len(before.text) == 1


def _listed_place_ends(tokens: list[Token], first: int, k: int) -> bool:
    """Whether the capitalised run `first`..`k` ends with a listed place or country of two or three syllables."""
    return any(
        k + 1 - size >= first and " ".join(t.key for t in tokens[k + 1 - size : k + 1]) in not_persons()
        for size in (2, 3)
    )


def _in_organ_field(tokens: list[Token], j: int) -> bool:
    """Whether lower-case token `j` goes on naming an organ's field written in lower case: only lower-case
    words stand between it and an organ noun ("phòng kinh tế hạ tầng", "Ban bồi thường giải phóng mặt
    bằng"); a capitalised field ("Sở Tài chính") is completed word by word, so a verb after it stops."""
    floor = max(0, j - 1 - MAX_FIELD_WORDS)
    for k in range(j - 1, 0, -1):
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
        if k > 0 and (tokens[k - 1].key, token.key) in ORGAN_NOUN_PAIRS:
            return True  # "Xí nghiệp cấp nước"
        if _opens_field(tokens, k) or token.key in FIELD_ACRONYMS:
            continue  # "Cục Quản lý khám chữa bệnh", "Hội Nạn nhân chất độc da cam", "Hiệp hội DN nhỏ và vừa"
        if not token.is_lower_word or token.key in PLACE_LEVEL_WORDS:
            return False
        if token.key in TITLE_STOP and not _in_phrase(tokens, k) and not _federation_members(tokens, k):
            return False
    return False


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
    nhân", "Phòng Kế hoạch"): the field may go on in lower case after it."""
    token = tokens[k]
    if not (token.is_word and token.is_cap and not token.is_abbr) or k == 0:
        return False
    noun = tokens[k - 1]
    return noun.is_word and noun.key in ORGAN_NOUN_TAILS and noun.key != "đồng"


def _phong_chong(tokens: list[Token], k: int) -> bool:
    """The comma of "phòng, chống" ("prevention and control"), which organs name their field with."""
    return (
        tokens[k].key == ","
        and 0 < k < len(tokens) - 1
        and tokens[k - 1].key == "phòng"
        and tokens[k + 1].key == "chống"
    )


def _initial(token: Token) -> bool:
    """A single capital letter, as in the abbreviations "T.Ư" (Trung ương), "H.Nghĩa Hành" (huyện)."""
    return token.is_cap and len(token.text) == 1


def _document_starts(tokens: list[Token], j: int) -> bool:
    """Whether a document's type opens at token `j` ("Quyết định", "Thông báo số ..."); "Kế hoạch" also
    ends a unit's name ("Sở Tài chính và Kế hoạch"), so it needs a number after it."""
    pair = tuple(t.key for t in tokens[j : j + 2])
    if pair not in DOCUMENT_TYPES:
        return False
    if pair not in NUMBERED_DOCUMENT_TYPES:
        return True
    nxt = tokens[j + 2].key if j + 2 < len(tokens) else ""
    return nxt == "số" or nxt[:1].isdigit()


def _honorific_at(tokens: list[Token], j: int) -> bool:
    return any(tuple(t.key for t in tokens[j : j + len(h)]) == h for h in HONORIFICS)


def _unit_continues(tokens: list[Token], j: int) -> bool:
    """A residential unit completing a title: "tổ dân phố 5", "khu dân cư số 2", "thôn 3" ("tổ" alone is
    usually "tổ chức", so it needs "dân" or a number after it)."""
    key, prev = tokens[j].key, tokens[j - 1].key
    if key.isdigit():  # "thôn 3", "số 2", "Q.7", a party cell "Chi bộ 4"
        cell = prev == "bộ" and j >= 2 and tokens[j - 2].key == "chi"
        unit = prev in UNIT_WORDS or prev in UNIT_ABBREVIATIONS or _khu_vuc(tokens, j - 1)
        named = _after_head_of(tokens, j - 1, prev)  # "Vụ trưởng Vụ 14", "Đội trưởng Đội 5"
        return unit or prev == "số" or cell or named or _numbered_place(tokens, j) or _numbered_unit(tokens, j)
    nxt = tokens[j + 1].key if j + 1 < len(tokens) else ""
    if _after_head_of(tokens, j, key) and nxt != "chức":
        return True  # the unit its head is named after: "Tổ trưởng tổ kiểm tra", "Đội trưởng đội CSGT số 4"
    if key == "tổ":
        return nxt == "dân" or nxt.isdigit()
    if key == "dân":
        return prev in ("tổ", "khu") and nxt in ("phố", "cư")
    if key == "vực" or (key == "miền" and _khu_vuc(tokens, j - 1)):
        return prev == "khu" or prev == "vực"  # "Chánh án TAND khu vực 1", "… khu vực VII", "… khu vực miền Nam"
    if key == "số":  # "khu dân cư số 2", "Đoàn Kiểm tra số 471", "Trung tâm Giáo dục thường xuyên số 2"
        return nxt.isdigit() and tokens[j - 1].is_word
    return key in ("phố", "cư") and prev == "dân"


def _khu_vuc(tokens: list[Token], k: int) -> bool:
    """Whether token `k` ends "khu vực" (a region, which the courts, audit offices and police number or name)."""
    return k >= 1 and tokens[k].key == "vực" and tokens[k - 1].key == "khu"


# Nouns a number before them counts ("thôn A 15 hộ", "… 3 người"), also those of `TITLE_STOP`.
COUNTED_NOUNS: frozenset[str] = words("hộ người nhà con khẩu căn lần năm ngày")
MAX_UNIT_NAME_WORDS = 3
MAX_UNIT_NUMBER_DIGITS = 2


def _numbered_unit(tokens: list[Token], j: int) -> bool:
    """A residential unit's number after its name ("thôn Vinh Quang 2", "Chi bộ thôn Đông Hòa 1"), not a count
    ("thôn Đông Hòa 15 hộ")."""
    if len(tokens[j].key) > MAX_UNIT_NUMBER_DIGITS or not joined(tokens, j - 1, j):
        return False
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if nxt is not None and nxt.is_lower_word and (nxt.key not in TITLE_STOP or nxt.key in COUNTED_NOUNS):
        return False
    k = j - 1
    while k > 0 and j - k <= MAX_UNIT_NAME_WORDS and tokens[k].is_word and tokens[k].is_cap and not tokens[k].is_abbr:
        k -= 1
    return k < j - 1 and tokens[k].key in UNIT_WORDS


def _numbered_place(tokens: list[Token], j: int) -> bool:
    """A district or ward named by its number after an abbreviated level and its full stop ("UBND Q.7", "P.5")."""
    return (
        j >= 2
        and tokens[j].key.isdigit()
        and tokens[j - 1].key == "."
        and tokens[j - 2].key in PLACE_ABBREVIATIONS
        and joined(tokens, j - 2, j - 1)
        and joined(tokens, j - 1, j)
    )


def _after_head_of(tokens: list[Token], j: int, unit: str) -> bool:
    """Whether token `j` follows the head named after `unit` ("Tổ trưởng", "Tổ phó" before "tổ …")."""
    return j >= 2 and tokens[j - 2].key == unit and tokens[j - 1].key in ("trưởng", "phó")


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


def _address_starts(tokens: list[Token], j: int, names_at: dict[int, NameSpan]) -> bool:
    """A form of address: "Ông"/"Bà" before a name, or "Đồng chí" (not "Bà Rịa", "Lâm Đồng", nor "Anh" for
    England before a foreign name)."""
    key = tokens[j].key
    if key == "đồng":
        return j + 1 < len(tokens) and tokens[j + 1].key == "chí"
    if key == "anh" and j + 1 in names_at and names_at[j + 1].text.isascii():
        return False  # the country before a foreign name: "Thủ tướng Anh Theresa B", "Đại sứ Anh Gareth C"
    return key in TITLE_CAP_STOP and j + 1 in names_at


def _is_rank(tokens: list[Token], j: int) -> bool:
    return j + 1 < len(tokens) and tokens[j + 1].key in RANK_TAILS and tokens[j].is_cap


_DASHED_PLACES_FILE = Path(__file__).with_name("dashed_place_names.txt")


@lru_cache(maxsize=1)
def _dashed_places() -> dict[tuple[str, ...], frozenset[tuple[str, ...]]]:
    """The place names of dashed_place_names.txt: the folded words before the dash -> the word runs after it."""
    halves: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for line in _DASHED_PLACES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            before, after = (tuple(match_form(part).casefold().split()) for part in line.split("-", 1))
            halves.setdefault(before, set()).add(after)
    return {before: frozenset(afters) for before, afters in halves.items()}


def _inside_dashed_place(tokens: list[Token], j: int) -> bool:
    """Whether the dash at `j` joins the two halves of a place's name ("Bà Rịa - Vũng Tàu", "Thừa Thiên - Huế")."""
    for before, afters in _dashed_places().items():
        size = len(before)
        if j < size or tuple(t.key for t in tokens[j - size : j]) != before:
            continue
        if any(tuple(t.key for t in tokens[j + 1 : j + 1 + len(after)]) == after for after in afters):
            return True
    return False


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


def _numbered_region_before(tokens: list[Token], j: int) -> bool:
    """Whether a numbered region ("khu vực 1", "khu vực 12") ends right before token `j` (the courts,
    procuracies and enforcement offices of 2025 are named so, then a dash and their province)."""
    return j >= 3 and tokens[j - 1].key.isdigit() and _khu_vuc(tokens, j - 2)


def _region_province(tokens: list[Token], j: int, names_at: dict[int, NameSpan]) -> bool:
    """Whether the place-like name at `j` is the province after a numbered region and its dash ("… khu vực 12 -
    Đồng Nai"), part of the body's name rather than a person after the title."""
    return names_at[j].place_like and tokens[j - 1].key == "-" and _numbered_region_before(tokens, j - 1)


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


def _enumeration_comma(tokens: list[Token], j: int, names_at: dict[int, NameSpan]) -> bool:
    """A comma inside an organisation's name that lists its fields, each a capitalised word and a lower-case one,
    the last after "và" or before the acronym of them all ("Sở Văn hóa, Thể thao và Du lịch", "Ủy ban Văn hóa, Giáo
    dục, Thanh niên, Thiếu niên và Nhi đồng", "Trung tâm Phát thanh, Truyền hình, Điện ảnh (PT-TH-ĐA) CAND")."""
    if not tokens[j - 1].is_word:
        return False
    k = j  # a comma; the field after it is tokens k+1, k+2
    for _ in range(MAX_ENUMERATED_FIELDS):
        if k + 4 >= len(tokens) or any(m in names_at for m in range(k + 1, k + 5)) or head_length(tokens, k + 1):
            return False
        first, second, after = tokens[k + 1], tokens[k + 2], tokens[k + 3]
        if not (first.is_cap and not first.is_abbr and second.is_lower_word and second.key != "và"):
            return False
        if after.key == "và":
            return tokens[k + 4].is_cap
        if after.key == "(":  # "Trung tâm Phát thanh, Truyền hình, Điện ảnh (PT-TH-ĐA)": the fields' acronym
            return _acronym_closing(tokens, k + 3) is not None
        if after.text != ",":
            return False
        k += 3
    return False


def parse_title(
    tokens: list[Token], i: int, text: str, names_at: dict[int, NameSpan], lower_ok: bool = False
) -> TitleSpan | None:
    """The title whose head starts at token `i`, with the name right after it when there is one."""
    size = head_length(tokens, i, lower_ok)
    if not size:
        return None
    last = i + size - 1
    j = last + 1
    if is_rank_head(tokens, i):
        j = len(tokens)  # a rank is complete in itself
    abroad = _posted_abroad(tokens, i, size)
    if j < len(tokens) and head_length(tokens, j) and tokens[last].key != "phòng":
        served = parse_title(tokens, j, text, names_at) if _serves_a_leader(tokens, i, size) else None
        if served is not None:  # "Thư ký nguyên Phó Chủ tịch Quốc hội": the leader served is part of the post
            span_text = " ".join(text[tokens[i].start : served.end].split())
            return TitleSpan(i, served.last, tokens[i].start, served.end, span_text, served.next_name)
        # another head right after this one: two titles without a comma ("TUV Phó Chủ tịch …"); after "Chánh Văn
        # phòng" it names whose office it is ("Chánh Văn phòng Chủ tịch nước", "… Văn phòng Tổng thống")
        j = len(tokens)
    while (
        j < len(tokens)
        and j - i < MAX_TITLE_TOKENS
        and (j not in names_at or _region_province(tokens, j, names_at))
        and (_continues(tokens, j, text, names_at) or _post_place_at(tokens, j, abroad or _mission_in(tokens, i, j)))
    ):
        last = j
        j += 1
    last = _organ_tail_end(tokens, text, i + size, last, names_at)
    last = _purpose_end(tokens, text, i, last, names_at)
    # nor on "của"/"thuộc" whose organ the length cap cut off ("… Thiếu niên và Nhi đồng của")
    while last > i + size - 1 and (tokens[last].key in ("và", "-", "của", "thuộc") or not _ends_title(tokens[last])):
        last -= 1
    first_tok, last_tok = tokens[i], tokens[last]
    span_text = " ".join(text[first_tok.start : last_tok.end].split())
    name = name_after(tokens, last + 1, names_at) or _dashed_subject(tokens, i, last, names_at)
    if name is not None and "\n" in text[last_tok.end : name.start]:
        name = None  # the next line's person is not named by this title
    return TitleSpan(i, last, first_tok.start, last_tok.end, span_text, name)


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
    trên địa|sau đại|đại chúng|nhà ở|thiết bị|trọng điểm""".replace("\n", "").split("|")
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


def _purpose_opener(tokens: list[Token], i: int, k: int) -> bool:
    """Whether the title from head `i` to token `k` ends with a steering board ("Ban Chỉ đạo", "BCĐ"), or is a bare
    head and "phụ trách" ("Phó Giám đốc phụ trách")."""
    keys = tuple(t.key for t in tokens[max(i, k - 2) : k + 1])
    if keys[-1:] == ("bcđ",) or keys[-3:] == ("ban", "chỉ", "đạo"):
        return True
    return keys[-2:] == ("phụ", "trách") and head_length(tokens, i) == k - 1 - i


def _purpose_stops(tokens: list[Token], k: int) -> bool:
    """Whether lower-case token `k` is a verb or a preposition that ends a purpose ("Nghị quyết" goes on)."""
    token = tokens[k]
    pair = (token.key, tokens[k + 1].key) if k + 1 < len(tokens) else None
    if pair in TITLE_VERB_PAIRS:
        return True
    if token.key not in PURPOSE_STOP or pair in PURPOSE_TAIL_PAIRS:
        return False
    if _in_phrase(tokens, k) or _in_named_field(tokens, k):
        return False  # "phòng, chống tham nhũng", "Ban Chỉ đạo Tổng điều tra dân số"
    before, earlier = tokens[k - 1], tokens[k - 2]
    if before.is_cap and before.is_word and not before.is_abbr and token.key not in CLAUSE_WORDS:
        # the second syllable of a noun written with its first capitalised ("Chương trình", "Kỳ thi", "Đề án"),
        # not a verb after a name ("… Hà Nội cho biết")
        return earlier.is_cap and earlier.is_word
    if token.key in ("của", "thuộc") and k + 1 < len(tokens):  # "… cải cách hành chính của Chính phủ"
        return not (tokens[k + 1].key in OWNING_ORGANS and tokens[k + 1].is_cap)
    return not (tokens[k - 1].is_cap and (tokens[k - 1].key, token.key) in DOCUMENT_TYPES)


def _purpose_end(tokens: list[Token], text: str, i: int, last: int, names_at: dict[int, NameSpan]) -> int:
    """The last token of a steering board's or a portfolio's purpose after the title `i`..`last` (`last` when none);
    a verb the title ran into after the board is cut off ("Trưởng ban chỉ đạo giao nhiệm vụ")."""
    opener = next((k for k in range(last, i, -1) if _purpose_opener(tokens, i, k)), None)
    if opener is None:
        # "Phó Chủ tịch UBND huyện phụ trách khối văn xã": a portfolio after a whole title is no part of it
        trailing = last - 2 > i and (tokens[last - 1].key, tokens[last].key) == ("phụ", "trách")
        return last - 2 if trailing else last
    verb = next((k for k in range(opener + 1, last + 1) if tokens[k].is_lower_word and _purpose_stops(tokens, k)), None)
    if verb is not None:
        return opener
    end = opener
    for k in range(opener + 1, min(len(tokens), opener + 1 + MAX_PURPOSE_TOKENS)):
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
SERVING_HEADS: frozenset[tuple[str, ...]] = frozenset([("thư", "ký"), ("trợ", "lý")])


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
MISSION_WORDS: frozenset[tuple[str, str]] = frozenset([("sứ", "quán"), ("sự", "quán")])


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


def is_rank_head(tokens: list[Token], i: int) -> bool:
    """Whether a capitalised rank ("Thượng tá") starts at token `i`."""
    if not tokens[i].is_cap:
        return False
    keys = tuple(t.key for t in tokens[i : i + 3])
    return keys[:2] in RANK_HEADS or keys[:2] in NAVAL_RANKS or keys in NAVAL_RANKS


def _ends_title(token: Token) -> bool:
    """A title may end in a word or a unit's number ("tổ dân phố 5"), not in punctuation."""
    return token.is_word or token.key.isdigit()


def skip_term(tokens: list[Token], j: int) -> int:
    """Index after the term qualifiers that end a title ("khóa XV, nhiệm kỳ 2021 - 2026"), else `j`."""
    while True:
        k = j + 1 if j < len(tokens) and tokens[j].key == "," else j
        size = _term_length(tokens, k)
        if not size:
            return j
        j = k + size


_TERM_ORDINAL = re.compile(r"(?:[IVXL]+|\d{1,2})")


def _term_length(tokens: list[Token], k: int) -> int:
    keys = [t.key for t in tokens[k : k + 5]]
    if keys[:2] == ["các", "khóa"] and len(keys) > 2:  # "Ủy viên Trung ương Đảng các khóa X, XI và XII"
        return 1 + _term_length(tokens, k + 1)
    if keys[:1] == ["khóa"] and len(keys) > 1:
        return _ordinal_list_end(tokens, k + 2) - k
    if keys[:2] == ["nhiệm", "kỳ"] and len(keys) > 2 and keys[2].isdigit():
        return 5 if len(keys) == 5 and keys[3] == "-" and keys[4].isdigit() else 3
    return 0


def _ordinal_list_end(tokens: list[Token], j: int) -> int:
    """Index after the further ordinals of a term listed after its first ("khóa X, XI và XII", "khóa X, XII,
    XIII,XIV"): a title listed after them follows the list, not the comma of one ordinal."""
    while (
        j + 1 < len(tokens)
        and tokens[j].key in (",", "và")
        and _TERM_ORDINAL.fullmatch(tokens[j + 1].text)
        and (j + 2 == len(tokens) or tokens[j + 2].key != ".")
    ):
        j += 2
    return j


# Academic and medical honorifics before a name, glued by "." or "-" ("GS.TS", "PGS-TS", "ThS."): not titles.
NAME_HONORIFICS: frozenset[str] = words("gs pgs ts ths bs ks ls tskh")


def skip_honorifics(tokens: list[Token], j: int) -> int:
    """Index after the honorifics opening at `j` ("GS.TS Trần Văn B" -> "Trần"), else `j`."""
    k = j
    while k < len(tokens) and tokens[k].key in NAME_HONORIFICS and tokens[k].is_abbr:
        k += 1
        if k < len(tokens) and tokens[k].key in (".", "-"):
            k += 1
    return k


# Words after a unit saying it was formed by the 2025 mergers or merged away ("xã A mới", "huyện B cũ"), or that
# its holder is new ("Thủ tướng mới C"): the name may follow them.
UNIT_AGE_WORDS: frozenset[str] = words("mới cũ")


def name_after(tokens: list[Token], j: int, names_at: dict[int, NameSpan]) -> NameSpan | None:
    """The name a title stands before: directly, after its term ("khóa XX") or an honorific ("PGS.TS"), or after
    ", đồng chí" / "ông"."""
    j = skip_term(tokens, j)
    if j + 1 < len(tokens) and tokens[j].key in UNIT_AGE_WORDS and tokens[j].is_lower_word and j + 1 in names_at:
        j += 1  # the unit formed in 2025 or merged into it: "Chủ tịch UBND xã Phú Xuyên mới Lê Văn B", "… huyện A cũ"
    if j + 1 < len(tokens) and is_rank_head(tokens, j):
        j += 2  # "Trưởng Công an xã Thượng tá Lò Văn B"
    j = skip_honorifics(tokens, j)
    if j in names_at:
        return names_at[j]
    closed = _parenthesis_after(tokens, j)
    if closed in names_at:
        return names_at[closed]  # "Cục trưởng Cục Chống tham nhũng (Thanh tra Chính phủ) Phạm Trọng B"
    j = _past_place_asides(tokens, j, names_at)  # "Chủ tịch UBND xã A, huyện B (tỉnh C) - ông D"
    if j in names_at:
        return names_at[j]
    owned = _past_organ_aside(tokens, j, names_at)  # "Cục trưởng Cục A, Thanh tra Chính phủ Phạm Văn B"
    if owned is not None:
        return owned
    if j < len(tokens) and tokens[j].key in (",", "-"):
        j += 1
    if comrade_length(tokens, j):
        j += comrade_length(tokens, j)
    elif j < len(tokens) and tokens[j].key in ADDRESS_WORDS:
        j += 1
    else:
        return None
    return names_at.get(j)


MAX_ASIDE_PLACE_WORDS = 4


def _past_place_asides(tokens: list[Token], j: int, names_at: dict[int, NameSpan]) -> int:
    """Index after the larger places written after a title's own (", huyện B", ", huyện B (Đắk Nông)") when a
    dash or a comma and a form of address follow them, or a name right after them or their comma (", huyện B
    Nguyễn Văn C", ", huyện B (Bắc Giang), Nguyễn Văn C": the name's index); else `j`."""
    k = j
    while k + 2 < len(tokens) and tokens[k].key == "," and tokens[k + 1].key in PLACE_LEVEL_WORDS:
        opening = k + 2
        while opening < len(tokens) and tokens[opening].key in PLACE_LEVEL_WORDS and tokens[opening].is_lower_word:
            opening += 1  # "thị xã", "thành phố"
        m = opening
        while m < len(tokens) and m - opening < MAX_ASIDE_PLACE_WORDS and tokens[m].is_cap and tokens[m].is_word:
            if m > opening and m in names_at:
                break  # the place's name ends where a person's begins: "huyện Tân Yên Nguyễn Văn C"
            m += 1
        if m == opening:
            break
        k = _parenthesis_after(tokens, m)
    if k == j:
        return j
    if k in names_at or (k + 1 < len(tokens) and tokens[k].key == "," and k + 1 in names_at):
        return k if k in names_at else k + 1
    if k + 1 >= len(tokens) or tokens[k].key not in (",", "-"):
        return j
    addressed = comrade_length(tokens, k + 1) or tokens[k + 1].key in ADDRESS_WORDS
    return k if addressed else j


# First words of the organ a unit belongs to, written after the unit's title and a comma ("Cục trưởng Cục A, Thanh
# tra Chính phủ B", "Vụ trưởng Vụ Pháp chế, Bộ Tư pháp C").
OWNING_ASIDE_FIRSTS: frozenset[str] = OWNING_ORGANS | words("thanh cục viện tòa tổng")
MAX_OWNING_ASIDE = 6


def _past_organ_aside(tokens: list[Token], j: int, names_at: dict[int, NameSpan]) -> NameSpan | None:
    """The person named right after the organ that owns a title's unit, written after a comma ("…, Thanh tra
    Chính phủ Phạm Văn B cho biết"); None where no such organ and name follow, or where a title opens there."""
    if j + 2 >= len(tokens) or tokens[j].key != ",":
        return None
    first = tokens[j + 1]
    if not (first.is_word and first.is_cap and first.key in OWNING_ASIDE_FIRSTS) or starts_title(tokens, j + 1):
        return None
    for m in range(j + 2, min(len(tokens), j + 2 + MAX_OWNING_ASIDE)):
        name = names_at.get(m)
        if name is not None:
            return None if name.place_like else name
        token = tokens[m]
        if not token.is_word or (token.is_lower_word and token.key in TITLE_STOP):
            return None
    return None


def _dashed_subject(tokens: list[Token], i: int, last: int, names_at: dict[int, NameSpan]) -> NameSpan | None:
    """The name after a dash that closes the title `i`..`last` when the name opens its clause ("…”, Bí thư Sóc Trăng
    - Nguyễn Văn A nói", "Chủ tịch UBND tỉnh – B: …"): a verb or a colon follows it, and no name stands right
    before the title, whose title it would then be ("A - Bí thư Huyện ủy - B, Chủ tịch …")."""
    j = last + 1
    if j + 1 >= len(tokens) or tokens[j].key != "-" or j + 1 not in names_at or _inside_dashed_place(tokens, j):
        return None
    name = names_at[j + 1]
    after = tokens[name.last + 1] if name.last + 1 < len(tokens) else None
    if after is not None and after.key == "," and name.last + 2 < len(tokens):
        clause = tokens[name.last + 2]  # "Chủ tịch UBND tỉnh A - Đỗ Văn B, đã ký …": the clause goes on past a comma
        after = clause if clause.is_lower_word and not head_length(tokens, name.last + 2, lower_ok=True) else after
    if after is None or not (after.is_lower_word or after.key == ":"):
        return None
    before = i - 2 if i >= 2 and tokens[i - 1].key in (",", "-") else i - 1
    return None if _name_ends_at(before, names_at) else name


MAX_NAME_TOKENS = 5


def _name_ends_at(k: int, names_at: dict[int, NameSpan]) -> bool:
    """Whether a name ends at token `k`."""
    return any(f in names_at and names_at[f].last == k for f in range(k - MAX_NAME_TOKENS + 1, k + 1))


MAX_ASIDE_WORDS = 6


def _parenthesis_after(tokens: list[Token], j: int) -> int:
    """Index after a short parenthesis at `j` that names no one (the organ a unit belongs to), else `j`."""
    if j >= len(tokens) or tokens[j].key != "(":
        return j
    for k in range(j + 1, min(len(tokens), j + 2 + MAX_ASIDE_WORDS)):
        if tokens[k].key == ")":
            return k + 1
        dotted = tokens[k].key == "." and joined(tokens, k - 1, k) and joined(tokens, k, k + 1)  # "(TP.HCM)"
        if not tokens[k].is_word and not dotted:
            return j
    return j


def comrade_length(tokens: list[Token], j: int) -> int:
    """Tokens of a "comrade" form of address at `j`: "đồng chí", "đ/c", "đc" (any case), else 0."""
    if j >= len(tokens):
        return 0
    key = tokens[j].key
    if key == "đc":
        return 1
    if key == "đồng":
        return 2 if j + 1 < len(tokens) and tokens[j + 1].key == "chí" else 0
    keys = [t.key for t in tokens[j : j + 3]]
    return 3 if keys == ["đ", "/", "c"] and joined(tokens, j, j + 1) and joined(tokens, j + 1, j + 2) else 0


# An organ's acronym glossed in parentheses ("Sở Tài nguyên và Môi trường (TN&MT) tỉnh A"): the same title without it.
_GLOSSED_ACRONYM = re.compile(r"\s*\(\s*[^()\s]{1,12}\s*\)")


def title_key(title: str) -> str:
    """Identity of a title for de-duplication (tone placement, case, dashes, spacing and a glossed acronym
    ignored)."""
    return " ".join(match_form(_GLOSSED_ACRONYM.sub("", title)).casefold().replace(" - ", "-").split())


def subsumed_titles(titles: list[str]) -> set[str]:
    """Titles that another of the same person's titles completes by a word or two: the post written again
    without its place ("Phó Chủ tịch UBND tỉnh" beside "Phó Chủ tịch UBND tỉnh Bình Định") is one post, kept in
    its fullest form. A bare head beside a full post ("Bí thư" beside "Bí thư Thành ủy Hà Nội") stays: the text
    wrote both."""
    keys = {title: title_key(title).split() for title in titles}
    kept: list[list[str]] = []
    dropped: set[str] = set()
    # Longest first, and only a kept title completes another: "Phó Chủ tịch UBND" beside "Phó Chủ tịch UBND TP"
    # and "Phó Chủ tịch UBND TP Hải Phòng" stays, as the middle form, itself dropped, no longer stands for it.
    for title, words_ in sorted(keys.items(), key=lambda item: -len(item[1])):
        if any(_completes(words_, long) for long in kept):
            dropped.add(title)
        else:
            kept.append(words_)
    return dropped


def _completes(short: list[str], long: list[str]) -> bool:
    """Whether `long` is `short` with a tail so short that the two name the same post (the scorer's own 4/5
    word-overlap rule for one title written two ways)."""
    return len(long) > len(short) and long[: len(short)] == short and 2 * len(short) >= 0.8 * (len(short) + len(long))
