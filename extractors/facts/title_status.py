"""What the text says of a person's hold on a title: current, appointed, elected, former or relieved.

Read from the words around one title mention, so that an analyst can build a timeline of posts:
- "nguyên Chủ tịch …", "cựu Chủ tịch …", "A từng là / nguyên là T", "A từ T1 được bổ nhiệm làm T2", "A được
  điều chuyển từ T1 sang T2" -> former (T1), appointed (T2); "…, nay
  là T", "hiện là T" -> current;
- a cue right before the title, or before the person named ahead of "giữ chức"/"làm"/"chức vụ" and the
  title: "miễn nhiệm / thôi giữ chức / bãi nhiệm / cho thôi … đối với ông A" -> relieved, "được bầu / bầu
  ông A giữ chức / trúng cử" -> elected, "bổ nhiệm / điều động / chỉ định / phân công / giữ chức" ->
  appointed;
- "A, Phó Chủ tịch UBND huyện nghỉ hưu" -> relieved;
- else current. A cue before a name does not reach a title written beside the name ("bầu đồng chí A, Phó
  Bí thư Huyện ủy, giữ chức Bí thư": the first title is current, the second elected).
"""

from __future__ import annotations

from extractors.facts.person_names import Token
from extractors.facts.titles import TitleSpan
from extractors.types import TitleStatus

RELIEVED_CUES = ("miễn nhiệm", "thôi", "bãi nhiệm", "cách chức", "nghỉ hưu", "về hưu", "cho nghỉ")
ELECTED_CUES = ("bầu", "trúng cử", "đắc cử", "tái cử")
APPOINTED_CUES = (
    "bổ nhiệm",
    "điều động",
    "chỉ định",
    "phân công",
    "luân chuyển",
    "đảm nhiệm",
    "đảm nhận",
    "giữ chức",
    "nhận nhiệm vụ",
    "lên làm",
    "về làm",
    "sang làm",
)
# "điều chuyển từ T1 sang T2", "… sang giữ chức T2": T1 is left (former, by "từ"), T2 taken; only right before
# the title ("từ phải sang trái: Chủ tịch A" is a photo's order, "việc sang tải, Phó Chủ tịch B" another verb).
TAKEN_OVER = (("sang",), ("sang", "giữ", "chức"))
# "A từng là T" / "A nguyên là T" -> former; "…, nay là T" / "hiện là T" -> current (and the search stops there).
FORMER_CUES = ("từng", "nguyên là", "trước đây", "từ", "cựu")
CURRENT_CUES = ("nay", "hiện", "hiện nay", "đương nhiệm")
# Words that link a cue to the title it gives ("bầu ông A giữ chức T", "miễn nhiệm chức vụ T", "bầu làm T").
LINKS = ("giữ chức", "chức vụ", "chức danh", "làm", "là", "vụ", "danh")
# Closing a mention: "A, Phó Chủ tịch UBND huyện (đã) nghỉ hưu".
RETIRED_AFTER = ("nghỉ hưu", "về hưu", "nghỉ chế độ")
_RETIRED_AFTER_WORDS: tuple[tuple[str, ...], ...] = tuple(tuple(cue.split()) for cue in RETIRED_AFTER)
SKIPPED_AFTER = frozenset([",", "đã", "vừa", "được"])
CLAUSE_END = frozenset(".;!?:")
MAX_LOOK_BACK = 24  # "bầu đồng chí A, Phó Bí thư Đảng ủy xã, giữ chức T": the cue lies past a name and its title
# A person's several mentions of one title: the most telling status wins.
PRIORITY = {
    TitleStatus.RELIEVED: 4,
    TitleStatus.FORMER: 3,
    TitleStatus.ELECTED: 2,
    TitleStatus.APPOINTED: 1,
    TitleStatus.CURRENT: 0,
}

_CUES: list[tuple[tuple[str, ...], TitleStatus | None]] = sorted(
    [(tuple(c.split()), TitleStatus.RELIEVED) for c in RELIEVED_CUES]
    + [(tuple(c.split()), TitleStatus.ELECTED) for c in ELECTED_CUES]
    + [(tuple(c.split()), TitleStatus.APPOINTED) for c in APPOINTED_CUES]
    + [(tuple(c.split()), TitleStatus.FORMER) for c in FORMER_CUES]
    + [(tuple(c.split()), TitleStatus.CURRENT) for c in CURRENT_CUES]
    + [(tuple(c.split()), None) for c in LINKS],
    key=lambda item: -len(item[0]),
)
_CUES_BY_LAST: dict[str, list[tuple[tuple[str, ...], TitleStatus | None]]] = {}
for _words, _status in _CUES:
    _CUES_BY_LAST.setdefault(_words[-1], []).append((_words, _status))


def _cue_ending_at(tokens: list[Token], k: int) -> tuple[int, TitleStatus | None, bool]:
    """(length, status, found) of the cue or link phrase whose last word is token `k`."""
    for words, status in _CUES_BY_LAST.get(tokens[k].key, ()):
        size = len(words)
        if k - size + 1 >= 0 and tuple(t.key for t in tokens[k - size + 1 : k + 1]) == words:
            return size, status, True
    return 0, None, False


def status_before(tokens: list[Token], span: TitleSpan, name_ends: set[int]) -> TitleStatus:
    """The status the words before a title give it (see the module's docstring)."""
    if tokens[span.first].key == "nguyên":
        return TitleStatus.FORMER
    before = tuple(t.key for t in tokens[max(0, span.first - 3) : span.first])
    if any(before[-len(cue) :] == cue for cue in TAKEN_OVER):
        return TitleStatus.APPOINTED
    linked = False  # a link word stands right before the title: the cue may lie before the person's name
    default = TitleStatus.CURRENT
    k = span.first - 1
    if k > 0 and tokens[k].key == ":":  # "cách chức cả các chức vụ: T1, T2", not "từ phải sang trái: T1"
        if not _cue_ending_at(tokens, k - 1)[2]:
            return default
        k -= 1
    while k >= 0 and span.first - k <= MAX_LOOK_BACK:
        token = tokens[k]
        if token.key in CLAUSE_END or "\n" in token.text:
            break
        if k in name_ends and not linked:
            break  # a title beside a name: a cue before the name is not about it
        size, status, found = _cue_ending_at(tokens, k)
        if not found:
            if token.is_word and not token.is_lower_word and k not in name_ends and not linked:
                break  # another capitalised phrase (a title, an organ) stands between
            k -= 1
            continue
        if status is None or (status is TitleStatus.APPOINTED and tokens[k].key == "chức"):
            linked = True  # "giữ chức" is appointed unless a stronger cue stands before it
            default = status or default
        else:
            return status
        k -= size
    return default


def status_after(tokens: list[Token], last: int) -> TitleStatus | None:
    """Relieved when the mention is closed by "nghỉ hưu"/"về hưu" ("A, Phó Chủ tịch UBND huyện nghỉ hưu")."""
    k = last + 1
    while k < len(tokens) and tokens[k].key in SKIPPED_AFTER:
        k += 1
    keys = tuple(t.key for t in tokens[k : k + 3])
    return TitleStatus.RELIEVED if any(keys[: len(cue)] == cue for cue in _RETIRED_AFTER_WORDS) else None


def stronger(current: TitleStatus | None, found: TitleStatus) -> TitleStatus:
    return found if current is None or PRIORITY[found] > PRIORITY[current] else current
