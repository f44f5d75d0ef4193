"""Election and appointment phrases ("giữ chức", "được bổ nhiệm làm", "là") and the nominations that only
propose a post."""

from __future__ import annotations

from extractors.facts.person_names import Token, words
from extractors.facts.titles import starts_title

# Election and appointment phrases whose following title goes to the people named just before them.
TRIGGERS: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(t.split())
            for t in """giữ chức vụ|giữ chức danh|giữ chức|đảm nhiệm chức danh|đảm nhiệm chức vụ|đảm nhiệm|
            đảm nhận chức danh|đảm nhận chức vụ|đảm nhận|đảm nhiệm chức|đảm nhận chức|
            bổ nhiệm làm|bổ nhiệm|bầu làm|bầu bổ sung vào|bầu bổ sung|bầu vào|chức vụ|chức danh|
            kiêm nhiệm|cử làm|phân công làm|phân công nhiệm vụ|tái đắc cử|đắc cử|tái cử|tái bổ nhiệm|
            được bầu là|được bầu làm|
            trúng cử|nhận nhiệm vụ|nhận nhiệm vụ là|nhận nhiệm vụ mới|nhận nhiệm vụ mới là|thôi nhiệm vụ|
            thôi làm nhiệm vụ|thôi nhiệm vụ làm|thôi làm|lên làm|
            về làm|sang làm|
            cương vị|cương vị là|với vai trò|với vai trò là|với tư cách|với tư cách là|
            đảm nhận vai trò|đảm nhiệm vai trò|nhiệm vụ là|lên chức|thăng chức|ở vị trí|giữ vị trí|
            nắm giữ vị trí|bổ nhiệm vị trí|bổ nhiệm vào vị trí|đảm nhiệm vị trí|đảm nhận vị trí|
            được bầu giữ chức|miễn nhiệm|bãi nhiệm|cách chức|thôi giữ chức|thôi chức|thôi|
            được bổ nhiệm là|được bổ nhiệm làm|được phân công là|được chọn làm|điều chuyển từ|luân chuyển từ|
            điều động từ|chuyển công tác từ|điều động làm|luân chuyển làm|nhận quyết định làm|nhận quyết định là|
            nhận quyết định giữ chức|nhận quyết định giữ chức vụ|chuẩn y là|chuẩn y làm|phê chuẩn là|phê chuẩn làm|
            tiêu biểu là|tiêu biểu như|thăng quân hàm|thăng hàm|
            sang|làm|là|từ""".replace("\n", "").split("|")
        ),
        key=len,
        reverse=True,
    )
)
_TRIGGERS_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
for _trigger in TRIGGERS:
    _TRIGGERS_BY_LAST.setdefault(_trigger[-1], []).append(_trigger)
# Short triggers that only count right after the name (or its titles): "ông A là Chủ tịch ...".
ADJACENT_TRIGGERS: frozenset[tuple[str, ...]] = frozenset([("làm",), ("là",), ("từ",)])
# Words right before an election phrase that make it a nomination, not (yet) the post: "để bầu giữ chức",
# "dự kiến giữ chức", "ứng cử chức danh", "đề nghị bổ nhiệm" ("bầu"/"được" in between are skipped, and the Front's
# election by consultation: "giới thiệu ông A … để hiệp thương (cử) giữ chức", "cử để hội nghị hiệp thương giữ chức").
NOMINATIONS: tuple[tuple[str, ...], ...] = (
    ("để",),
    ("sẽ",),
    ("dự", "kiến"),
    ("ứng", "cử"),
    ("đề", "cử"),
    ("đề", "nghị"),
    ("đề", "xuất"),
    ("giới", "thiệu"),
    ("xem", "xét"),
    # a post a rule is about ("quy định chức danh Chánh án", "cảnh vệ đối với chức danh Chánh án"): nobody's
    ("quy", "định"),
    ("đối", "với"),
    # a post to be filled ("điều hành Thành ủy cho đến khi kiện toàn chức danh Bí thư Thành ủy"): nobody's yet
    ("kiện", "toàn"),
)
NOMINATION_SKIP: frozenset[str] = words("bầu cử được hiệp thương hội nghị")
MAX_NOMINATION_SKIP = 5  # "để hội nghị hiệp thương cử giữ chức"
# Pronouns of anyone: a post they hold or are is nobody's in particular.
ANYONE_WORDS: frozenset[str] = words("ai nấy")


MAX_TRIGGER_WORDS = 6  # "được bổ nhiệm giữ chức vụ" before the title


def trigger_after(tokens: list[Token], j: int) -> bool:
    """Whether an election or appointment phrase and a title follow: "A được bầu giữ chức Chủ tịch ..."."""
    for k in range(j + 1, min(j + 1 + MAX_TRIGGER_WORDS, len(tokens))):
        if not tokens[k - 1].is_lower_word:
            return False
        size = trigger_before(tokens, k)
        if size and starts_title(tokens, k):
            return k - size == j or tuple(t.key for t in tokens[k - size : k]) not in ADJACENT_TRIGGERS
    return False


def nominated(tokens: list[Token], start: int) -> bool:
    """Whether the election phrase starting at token `start` only nominates ("để bầu giữ chức")."""
    if tokens[start].key == "thôi":
        return False  # "sẽ thôi giữ chức T": a post one leaves is held until then
    k = start
    while True:  # each word skipped may end a nomination itself ("ứng cử", "đề cử")
        keys = tuple(t.key for t in tokens[max(0, k - 2) : k])
        if any(keys[-len(phrase) :] == phrase for phrase in NOMINATIONS):
            return True
        if k == 0 or start - k >= MAX_NOMINATION_SKIP or tokens[k - 1].key not in NOMINATION_SKIP:
            return False
        k -= 1


def trigger_before(tokens: list[Token], first: int) -> int:
    """Length of the election or appointment phrase ending right before token `first` (0 when none)."""
    # "được bổ nhiệm các chức vụ: T1, T2 rồi T3", "đã kinh qua các chức vụ như T1, T2"
    colon = int(first > 1 and tokens[first - 1].key in (":", "như"))
    end = first - colon
    such_as = colon and tokens[first - 1].key == "như"
    if end == 0 or not tokens[end - 1].is_lower_word:
        return _posts_such_as(tokens, first) if such_as and end > 0 else 0  # "… tại Bệnh viện A như T"
    for trigger in _TRIGGERS_BY_LAST.get(tokens[end - 1].key, ()):
        size = len(trigger)
        if size <= end and tuple(t.key for t in tokens[end - size : end]) == trigger:
            if colon and tokens[first - 1].key == "như" and trigger in ADJACENT_TRIGGERS:
                return 0  # "làm như …", "là như …" compare; only "các chức vụ như …" lists posts
            if end - size > 0 and tokens[end - size - 1].key in ANYONE_WORDS:
                return 0  # "dù ai lên làm Tổng thống Mỹ": whoever holds the post, not the person named before
            return size + colon
    return _posts_such_as(tokens, first) if such_as else 0


# Nouns of posts that "như" may follow after words of their own ("từng giữ nhiều chức vụ quan trọng trong ngành
# kiểm sát như T1; T2").
POST_NOUNS: frozenset[tuple[str, str]] = frozenset([("chức", "vụ"), ("cương", "vị"), ("chức", "danh")])
MAX_POST_NOUN_WORDS = 14  # "cương vị khác nhau tại Bệnh viện Ung bướu TP.HCM"


def _posts_such_as(tokens: list[Token], first: int) -> int:
    """Length of "chức vụ … như" ending right before token `first`, the words between lower-case ones of one
    clause ("nhiều chức vụ quan trọng trong ngành kiểm sát như T"), or the place they were held after "tại" ("nhiều
    nhiệm vụ, cương vị khác nhau tại Bệnh viện Ung bướu TP.HCM như T"), else 0."""
    place = False  # past "tại": an organ's capitalised name (and the dot of "TP.HCM") is the posts' place
    for k in range(first - 3, max(0, first - 3 - MAX_POST_NOUN_WORDS), -1):
        word = tokens[k + 1]
        if word.key == "tại" and word.is_lower_word:
            place = True
        elif not word.is_lower_word and not (place is False and _place_word(tokens, k + 1)):
            return 0
        if (tokens[k].key, tokens[k + 1].key) in POST_NOUNS and k + 2 < first - 1:
            return first - k
    return 0


def _place_word(tokens: list[Token], k: int) -> bool:
    """A capitalised word or the dot of an abbreviated place, which a "tại" before it makes the posts' place."""
    return tokens[k].is_word or (tokens[k].key == "." and 0 < k < len(tokens) - 1 and tokens[k - 1].is_abbr)
