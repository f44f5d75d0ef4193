"""Word tables of titles: heads and their abbreviations, ranks, organ nouns, stop words, openers.

Data, not logic: every module of the package reads its words here, so a new head or stop word is one edit
in one place. Abbreviated heads come from title_abbreviations.toml beside the package.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from extractors.facts.person_names import ADDRESS_TERMS, TIMES_OF_DAY, words
from extractors.normalize import match_form

# Head words, as case-folded token sequences; the longest one matching wins. Heads that read as common words
# once their marks are dropped stay out ("thị trưởng" = "thị trường", "quốc vương" = the name "Quốc Vượng").
# "Tổng KTNN", "Phó Tổng TTCP": the heads "Tổng Kiểm toán Nhà nước", "Tổng Thanh tra Chính phủ" with their
# organ abbreviated. "Cấp trưởng", "Cấp phó": a unit's head or deputy named generically ("Cấp phó Hoàng Văn B là
# người đại diện …"). "Tỉnh trưởng", "Phó tỉnh trưởng": a Chinese province's governor and deputies ("Tỉnh trưởng Tỉnh
# Phúc Kiến A"). "Người phát ngôn": a body's or a leader's spokesperson ("ông A - người phát ngôn của Thủ tướng").
# "Phân đoạn trưởng", "Phân đoạn phó": the head and deputy of a railway works' section, a unit like "Trạm", "Hạt".
TITLE_HEADS: tuple[tuple[str, ...], ...] = tuple(
    tuple(head.split())
    for head in """bí thư|phó bí thư|tổng bí thư|chủ tịch|phó chủ tịch|chủ nhiệm|phó chủ nhiệm|ủy viên|
    giám đốc|phó giám đốc|tổng giám đốc|phó tổng giám đốc|trưởng|phó trưởng|chánh văn phòng|
    phó chánh văn phòng|chánh thanh tra|phó chánh thanh tra|phó thanh tra|chánh án|phó chánh án|viện trưởng|
    phó viện trưởng|chỉ huy trưởng|phó chỉ huy trưởng|chính ủy|phó chính ủy|bộ trưởng|thứ trưởng|
    thủ tướng|phó thủ tướng|cục trưởng|phó cục trưởng|vụ trưởng|phó vụ trưởng|hiệu trưởng|
    phó hiệu trưởng|hiệu phó|tư lệnh|phó tư lệnh|tổ trưởng|tổ phó|đại biểu quốc hội|đại biểu hđnd|
    đại biểu hội đồng nhân dân|tỉnh ủy viên|thành ủy viên|huyện ủy viên|quận ủy viên|thị ủy viên|đảng ủy viên|
    chi ủy viên|
    ủy viên thường trực|kiểm sát viên|thẩm phán|chủ tọa|phó ban|phó phòng|thường trực ban bí thư|
    đội trưởng|phó đội trưởng|đội phó|xã đội trưởng|xã đội phó|trạm trưởng|phó trạm trưởng|chỉ huy phó|
    trưởng khoa|phó trưởng khoa|tham mưu trưởng|phó tham mưu trưởng|chính trị viên|chính trị viên phó|
    chấp hành viên|thanh tra viên|điều tra viên|thẩm tra viên|thủ trưởng|phó thủ trưởng|chi cục trưởng|
    phó chi cục trưởng|hội thẩm|đại sứ|tổng lãnh sự|phó tổng lãnh sự|lãnh sự|phó lãnh sự|lãnh tụ|
    tổng thư ký|phó tổng thư ký|thư ký|tổng thanh tra|
    phó tổng thanh tra|tổng cục trưởng|phó tổng cục trưởng|tổng biên tập|phó tổng biên tập|trợ lý|
    kế toán trưởng|cụm trưởng|cụm phó|tổng kiểm toán|phó tổng kiểm toán|kiểm toán trưởng|phó kiểm toán trưởng|
    tổng ktnn|phó tổng ktnn|tổng ttcp|phó tổng ttcp|
    tổng tham mưu trưởng|phó tổng tham mưu trưởng|chánh vp|phó chánh vp|cục phó|vụ phó|trạm phó|viện phó|
    chi cục phó|hạt trưởng|
    phó hạt trưởng|hạt phó|đồn trưởng|phó đồn trưởng|đồn phó|thượng nghị sĩ|
    thượng nghị sỹ|hạ nghị sĩ|hạ nghị sỹ|
    thống đốc|phó thống đốc|tổng thống|phó tổng thống|ngoại trưởng|đại sứ đặc mệnh toàn quyền|
    cán bộ|chuyên viên|công chức|kế toán|tiểu đoàn trưởng|phó tiểu đoàn trưởng|trung đoàn trưởng|phó trung đoàn trưởng|
    sư đoàn trưởng|phó sư đoàn trưởng|lữ đoàn trưởng|phó lữ đoàn trưởng|đại đội trưởng|phó đại đội trưởng|
    quốc vụ khanh|kiến trúc sư trưởng|phó kiến trúc sư trưởng|tham tán|tham tán công sứ|tùy viên|
    đô đốc|phó đô đốc|chuẩn đô đốc|ủy viên trưởng|phó ủy viên trưởng|đặc phái viên|phó công an|
    chi hội trưởng|chi hội phó|thôn phó|xóm phó|ấp phó|thường vụ|cấp trưởng|cấp phó|phó đoàn|
    tỉnh trưởng|phó tỉnh trưởng|người phát ngôn|phân đoạn trưởng|phân đoạn phó
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


_ABBREVIATIONS_FILE = Path(__file__).parent.with_name("title_abbreviations.toml")
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

# Abbreviated heads that also name a body ("BTV Huyện ủy tổ chức ..."): a title only where a list of titles
# goes on after a name (", BTV Huyện ủy" / "– BTV").
LISTED_ONLY_HEADS: frozenset[str] = frozenset(code for code, spec in ABBREVIATIONS.items() if spec.after_title_list)
BEFORE_ORGAN_HEADS: frozenset[str] = frozenset(code for code, spec in ABBREVIATIONS.items() if spec.before_organ)
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
# opens a lower-case field ("Phó giám đốc Xí nghiệp cấp nước A", "Giám đốc Công ty du lịch B").
ORGAN_NOUN_PAIRS: frozenset[tuple[str, str]] = frozenset([("xí", "nghiệp"), ("công", "ty")])
# First syllables of organ nouns that may follow a head in lower case ("Giám đốc sở Tư pháp", "Giám đốc bệnh
# viện Bạch Mai", "Chủ tịch nhóm nghị sĩ ...").
ORGAN_FIRST_WORDS_LOWER: frozenset[str] = words("sở nhóm bệnh viện cục vụ trung liên ủy văn tòa khoa hội đoàn ga")
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
# What "dân" opens inside a title: residential units and the people's militia and civil defence ("tổ dân phố",
# "khu dân cư", "Tổ trưởng dân phố 11" without the team's "tổ", "Trưởng dân quân xã", "tổ trưởng dân phòng").
PEOPLES_TEAMS: frozenset[str] = words("phố cư quân phòng")
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
# A post holder's acts on someone else: they end a title after a field noun that takes lower-case words ("Bộ trưởng Bộ
# Công an bổ nhiệm ông A làm …": "Công an" names a field, "bổ" opens the verb).
APPOINTING_VERB_PAIRS: frozenset[tuple[str, str]] = frozenset(
    [("bổ", "nhiệm"), ("miễn", "nhiệm"), ("bãi", "nhiệm"), ("cách", "chức"), ("điều", "động")]
)
# Lower-case verbs of two words whose first word may also sit inside a title ("thường trực", "quản lý", "cơ quan
# Trung ương tâm ..."): the pair ends the title ("Phó Chủ tịch UBND tỉnh trực tiếp chỉ đạo", "Hiệu trưởng Trường
# mầm non A lý giải").
TITLE_VERB_PAIRS: frozenset[tuple[str, str]] = (
    frozenset(
        [
            ("trực", "tiếp"),
            ("kết", "luận"),
            ("kết", "nạp"),
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
            # an appointment phrase after a title: "Ủy viên Ban Thường vụ Thành ủy đảm nhiệm vị trí T"
            ("đảm", "nhiệm"),
            ("đảm", "nhận"),
            ("đảm", "đương"),
            # "Chủ tịch HĐND tỉnh thành kính dâng hương" ("thành kính", reverently, is the verb's)
            ("thành", "kính"),
        ]
    )
    | APPOINTING_VERB_PAIRS
)
# Lower-case two-word phrases inside a title, each with the words it may follow (None: any word):
# "Đoàn đại biểu Quốc hội", "Tổ đại biểu", "Phó Trưởng Đoàn chuyên trách", "Trưởng đoàn công tác".
TITLE_PHRASES: dict[tuple[str, str], frozenset[str] | None] = {
    ("chuyên", "trách"): None,
    # a delegation or union of students abroad: "Trưởng đoàn lưu học sinh vùng Paris" ("lưu" alone is "lưu ý")
    ("lưu", "học"): words("đoàn"),
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
    # "Trưởng phòng Quản lý tài chính hành chính sự nghiệp" (units that are not firms; "sự" alone opens a clause)
    ("sự", "nghiệp"): words("chính"),
    # "Trưởng ban tổ chức Giải bóng đá thiếu niên", "Liên đoàn Bóng đá" ("đá" alone is "kick")
    ("bóng", "đá"): None,
    # "Trung tâm Điều hành chương trình chống ngập", "Ban Quản lý chương trình 135" ("trình" alone is "submit")
    ("chương", "trình"): None,
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
    # "Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam"; "Đài Tiếng nói Việt Nam" in lower case ("nói" is a verb)
    ("chủ", "nghĩa"): words("hội"),
    ("tiếng", "nói"): words("đài"),
    # "Phòng Quản lý đào tạo sau đại học" (postgraduate; "sau" alone is "after" and ends a title)
    ("sau", "đại"): words("tạo"),
    # "Ban Quản lý dự án đầu tư xây dựng huyện"
    ("dự", "án"): words("lý các"),
    # "Cục Quản lý chất lượng công trình xây dựng" ("công" alone opens "công bố")
    ("công", "trình"): words("lượng dựng"),
    # "Ban QLDA đầu tư xây dựng công trình hạ tầng kỹ thuật và nông nghiệp"
    ("hạ", "tầng"): words("trình"),
    ("kỹ", "thuật"): words("tầng"),
    # "Hội đồng thi tuyển công chức tỉnh A", "Hội đồng tuyển dụng công chức" ("công" alone opens "công bố")
    ("công", "chức"): words("tuyển dụng"),
    # "Phó Tổng Kiểm toán nhà nước" ("nhà" alone ends a title)
    ("nhà", "nước"): words("toán"),
    ("đầu", "tư"): words("án qlda"),  # "Ban QLDA đầu tư xây dựng công trình …"
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
    ("giao", "thông"): words("sát toàn lý trình án"),  # "Ủy ban An toàn giao thông", "Khu Quản lý giao thông đô thị",
    # "Ban Quản lý đầu tư các công trình giao thông", "Ban Quản lý các dự án giao thông"
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
    # The court sitting a presiding judge or a clerk serves: "Chủ tọa phiên tòa", "Thư ký phiên tòa".
    ("phiên", "tòa"): words("tọa ký"),
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
    # "Đảng ủy cơ quan Tạp chí …", "Đảng bộ cơ quan", "Đảng ủy khối cơ quan Kinh tế Trung ương", "Thủ trưởng cơ
    # quan cảnh sát điều tra Công an huyện"; a numbered bloc: "Đảng ủy khối I cơ quan Trung ương"
    ("cơ", "quan"): words("các ủy bộ trưởng khối i ii"),
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
    ("tham", "mưu"): words("bộ ban phòng đội"),  # "Bộ tham mưu", "Trưởng phòng tham mưu Công an TP", "Đội tham mưu"
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
    # … and China's parliament, "Nhân đại toàn quốc" and "Ủy ban Thường vụ Đại hội Đại biểu Nhân dân toàn quốc"
    # … a party's national secretary abroad, "Bí thư toàn quốc Đảng Cộng sản Pháp"
    ("toàn", "quốc"): words("hình đại dân thư"),
    # A press aide or attaché: "trợ lý báo chí Bộ Ngoại giao Nhật Bản", "Tùy viên báo chí" ("báo" alone is "báo cáo")
    ("báo", "chí"): words("lý viên"),
    # Boards over a kind of projects: "Ban Quản lý các dự án đối tác công tư Bộ GTVT" (public-private partnership)
    ("các", "dự"): words("lý"),
    ("đối", "tác"): words("án"),
    ("công", "tư"): words("tác"),
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
    "kết": words("đoàn"),  # "Mặt trận Đoàn kết phát triển tổ quốc Campuchia" ("Tỉnh Đoàn kết luận" by TITLE_VERB_PAIRS)
}
# A lower-case "hội" that opens an event ("Trưởng ban tổ chức hội nghị"), not an association.
EVENT_TAILS: frozenset[str] = words("nghị thảo thi diễn chợ trại thao khỏe đàm")  # "hội đàm": talks
# First words of the organs a title's organ may belong to, after "của" or "thuộc" ("… của Quốc hội", "… của QH",
# "… của Bộ Chính trị", "Trưởng phòng Tài chính thuộc Sở KH-CN").
OWNING_ORGANS: frozenset[str] = words(
    "đảng quốc bộ chính ban ủy ub ubtvqh hội thành tỉnh huyện trung ubnd hđnd mttq sở đoàn qh tw liên"
)
# The organ a title belongs to, named back in lower case after "của" ("Trưởng phòng Y tế của trung tâm",
# "Phó ban … của xã", "… của địa phương"): the organ the text has just named.
LOWER_OWNING_ORGANS: frozenset[tuple[str, ...]] = frozenset(
    tuple(organ.split())
    for organ in """trường|xã|phường|thị trấn|huyện|quận|tỉnh|thành phố|trung tâm|bệnh viện|công ty|địa phương|sở|
    ngành|đơn vị|cơ quan""".replace("\n", "").split("|")
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
        ("phó", "tổng", "lãnh", "sự"),
        ("phó", "lãnh", "sự"),
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
# Honorifics that open foreign leaders' names in Vietnamese press: Cambodia's "Samdech (Akka Moha Sena Padei)
# Techo" before "Hun Sen"; they end the title before them and are no part of the name.
FOREIGN_HONORIFICS: frozenset[str] = words("samdech akka moha sena padei techo")
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
