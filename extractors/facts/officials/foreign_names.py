"""Foreign officials' names ("Thủ tướng Lào Thongloun Sisoulith", "Đại sứ Anh tại Việt Nam Ian Grant Frew").

No family-name list opens them, so the listed-name scan leaves them as unlisted capital runs. A run (or the
end of one, after the country its title names) is a foreign name when its words are plain Latin letters and
at least one of them cannot be a Vietnamese syllable ("Grant", "Sisoulith"). It stays a name only where a title
stands right before it, or a cue ("ông", "bà", a list's ";", "TS") opens it and a title follows: a Latin run
before ", Chủ tịch …" alone is as often an event or a firm. Firm words ("Capital"), a place word before the
run ("bang", "xã Ea Tam") and Latin-spelt countries opening it ("Singapore") keep bodies and places out.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from operator import attrgetter
from pathlib import Path

from extractors.facts.person_names import (
    ADDRESS_TERMS,
    PLACE_WORDS,
    NameScan,
    NameSpan,
    Token,
    not_persons,
    span_of,
    words,
)
from extractors.facts.syllables import VIETNAMESE_SYLLABLE as _VIETNAMESE_SYLLABLE
from extractors.facts.titles import TitleSpan
from extractors.facts.titles.vocabulary import FOREIGN_HONORIFICS
from extractors.normalize import match_form

# A Latin name word: "Peter", "Jean-Claude", and the family names whose prefix keeps a capital inside ("McCain",
# "MacKay", "DeSantis", "LeBlanc", "VanDyke"); other inner capitals are brands ("VinaPhone", "YouTube").
_LATIN_WORD = re.compile(r"(?:Mc|Mac|De|Di|La|Le|Van)?[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?")
MIN_WORDS, MAX_WORDS = 2, 4
MAX_PLAIN_WORDS = 3  # a name of syllables Vietnamese could spell, after the country: "Campuchia Men Sam An"
MAX_COUNTRY_LEAD = 2  # words of a country's name that may stand before the run ("Bồ" of "Bồ Đào Nha")
# Latin words that name firms, funds and bodies rather than people ("Clime Capital", "Samsung Electronics").
BODY_WORDS: frozenset[str] = words(
    "capital group bank fund foundation holdings holding corporation company inc ltd co corp global international"
    " partners investment investments airlines airways electronics motors energy vina university college institute"
    " center centre association council agency network media technology technologies solutions services systems"
    " pharma industries limited vietnam league super cup club federation union consumer retail steel land"
    " securities insurance logistics resources petroleum power foods food beverage telecom software airport hotel"
    " resort properties estate trading construction development finance financial"
)
# Countries written in plain Latin letters, which the title before a name may end with ("Đại sứ Singapore A B").
LATIN_COUNTRIES: frozenset[str] = words(
    "anh nga cuba iran iraq israel singapore malaysia indonesia myanmar brunei philippines australia canada mexico"
    " brazil argentina chile peru venezuela nigeria kenya mongolia kazakhstan uzbekistan belarus ukraina romania"
    " bulgaria serbia hungary slovakia slovenia croatia albania armenia azerbaijan georgia honduras italy"
    " new york zealand syria ukraine yugoslav afghanistan pakistan bangladesh nepal qatar kuwait oman yemen jordan"
    " libya sudan ethiopia uganda ghana senegal angola zimbabwe zambia venezuela colombia ecuador bolivia panama"
    " guatemala nicaragua haiti estonia latvia lithuania moldova montenegro kosovo macedonia bosnia cyprus malta"
    " tunisia algeria timor bhutan maldives turkmenistan tajikistan kyrgyzstan campuchia fiji samoa tonga vanuatu"
    " palau nauru tuvalu kiribati papua guinea rwanda namibia botswana tanzania somalia eritrea gabon cameroon"
    " benin togo mali niger chad liberia gambia mauritius seychelles madagascar mozambique malawi lesotho jamaica"
    " dominica grenada barbados bahamas belize suriname guyana paraguay uruguay iceland ireland finland"
    " luxembourg monaco andorra liechtenstein sri lanka leste"
)
# Words before a run that make it a place or a body, not a person ("bang Andhra Pradesh", "tại Kuala Lumpur").
PLACE_BEFORE: frozenset[str] = words("bang tỉnh thành phố tp thủ đô tại ở từ đến của công ty tập đoàn hãng quỹ")


# Marked letters of European spellings ("Sánchez", "Prévot", "Władysław", "Müller"): those Vietnamese shares
# (á, é, ô ...) and those it never uses (ñ, ü, ł ...), but none of Vietnamese's own (ă, ơ, ư, đ, ả, ạ ...).
LATIN_MARKED: frozenset[str] = frozenset("áàâäãåéèêëíìîïóòôöõøúùûüýÿñçčšžřěůłśźżćńąęőűğş")
_UNMARKED = str.maketrans({"ł": "l", "ø": "o"})


def _unmarked(text: str) -> str:
    """`text` without its marks ("Sánchez" -> "Sanchez")."""
    plain = unicodedata.normalize("NFD", text.translate(_UNMARKED))
    return unicodedata.normalize("NFC", "".join(ch for ch in plain if not unicodedata.combining(ch)))


def _latin_word(token: Token) -> bool:
    """A capitalised word of plain Latin letters, or of European marked letters when it spells no Vietnamese
    syllable once they are dropped ("Sánchez", "Prévot"; not "Hà", "Lê", whose marks are Vietnamese)."""
    text = token.text
    if _LATIN_WORD.fullmatch(text):
        return True
    return text[:1].isupper() and not text.isascii() and _marked_latin(text)


@lru_cache(maxsize=4096)
def _marked_latin(text: str) -> bool:
    if not all(ch.isascii() or ch.lower() in LATIN_MARKED for ch in text):
        return False
    plain = _unmarked(text)
    return bool(_LATIN_WORD.fullmatch(plain)) and not _vietnamese(plain.lower())


def _vietnamese(word: str) -> bool:
    return all(_VIETNAMESE_SYLLABLE.fullmatch(part) for part in word.split("-"))


def _foreign_word(token: Token) -> bool:
    """A Latin word that no Vietnamese syllable spells ("Frew", "Sisoulith", "Sánchez"; not "Tom", "Lan")."""
    return foreign_key(token.key)


def foreign_key(key: str) -> bool:
    """Whether a folded word spells no Vietnamese syllable, its marks dropped ("putin"; not "duy", "dũng")."""
    return not _vietnamese(_unmarked(key))


def _foreign_tail(tokens: list[Token], run: range) -> range | None:
    """The end of `run` that reads as a foreign name, after any Vietnamese words it opens with (the country of
    the title before it: "Lào", "Việt Nam")."""
    named = _name_after_written_place(tokens, run) or _korean_name_after_place(tokens, run)
    if named is not None:
        return named
    start = run[-1] + 1
    while start > run[0] and (_latin_word(tokens[start - 1]) or _transliterated_word(tokens[start - 1])):
        start -= 1
    while start <= run[-1] and _opens_with_country(tokens, run, start):
        start += 1
    start = _past_listed_place(tokens, start, run[-1])
    lead = start  # what stands before the name: the title's country, or an honorific after it
    while start < run[-1] and tokens[start].key in FOREIGN_HONORIFICS:
        start += 1  # "Samdech Techo Hun Sen": the honorific is no part of the name
    tail = range(start, run[-1] + 1)
    end = _hyphen_end(tokens, run[-1])  # a hyphenated given name is foreign whatever its syllables ("Min-seo")
    if not MIN_WORDS <= len(tail) <= MAX_WORDS:
        return None
    after_country = lead > run[0] and tokens[lead - 1].key in LATIN_COUNTRIES and len(tail) <= MAX_PLAIN_WORDS
    if end == run[-1] and not after_country and not any(_foreign_word(tokens[i]) for i in tail):
        return None  # words Vietnamese could spell name a foreigner only after the title's country ("Hun Sen")
    if any(tokens[i].key in BODY_WORDS or tokens[i].key.endswith("bank") for i in tail):
        return None  # a firm ("Clime Capital") or a bank ("Agribank Chi nhánh …", "Vietcombank")
    before = tokens[start - 1].key if start > 0 else ""
    if start == run[0] and (before in PLACE_BEFORE or before in PLACE_WORDS):
        return None
    return range(_hyphen_start(tokens, start) if start == run[0] else start, end + 1)


NAME_AFTER_PLACE_WORDS = 2  # a Lao name after its province: given name and family name ("Pany Yathotou")


def _name_after_written_place(tokens: list[Token], run: range) -> range | None:
    """The name closing a run after a place word when the place is written in Vietnamese letters and the name is
    transliterated: "tỉnh Chămpaxắc Mệchxavẳn Phômphithắc", "tỉnh Luổng Phạbang Xổmphết Inthạvông". The place
    word makes the run a place (`PLACE_BEFORE`), yet a province of Laos or Cambodia is one or two words and the
    official's name, of two words no Vietnamese syllable spells, follows it; the title ends with the province."""
    before = tokens[run[0] - 1].key if run[0] > 0 else ""
    if len(run) <= NAME_AFTER_PLACE_WORDS or not (before in PLACE_BEFORE or before in PLACE_WORDS):
        return None
    name = range(run[-1] - NAME_AFTER_PLACE_WORDS + 1, run[-1] + 1)
    if _hyphen_end(tokens, run[-1]) != run[-1] or not all(
        _latin_word(tokens[i]) or _transliterated_word(tokens[i]) for i in name
    ):
        return None
    transliterated = any(_transliterated_word(tokens[i]) for i in name)
    written_place = any(not tokens[i].text.isascii() for i in range(run[0], name[0]))  # not "bang New South Wales"
    return name if transliterated and written_place else None


# Korean family names as the press romanises them: after a place word, the one that follows the province or city
# opens the official's name ("Tỉnh trưởng tỉnh Gangwon Choi Moonsoon", "Thị trưởng thành phố Busan Oh Keo-don").
# Those that spell a Vietnamese syllable (An, Ha, Na, Ban) are left out.
KOREAN_SURNAMES: frozenset[str] = words(
    """kim lee yi rhee park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim han oh seo suh shin
    kwon hwang ahn song yoo hong jeon chun koh moon yang sohn bae baek paik heo huh noh roh kwak sung cha joo ryu
    woo min eom won chae pyo"""
)
MAX_KOREAN_NAME_WORDS = 3  # family name and a given name of one or two words ("Park Noh Wan")


def _korean_name_after_place(tokens: list[Token], run: range) -> range | None:
    """The name closing a run after a place word when a Korean family name opens it after the place, all of it in
    Latin letters ("tỉnh Gangwon Choi Moonsoon": the place makes the run a place, `PLACE_BEFORE`); else None."""
    before = tokens[run[0] - 1].key if run[0] > 0 else ""
    if len(run) < MIN_WORDS + 1 or not (before in PLACE_BEFORE or before in PLACE_WORDS):
        return None
    if not all(_latin_word(tokens[i]) for i in run):
        return None
    for first in range(max(run[0] + 1, run[-1] - MAX_KOREAN_NAME_WORDS + 1), run[-1]):
        if tokens[first].key in KOREAN_SURNAMES:
            return range(first, run[-1] + 1)
    return None


def _transliterated_word(token: Token) -> bool:
    """A capitalised word in Vietnamese letters that no Vietnamese syllable spells: a Lao or Khmer name written
    without its hyphens ("Khămbunnắt", "Xaynhạnôm")."""
    return token.is_cap and not token.text.isascii() and len(_VOWEL_GROUPS.findall(_unmarked(token.key))) >= 2


# Runs of vowels in a word stripped of its marks: a Vietnamese syllable has one, "khambunnat" three.
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def _hyphen_start(tokens: list[Token], first: int) -> int:
    """The first token of a name whose given name opens with a capitalised word glued to it by a hyphen ("Jean-Noël
    B", "Anne-Marie C"): the scan split the run at the hyphen."""
    if first < 2 or tokens[first - 1].key != "-" or not tokens[first - 2].is_cap:
        return first
    glued = tokens[first - 2].end == tokens[first - 1].start and tokens[first - 1].end == tokens[first].start
    return first - 2 if glued and tokens[first - 2].text.isalpha() else first


MAX_PLACE_WORDS = 3


def _past_listed_place(tokens: list[Token], start: int, last: int) -> int:
    """`start`, or the token after a listed place of two words or more that opens the tail there (the country
    of the title, its words plain Latin: "Ba Lan" of "Bộ trưởng Quốc phòng Ba Lan Władysław Kosiniak-Kamysz")."""
    for size in range(MAX_PLACE_WORDS, 1, -1):
        if start + size <= last and " ".join(t.key for t in tokens[start : start + size]) in not_persons():
            return start + size
    return start


def _hyphen_end(tokens: list[Token], last: int) -> int:
    """The last token of a name whose given name goes on after a glued hyphen ("Park Geun-hye", "Moon Jae-in")."""
    if last + 2 >= len(tokens) or tokens[last + 1].key != "-" or not tokens[last + 2].is_word:
        return last
    glued = tokens[last].end == tokens[last + 1].start and tokens[last + 1].end == tokens[last + 2].start
    return last + 2 if glued and tokens[last + 2].text.isalpha() and tokens[last + 2].text.isascii() else last


def listed_with_foreign_tail(tokens: list[Token], text: str, names: list[NameSpan]) -> dict[int, NameSpan]:
    """Runs the family-name scan read as one name but that are a country and a foreign name ("Hàn Quốc Moon
    Jae", "Hàn" being a family name): by the listed name's first token, the foreign name to put in its place."""
    found: dict[int, NameSpan] = {}
    for name in names:
        tail = _foreign_tail(tokens, range(name.first, name.last + 1))
        if tail is None:
            continue
        # a country of two words or more, not "Rơ Mah B"; or the end of one begun before the run ("Đan Mạch A B")
        if tail[0] >= name.first + 2 or (tail[0] == name.first + 1 and _country_ends_at(tokens, name.first)):
            found[name.first] = span_of(tokens, text, tail)
    return found


def _country_ends_at(tokens: list[Token], last: int) -> bool:
    """Whether a listed place of two words or more, begun before token `last`, ends at it ("Đan Mạch")."""
    return any(
        " ".join(t.key for t in tokens[begin : last + 1]) in not_persons()
        for begin in range(max(0, last - MAX_COUNTRY_LEAD), last)
    )


def _opens_with_country(tokens: list[Token], run: range, start: int) -> bool:
    """Whether the word at `start` ends the country of the title rather than opening the name: a listed country
    ("Singapore"), or the end of a listed place that opens the run ("Việt Nam", whose "Nam" is plain Latin)."""
    if tokens[start].key in LATIN_COUNTRIES:
        return True
    # The country may begin before the run, whose scan opened at a family name inside it ("Bồ Đào Nha", "Hà Lan").
    return any(
        " ".join(t.key for t in tokens[begin : start + 1]) in not_persons()
        for begin in range(max(0, run[0] - MAX_COUNTRY_LEAD), run[0] + 1)
    )


def foreign_names(tokens: list[Token], text: str, scan: NameScan) -> list[NameSpan]:
    """Foreign names among the runs no family name opened; each must still get a title to count. Arabic names
    joined by lower-case particles ("Majed al-Ansari", "Sultan bin Saad al-Muraikhi") and names transliterated
    in hyphen-joined syllables ("Gioóc-giô Na-pô-li-ta-nô", `transliterated_runs`) are read whole; a run that
    overlaps either, or a transliterated place ("Xri Lan-ca"), is no name of its own."""
    particled = _particle_names(tokens) + _initialled_names(tokens)
    translit, places = transliterated_runs(tokens)
    translit = [run for run in translit if not any(k in run for r in particled for k in (r[0], r[-1]))]
    inside = {k for run in particled for k in run} | {k for run in translit for k in run} | places
    found: list[NameSpan] = [span_of(tokens, text, run) for run in [*particled, *translit]]
    for run in scan.unlisted:
        if any(k in inside for k in run):
            continue
        tail = _foreign_tail(tokens, run)
        if tail is None:
            continue
        span = span_of(tokens, text, tail)
        if not span.place_like:
            found.append(span)
    taken = {k for name in found for k in range(name.first, name.last + 1)} | inside
    found.extend(span_of(tokens, text, range(i, i + 1)) for i in _leaders_by_one_name(tokens) if i not in taken)
    return sorted(found, key=lambda n: n.first)


# Heads of government and state, whom the press names by one word of their name ("Thủ tướng Koizumi", "Tổng
# thống Putin"): the last two words of the head.
ONE_NAME_LEADER_HEADS: frozenset[tuple[str, str]] = frozenset([("thủ", "tướng"), ("tổng", "thống")])


def _leaders_by_one_name(tokens: list[Token]) -> list[int]:
    """Tokens of a leader named by one foreign word right after the head ("Thủ tướng Koizumi mời …"): a Latin
    word no Vietnamese syllable spells, no country ("Thủ tướng Singapore"), body or listed place, and not the
    first of a longer run (whose scan reads it whole)."""
    found = []
    for i in range(2, len(tokens)):
        token = tokens[i]
        if (tokens[i - 2].key, tokens[i - 1].key) not in ONE_NAME_LEADER_HEADS or not _LATIN_WORD.fullmatch(token.text):
            continue
        if not _foreign_word(token) or token.key in LATIN_COUNTRIES or token.key in BODY_WORDS:
            continue
        if token.key in not_persons() or (i + 1 < len(tokens) and tokens[i + 1].is_cap and tokens[i + 1].is_word):
            continue
        found.append(i)
    return found


# Lower-case particles inside Arabic names: "bin"/"ibn"/"bint" as words, "al-"/"el-" glued to the next name.
NAME_PARTICLES: frozenset[str] = words("bin ibn bint")
GLUED_PARTICLES: frozenset[str] = words("al el")
PARTICLES: frozenset[str] = NAME_PARTICLES | GLUED_PARTICLES
MAX_PARTICLE_NAME = 8  # Latin words and particles: "Sheikh Mohammed bin Abdulrahman al-Thani"


def _glued(tokens: list[Token], left: int, right: int) -> bool:
    return tokens[left].end == tokens[right].start


def _particle_names(tokens: list[Token]) -> list[range]:
    """Runs of capitalised Latin words joined by Arabic particles, with at least one particle and two words."""
    found: list[range] = []
    if PARTICLES.isdisjoint(map(attrgetter("key"), tokens)):
        return found  # most articles name no one so: one look at the keys spares a look at every capitalised word
    i = 0
    while i < len(tokens):
        if not _particle_name_start(tokens, i):
            i += 1
            continue
        j, words_seen, particles = i + 1, 1, 0
        while j < len(tokens) and j - i < MAX_PARTICLE_NAME:
            if _glued_particle_at(tokens, j):  # before the capitalised word: "Al-Kuwari" as well as "al-Thani"
                j, words_seen, particles = j + 3, words_seen + 1, particles + 1
            elif tokens[j].is_cap and _latin_word(tokens[j]) and not _glued(tokens, j - 1, j):
                j, words_seen = j + 1, words_seen + 1
            elif (
                tokens[j].key in NAME_PARTICLES
                and not tokens[j].is_cap
                and j + 1 < len(tokens)
                and (tokens[j + 1].is_cap and _latin_word(tokens[j + 1]))
            ):
                j, particles = j + 1, particles + 1
            else:
                break
        if particles and words_seen >= MIN_WORDS:
            found.append(range(i, j))
        i = j
    return found


def _particle_name_start(tokens: list[Token], i: int) -> bool:
    """Whether a particled name may open at token `i`: a capitalised Latin word that is no listed country, after
    a word that is not Latin or is the title's country ("Bộ trưởng Tài chính Qatar Ali bin Ahmed Al-Kuwari")."""
    if not (tokens[i].is_cap and _latin_word(tokens[i])) or tokens[i].key in LATIN_COUNTRIES:
        return False
    return i == 0 or not _latin_word(tokens[i - 1]) or tokens[i - 1].key in LATIN_COUNTRIES


def _glued_particle_at(tokens: list[Token], j: int) -> bool:
    """ "al-"/"el-" (either case) glued by a hyphen to the capitalised name after it: "al-Thani", "Al-Kuwari"."""
    return (
        tokens[j].key in GLUED_PARTICLES
        and j + 2 < len(tokens)
        and tokens[j + 1].key == "-"
        and _glued(tokens, j, j + 1)
        and _glued(tokens, j + 1, j + 2)
        and tokens[j + 2].is_cap
        and _latin_word(tokens[j + 2])
    )


def _initial_at(tokens: list[Token], k: int) -> bool:
    """A middle initial at token `k`: one capital letter with its full stop glued to it ("E." of "Paul E. Gillmor")."""
    return (
        k + 1 < len(tokens)
        and len(tokens[k].text) == 1
        and tokens[k].text.isupper()
        and tokens[k + 1].key == "."
        and _glued(tokens, k, k + 1)
    )


def _initialled_names(tokens: list[Token]) -> list[range]:
    """Latin names with middle initials, read whole: "Paul E. Gillmor", "George W.Bush" (a first name, one or two
    initials each with its full stop, a last name). Without this the full stop ends the run at the initial."""
    found: list[range] = []
    for i in range(len(tokens) - 3):
        if not (tokens[i].is_cap and _latin_word(tokens[i]) and _initial_at(tokens, i + 1)):
            continue
        j = i + 3
        if j + 1 < len(tokens) and _initial_at(tokens, j):
            j += 2  # "John F. W. Smith"
        if j < len(tokens) and tokens[j].is_cap and _latin_word(tokens[j]):
            found.append(range(i, j + 1))
    return found


# What may stand right before a foreign name that a title follows: a form of address, a list's separator, an
# academic honorific ("Các đồng chí: …; TS Guy B - Chủ tịch …").
CUES_BEFORE: frozenset[str] = ADDRESS_TERMS | words("; : ts ths gs pgs ngài")


def unlinked_foreign(
    tokens: list[Token], foreign: list[NameSpan], titles: list[TitleSpan], names: list[NameSpan]
) -> set[int]:
    """First tokens of the foreign names that no title stands right before and no cue (`CUES_BEFORE`) opens: a
    Latin run before a comma and a title is as often an event or a firm ("… World Championship, Chủ tịch UBND
    tỉnh cho biết") as a person. A title after an addressed person and a comma is that person's, and a Latin run
    after it ends its organ ("ông A, Chủ tịch Vietravel Airlines", "bà B, Giám đốc Phòng Thương mại Nam London")."""
    addressed_ends = {n.last for n in names if n.first > 0 and tokens[n.first - 1].key in ADDRESS_TERMS}
    linked = {
        span.next_name.first
        for span in titles
        if span.next_name is not None
        and not (span.first >= 2 and tokens[span.first - 1].key == "," and span.first - 2 in addressed_ends)
    }
    return {name.first for name in foreign if name.first not in linked and not _cued(tokens, name.first)}


def _cued(tokens: list[Token], first: int) -> bool:
    """Whether a cue of `CUES_BEFORE` or "đồng chí" opens the name at token `first` ("đồng chí Phết-tha-von B, Bí
    thư Tỉnh ủy …": only a person is called comrade)."""
    if first > 0 and tokens[first - 1].key in CUES_BEFORE:
        return True
    return first > 1 and (tokens[first - 2].key, tokens[first - 1].key) == ("đồng", "chí")


# Foreign names and countries the Vietnamese press writes in hyphen-joined syllables of its own spelling
# ("Tổng thống I-ta-li-a Gioóc-giô Na-pô-li-ta-nô", "Thủ tướng Xin-ga-po Lý Hiển Long"). A country so written
# after a title is the title's; the run after it, with at least one hyphen-joined word, is the person's name.
_PLACES_FILE = Path(__file__).with_name("transliterated_places.txt")


@lru_cache(maxsize=1)
def transliterated_places() -> frozenset[str]:
    """The folded places of transliterated_places.txt ("xin-ga-po", "xri lan-ca")."""
    lines = _PLACES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(match_form(line.strip()).casefold() for line in lines if line.strip() and line[0] != "#")


MAX_PLACE_RUN = 3  # words of a transliterated place ("Pa-pua Niu Ghi-nê")
MAX_TRANSLIT_WORDS = 5  # words of a transliterated name ("Xăm-đéc Tê-chô Hun Xen")
MAX_HYPHEN_PARTS = 9  # syllables of one hyphen-joined word ("Vích-re-mê-sinh-hê")
# A transliteration's syllable may open with "x" before another consonant ("Ô-xtrây-li-a", "Xri", "Bách-xtơ").
_CLUSTER_ONSET = re.compile(r"x(?=[bcdghklmnprstv])")
# Its vowels also as in "boong", "Gioóc-giô", which Vietnamese writes but no foreign-word test should accept.
_SPELT_SYLLABLE = re.compile(_VIETNAMESE_SYLLABLE.pattern.replace("(?:a|e|", "(?:oo|a|e|", 1))


@lru_cache(maxsize=4096)
def _spelt_syllable(key: str) -> bool:
    """Whether a folded syllable is spelt the Vietnamese way, "đ" and an opening "x" cluster allowed."""
    plain = _CLUSTER_ONSET.sub("", _unmarked(key.replace("đ", "d")), count=1)
    return bool(_SPELT_SYLLABLE.fullmatch(plain))


def _hyphen_word_last(tokens: list[Token], i: int) -> int:
    """The last token of a hyphen-joined word opening at the capitalised token `i` ("Na-pô-li-ta-nô": small
    Vietnamese-spelt syllables glued by "-"), `i` itself when none follows."""
    j, parts = i, 1
    while (
        j + 2 < len(tokens)
        and parts < MAX_HYPHEN_PARTS
        and tokens[j + 1].text == "-"
        and tokens[j].end == tokens[j + 1].start
        and tokens[j + 1].end == tokens[j + 2].start
        and tokens[j + 2].is_lower_word
        and _spelt_syllable(tokens[j + 2].key)
    ):
        j, parts = j + 2, parts + 1
    if j + 1 < len(tokens) and tokens[j + 1].text == "-" and tokens[j].end == tokens[j + 1].start:
        return i  # glued on to something else ("Covid-19", "Shangri-La")
    return j


def _translit_words(tokens: list[Token], i: int) -> list[tuple[int, int]]:
    """Words from token `i` on, one space apart, each a capitalised Vietnamese-spelt syllable or a hyphen-joined
    word of them: (first, last) token of each."""
    found: list[tuple[int, int]] = []
    k = i
    while k < len(tokens) and len(found) < MAX_PLACE_RUN + MAX_TRANSLIT_WORDS:
        token = tokens[k]
        if not (token.is_cap and not token.is_abbr and _spelt_syllable(token.key)):
            break
        if found and token.start - tokens[found[-1][1]].end != 1:
            break
        last = _hyphen_word_last(tokens, k)
        if last == k and k + 1 < len(tokens) and tokens[k + 1].text == "-" and token.end == tokens[k + 1].start:
            break
        found.append((k, last))
        k = last + 1
    return found


def _latin_before(tokens: list[Token], i: int) -> bool:
    """Whether a capitalised word no Vietnamese syllable spells stands one space before token `i`."""
    prev = tokens[i - 1]
    return prev.is_cap and not prev.is_abbr and prev.end + 1 == tokens[i].start and not _spelt_syllable(prev.key)


def _key_of(tokens: list[Token], first: int, last: int) -> str:
    return "".join(t.key for t in tokens[first : last + 1])


def _place_words(tokens: list[Token], found: list[tuple[int, int]], start: int) -> int:
    """How many words from `start` on make a transliterated place, 0 when none does."""
    for size in range(min(MAX_PLACE_RUN, len(found) - start), 0, -1):
        key = " ".join(_key_of(tokens, *found[start + m]) for m in range(size))
        if key in transliterated_places():
            return size
    return 0


def transliterated_runs(tokens: list[Token]) -> tuple[list[range], set[int]]:
    """Names written in hyphen-joined transliteration, and the tokens of every transliterated place.

    A name is the words after a place (or standing alone) with at least one hyphen-joined word among them, of
    `MAX_TRANSLIT_WORDS` words at most; each must still get a title to count (`unlinked_foreign`)."""
    names: list[range] = []
    places: set[int] = set()
    after = 0
    plain_until = 0  # the end of a run of words none hyphen-joined: a run from inside it is its tail, as plain
    for i in [k for k, t in enumerate(tokens) if t.is_cap and not t.is_abbr]:
        if i < after or i < plain_until or (i > 0 and _latin_before(tokens, i)):
            continue  # the given name of a Latin-spelt name ("Park Geun-hye"), not a name of its own
        found = _translit_words(tokens, i)
        if not any(last > first for first, last in found):
            if found and len(found) < MAX_PLACE_RUN + MAX_TRANSLIT_WORDS:  # a run cut at the limit may go on
                plain_until = found[-1][1] + 1
            continue
        after = found[-1][1] + 1
        # the name opens at its first hyphen-joined word, or after a place covering it ("Xri Lan-ca")
        start = next(k for k, (first, last) in enumerate(found) if last > first)
        for begin in range(start + 1):
            size = _place_words(tokens, found, begin)
            if size and begin + size > start:
                places.update(range(found[begin][0], found[begin + size - 1][1] + 1))
                start = begin + size
                break
        rest = found[start:]
        if len(rest) == 1 and start > 0 and found[start - 1][1] == found[start - 1][0]:
            continue  # one word after a plain one is the end of that name ("Trường Chinh-người", glued)
        hyphened = any(last > first for first, last in rest)
        if rest and len(rest) <= MAX_TRANSLIT_WORDS and hyphened and not _place_words(tokens, rest, 0):
            names.append(range(rest[0][0], rest[-1][1] + 1))
    return names, places
