"""Bytes to NFC text: UTF-8, Windows-1258 and mislabelled pages, plus mojibake repair.

Vietnamese pages are UTF-8 or Windows-1258 in practice. A page that decodes as strict UTF-8 is UTF-8
whatever its meta or HTTP header claims (a wrong label is far more common than bytes that happen to be
valid UTF-8). A page that does not is decoded by the majority of its non-ASCII bytes: mostly valid UTF-8
(one stray byte, one paragraph pasted from a Windows-1258 editor) is UTF-8 with only the invalid bytes
read as Windows-1258, and says so in a warning; otherwise the whole page is Windows-1258 (or its
declared single-byte charset). Windows-1258 writes tone marks as combining characters, hence NFC after
decoding.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from extractors.normalize import nfc

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Latin-1 labels on a Vietnamese page mean Windows-1258 in practice (it extends Windows-1252).
_LATIN_LABELS = frozenset({"latin_1", "iso8859-1", "cp1252", "windows-1252", "ascii"})

# UTF-8 bytes of Vietnamese letters read as Latin-1/Windows-1252: "Ä‘" (đ), "Ã¡" (á), "á»" (ệ, ở ...).
_MOJIBAKE = re.compile("Ä[‘’\x90\x91ƒ‚]|Ã[\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|á[»º]|Æ[°¡]")
_CP1252_BACK = {ch: bytes([b]) for b in range(0x80, 0xA0) if (ch := bytes([b]).decode("cp1252", "ignore"))}
_HIGH_BYTES = bytes(range(0x80, 0x100))
FALLBACK_CODEC = "cp1258"
_FALLBACK_ERRORS = "vnportal-cp1258-fallback"
MIXED_ENCODING = "mixed-encoding-repaired"
# One well-formed UTF-8 character (two to four bytes). In Windows-1258 text such a byte pair is rare but
# possible ("Ê" before a curly quote), so a single-byte page needs a few before they are read as UTF-8.
_UTF8_CHAR = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
MIN_UTF8_CHARS_IN_SINGLE_BYTE_PAGE = 3


def _decode_as_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read as Windows-1258 (single-byte: always decodes)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode(FALLBACK_CODEC, "replace"), error.end


codecs.register_error(_FALLBACK_ERRORS, _decode_as_fallback)


@dataclass
class DecodedText:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def decode_html_bytes(data: bytes, http_encoding: str | None = None) -> DecodedText:
    """Decode a page, trusting the bytes over the labels, then repair mojibake."""
    if data.startswith(codecs.BOM_UTF8):
        return repair_text(data[3:].decode("utf-8", "replace"), "utf-8")
    try:
        return repair_text(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    utf8_chars = _UTF8_CHAR.findall(data)
    utf8_bytes = sum(map(len, utf8_chars))
    if utf8_bytes > _non_ascii_bytes(data) - utf8_bytes:  # mostly UTF-8: read only the rest as Windows-1258
        decoded = repair_text(data.decode("utf-8", _FALLBACK_ERRORS), "utf-8")
        decoded.warnings.insert(0, MIXED_ENCODING)
        return decoded
    warnings: list[str] = []
    declared = [_codec_name(http_encoding), _codec_name(_declared_charset(data))]
    codec = next((name for name in declared if name and name != "utf-8"), None)
    if codec is None or codec in _LATIN_LABELS:
        if codec is None and any(declared):
            warnings.append("declared-utf8-but-not-utf8")
        codec = "cp1258"
    if len(utf8_chars) >= MIN_UTF8_CHARS_IN_SINGLE_BYTE_PAGE:
        warnings.append(MIXED_ENCODING)
        text = _decode_keeping_utf8(data, codec)
    else:
        text = data.decode(codec, "replace")
    decoded = repair_text(text, codec)
    decoded.warnings[:0] = warnings
    return decoded


def _non_ascii_bytes(data: bytes) -> int:
    return len(data) - len(data.translate(None, _HIGH_BYTES))


def _decode_keeping_utf8(data: bytes, codec: str) -> str:
    """A page mostly in a single-byte `codec` with UTF-8 characters in it (a paragraph pasted from a UTF-8
    page): each UTF-8 character read as UTF-8, everything else in `codec`."""
    parts, position = [], 0
    for match in _UTF8_CHAR.finditer(data):
        parts += [data[position : match.start()].decode(codec, "replace"), match.group().decode("utf-8")]
        position = match.end()
    parts.append(data[position:].decode(codec, "replace"))
    return "".join(parts)


def _unmojibake_run(run: str) -> str:
    try:
        raw = b"".join(_CP1252_BACK.get(ch) or ch.encode("latin-1") for ch in run)
        return raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return run


# Runs of characters that Latin-1/Windows-1252 can encode: the only places mojibake can live.
_BYTE_RUN = re.compile("[\x00-\xff" + "".join(_CP1252_BACK) + "]+")


# `_MOJIBAKE` branch by branch: a search led by one literal letter skips through a page several times faster
# than one that stops at every "á" (a common Vietnamese letter) for the alternatives.
_MOJIBAKE_BRANCHES = tuple(re.compile(branch) for branch in _MOJIBAKE.pattern.split("|"))


def _has_mojibake(text: str) -> bool:
    return any(branch.search(text) is not None for branch in _MOJIBAKE_BRANCHES)


def repair_text(text: str, encoding: str) -> DecodedText:
    """NFC text; mojibake is reported and, where a run is a clean UTF-8 round trip, undone."""
    result = DecodedText(text=nfc(text), encoding=encoding)
    if not _has_mojibake(result.text):
        return result
    result.warnings.append("mojibake")
    fixed = _BYTE_RUN.sub(lambda m: _unmojibake_run(m.group(0)), result.text)
    if not _has_mojibake(fixed):
        result.warnings.append("mojibake-fixed")
    result.text = nfc(fixed)
    return result
