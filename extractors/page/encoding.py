"""Bytes to NFC text: UTF-8, Windows-1258 and mislabelled pages, plus mojibake repair.

Vietnamese pages are UTF-8 or Windows-1258 in practice. A page that decodes as strict UTF-8 is UTF-8
whatever its meta or HTTP header claims (a wrong label is far more common than bytes that happen to be
valid UTF-8). Windows-1258 writes tone marks as combining characters, hence NFC after decoding.
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
    warnings: list[str] = []
    declared = [_codec_name(http_encoding), _codec_name(_declared_charset(data))]
    codec = next((name for name in declared if name and name != "utf-8"), None)
    if codec is None or codec in _LATIN_LABELS:
        if codec is None and any(declared):
            warnings.append("declared-utf8-but-not-utf8")
        codec = "cp1258"
    decoded = repair_text(data.decode(codec, "replace"), codec)
    decoded.warnings[:0] = warnings
    return decoded


def _unmojibake_run(run: str) -> str:
    try:
        raw = b"".join(_CP1252_BACK.get(ch) or ch.encode("latin-1") for ch in run)
        return raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return run


# Runs of characters that Latin-1/Windows-1252 can encode: the only places mojibake can live.
_BYTE_RUN = re.compile("[\x00-\xff" + "".join(_CP1252_BACK) + "]+")


def repair_text(text: str, encoding: str) -> DecodedText:
    """NFC text; mojibake is reported and, where a run is a clean UTF-8 round trip, undone."""
    result = DecodedText(text=nfc(text), encoding=encoding)
    if not _MOJIBAKE.search(result.text):
        return result
    result.warnings.append("mojibake")
    fixed = _BYTE_RUN.sub(lambda m: _unmojibake_run(m.group(0)), result.text)
    if not _MOJIBAKE.search(fixed):
        result.warnings.append("mojibake-fixed")
    result.text = nfc(fixed)
    return result
