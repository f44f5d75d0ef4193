"""Seams where a text dump glued a page's blocks together without a separator, put back as spaces or breaks."""

from __future__ import annotations

import re

from extractors.facts.syllables import bare

# A dump that joined a page's blocks without a separator glues a sentence's stop to the next block's first word
# ("… theo mô hình này.Hà Thư", "… được thu hồi…Trần Duy Hưng", "(chiếm 11,9%).THÚY HẢI"): a stop after a word
# in lower case, a closing bracket, a quote or the press's end mark "./.", then a capital, is two blocks' seam. An
# abbreviation's dot is not ("TP.HCM", "H.Yên Minh", "Tp.HCM", "Th.Dương", "PGS.TS").
# "này.Hà", "trường...Chiêu", "”?.Hồng", and a quote closed after its stop ("… tình huống.”Theo Lan Chi")
# (Opening on the stop, its word checked behind it, the search skips to the next stop in C.)
_STOP_BEFORE_WORD = re.compile(r"[.!?…](?<=[^\s.!?…][.!?…])[.!?…]*”?(?=[^\W\d_])")
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
_CLOSERS = frozenset(')%”"/')  # "./.": the press's end mark
MAX_ABBREVIATION_LETTERS = 3
MAX_WORD_LOOKBACK = 40  # a word is read back from each stop this far at most: linear in the line


def _abbreviation(word: str) -> bool:
    """ "TP", "Tp", "H", "ThS", "PGS": short, capitalised and, past two letters, closed by a capital. A longer word
    in capitals ending a sentence ("… giai đoạn AIDS.Hiếu Lam") is a word, not an abbreviation."""
    if not word[:1].isupper() or len(word) > MAX_ABBREVIATION_LETTERS:
        return False
    return len(word) <= 2 or word[-1].isupper()


# A year or a date closing a sentence ("năm 2012", "ngày 30.5", "giai đoạn 2008-2013"): three digits at least, or
# numbers joined by a date's marks; a list's or an article's number ("1.", "Điều 5.") is neither.
_NUMBER_BEFORE = re.compile(r"\d+(?:[./-]\d+)*$")
MIN_YEAR_DIGITS = 3


def _date_then_word(line: str, stop: int, after: int) -> bool:
    """Whether a stop after a number is a seam: a year or a date, then a word opening a block, a name or a credit
    ("… năm 2012.Minh Hà", "… ngày 30.5.Quế Hà", "… năm 2015.HOÀI NAM"); a code's part ("12/2013.QĐ-UBND") is not."""
    number = _NUMBER_BEFORE.search(line, max(0, stop - MAX_WORD_LOOKBACK), stop)
    if number is None or not (len(number.group()) >= MIN_YEAR_DIGITS or not number.group().isdigit()):
        return False
    capitals = not line[after + 1 : after + 2].islower()
    word = _CAPITALS_AFTER.match(line, after) if capitals else _WORD_AFTER.match(line, after)
    return word is not None and _is_syllable(word.group())


# A writer's initials and name closing the line, glued to the last sentence's stop ("… trong quý 2-2013.H.Vũ", "… số
# 02/2013/TT-BXD.L.Bằng", "… năm học 2012-2013.N.TÝ", "… QL 1A, 217...M.T"): initials with their dots, then a name
# or another initial, and nothing after them. A place's abbreviation has no initial after its dot ("TP.HCM").
_INITIALS_CLOSING = re.compile(r"(?:[A-ZĐ]\.\s?){1,2}[A-ZĐ][^\W\d_]*\s*$")


def unglued(line: str, blocks_apart: bool = False) -> str:
    """The line with a space put back at each seam where blocks were glued; `blocks_apart` for a layout that
    glues whole blocks (an aggregator's captions, subheads and writer), whose seams without a stop are line
    breaks, not spaces: a word glued inside a sentence ("ÔngTrần Văn Bình", "nhiệm kỳ2020") is the other kind."""

    def seam(found: re.Match[str]) -> str:
        before, after = line[found.start() - 1], line[found.end()]
        if not after.isupper():
            return found.group()
        lone_initial = before.isupper() and not line[found.start() - 2 : found.start() - 1].isalnum()
        if not lone_initial and _INITIALS_CLOSING.match(line, found.end()):  # "A.B.C" is one set of initials
            return found.group() + " "
        if before in _CLOSERS:
            return found.group() + " "
        if before.isdigit():
            return found.group() + " " if _date_then_word(line, found.start(), found.end()) else found.group()
        # after a word in capitals, only a word in lower case past its capital opens a block ("AIDS.Hiếu"); a
        # code's parts ("763/UBND.TNMT", "BCHT.Ư Đảng") are capitals on both sides
        opens_word = before.islower() or line[found.end() + 1 : found.end() + 2].islower()
        word = _WORD_BEFORE.search(line, max(0, found.start() - MAX_WORD_LOOKBACK), found.start())
        glued = opens_word and before.isalpha() and word is not None and not _abbreviation(word.group())
        return found.group() + " " if glued else found.group()

    return _case_seams(_STOP_BEFORE_WORD.sub(seam, line), "\n" if blocks_apart else " ")


def _letters(test: object) -> str:
    codes = [*range(0x41, 0x250), *range(0x1E00, 0x1F00)]  # Latin letters with Vietnamese marks
    return "".join(c for c in map(chr, codes) if c.isalpha() and test(c))  # type: ignore[operator]


_LOWER, _UPPER = _letters(str.islower), _letters(str.isupper)
# A block glued to the next without a stop leaves a capital inside a word: after a small letter ("Ảnh: Thanh
# HảiTại các điểm cầu", "Đại tá Lê Mạnh TuấnDự lễ", "Báo Công ThươngÔng Trần"), after a run of capitals that ends a
# credit or an abbreviation ("Ảnh: PHẠM KIM NGÂNThông qua", "Ảnh: T.LĐến nay", "Ảnh: ĐHPhó Chủ tịch"), and a
# small letter before a number ("Ảnh: Hoàng Long1. Lãnh đạo", "cuối năm9 tỉnh").
# A closing bracket right before a capital is a seam too ("ĐB A (Phó chủ tịch Hội Nhà báo VN)Anh Vũ").
# A match is the capital or digit after the seam, what stands around it checked by look-arounds: a pattern that
# opens on a character class lets the search skip in C to the next capital or digit (one opening on a look-behind
# was tried at every character, three times slower). The seam is where the match starts.
CASE_SEAM = re.compile(
    rf"[{_UPPER}\d](?:(?<=[{_LOWER}][{_UPPER}\d])|(?<=[{_UPPER}][{_UPPER}])(?=[{_LOWER}])|(?<=[)\]][{_UPPER}])(?=[{_LOWER}]))"
)
_LETTERS_BEFORE = re.compile(rf"[{_LOWER}{_UPPER}]+$")
_WORD_AFTER = re.compile(rf"[{_UPPER}][{_LOWER}]*|\d+")
# a whole word in capitals ("…quy hoạchVIỆT HOA - CẨM TÚ": a credit in capitals after a caption)
_CAPITALS_AFTER = re.compile(rf"[{_UPPER}]{{2,}}(?![{_LOWER}{_UPPER}])")
_LIST_NUMBER = re.compile(r"\d{1,2}[.)]\s")
_ROMAN = re.compile(r"[IVXLC]{2,}")
# A Vietnamese syllable, its marks taken off: an onset, one to three vowels, a final consonant. Looser than
# `syllables.VIETNAMESE_SYLLABLE` (any vowel run): a seam needs only to tell a word from a brand or a code, and
# the strict grammar, tried here, parted two texts differently.
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")


def _is_syllable(word: str) -> bool:
    return _SYLLABLE.fullmatch(bare(word)) is not None


def case_seam(line: str, at: int) -> bool:
    """Whether the case change or the number at `at` is a seam, not a brand ("VnExpress", "KienLong"), an
    abbreviation ("TCty", "QĐ-TTg", "ThS"), a unit ("110kV", "600m2") or a code ("ATR72")."""
    after = _WORD_AFTER.match(line, at)
    if line[at - 1] in ")]":
        return after is not None and _is_syllable(after.group())
    before = _LETTERS_BEFORE.search(line, max(0, at - MAX_WORD_LOOKBACK), at)
    if not before or not after:
        return False
    left, right = before.group(), after.group()
    if right[0].isdigit():  # a number after a Vietnamese word, or a list's number ("1. ") after any word
        listed = len(left) > 2 and _LIST_NUMBER.match(line, at) is not None
        return left[-1].islower() and (not left.isascii() or listed)
    if not _is_syllable(right):
        capitals = _CAPITALS_AFTER.match(line, at)
        if capitals is None or not _is_syllable(capitals.group()) or _ROMAN.fullmatch(capitals.group()):
            return False  # not a word, or a roman number glued by a typo ("nhiệm kỳXII")
        right = capitals.group()
    if len(left) == 1:  # one capital: an initial of a credit ("Ảnh: T.LĐến"), not a typo's capital ("NGô")
        return left.isupper() and line[before.start() - 1 : before.start()] == "."
    return not (left + right).isascii() or left.islower() or left.isupper()


def word_seam(line: str, at: int) -> bool:
    """A case seam, or a whole Vietnamese word in lower case glued to a word of any shape (a foreign name, an
    abbreviation: "… kém 24 tuổiVittoria Ceretti …", "… sau ra việnMC Hoài Anh …", "… vinh danhNSND Tự Long"):
    where blocks are known to be glued, the capital that follows such a word opens the next one. A brand's
    capital follows a capital or a single letter ("VinFast", "iPhone"), never a whole word in lower case."""
    if case_seam(line, at):
        return True
    before = _LETTERS_BEFORE.search(line, max(0, at - MAX_WORD_LOOKBACK), at)
    if before is None or line[at : at + 1].isdigit():
        return False
    left = before.group()
    return len(left) >= 2 and left.islower() and _is_syllable(left)


def _case_seams(line: str, apart: str) -> str:
    return CASE_SEAM.sub(lambda found: (apart if case_seam(line, found.start()) else "") + found.group(), line)


# A numbered list a dump glued into one line, each item's number glued to the end of the one before ("1. Lê Văn
# An, Bí thư Tỉnh ủy Hà Giang2. Trần Văn Bình, Thiếu tướng, Chính ủy Quân khu 73. Phạm …"): the numbers run on one
# by one, which tells the item's number from the digits of a name before it ("Quân khu 7" then "3.").
_FIRST_ITEM = re.compile(r"\s*(\d{1,3})\.\s+(?=[^\W\d_])")
_ITEM_NUMBER = re.compile(r"(\d{1,4})(\.?)\s+(?=[^\W\d_])")
MIN_GLUED_ITEMS = 2  # two glued numbers after the first make a list; one may be a number in a name


def numbered_items_apart(line: str) -> str:
    """The line with each item of a glued numbered list on a line of its own; other lines as they are."""
    first = _FIRST_ITEM.match(line)
    if first is None:
        return line
    expected, cuts, glued = int(first.group(1)) + 1, [], 0
    for found in _ITEM_NUMBER.finditer(line, first.end()):
        # the next number, or the one after where an item lost its stop ("… Trung ương23 Ngô Văn Dụ, …24. Đào …")
        # the item's stop may be lost as well ("… Phụ nữ Việt Nam71 Nguyễn Đức Kiên"): then only the next number
        numbers = (expected, expected + 1) if found.group(2) else (expected,)
        number = next((str(n) for n in numbers if found.group(1).endswith(str(n))), None)
        if number is None:
            continue
        cut = found.end(1) - len(number)
        before = line[cut - 1]
        if not line[found.end() : found.end() + 1].isupper() or not (before.isalnum() or before in " )”"):
            continue
        cuts.append(cut)
        glued += before != " "
        expected = int(number) + 1
    if glued < MIN_GLUED_ITEMS:
        return line
    pieces = [line[start:end].rstrip() for start, end in zip([0, *cuts], [*cuts, len(line)], strict=True)]
    return "\n".join(pieces)
