"""Bytes to text: BOMs first, binary formats refused, strict UTF-8, then a charset detector.

Order matters: a UTF-16 file is full of NUL bytes, so BOMs are read before the binary check; UTF-8 is tried
strictly before the detector because the detector may prefer a single-byte code page for short UTF-8 text.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from ingest.errors import BinaryInputError, DecodeError, EmptyInputError

# Leading bytes of formats people drop into an article folder by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# A mostly-UTF-8 file with a few broken bytes (a truncated copy, a bad paste) is still UTF-8: replacing the
# handful of bad bytes beats handing it to the detector, which would re-read the whole file as a code page.
_MAX_INVALID_UTF8_RATIO = 0.01


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format of ``data``, or None if it may be text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def _looks_utf16(sample: bytes) -> str | None:
    """UTF-16 without BOM: NULs fall on one byte parity only (every ASCII character and space has one).

    Latin text has a NUL in nearly every other byte; Arabic text only at spaces and punctuation, hence the
    low threshold. The caller still checks that the decoded text is not control characters.
    """
    if len(sample) < 4:
        return None
    half = len(sample) / 2
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if odd > 0.05 and even < 0.01:
        return "utf-16-le"
    if even > 0.05 and odd < 0.01:
        return "utf-16-be"
    return None


def _control_ratio(text: str) -> float:
    head = text[:20000]
    controls = sum(1 for c in head if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\x00")
    return controls / max(len(head), 1)


def decode_bytes(data: bytes) -> Decoded:
    """Decode a document's bytes, or raise an `InputError` that names the reason in one line."""
    if not data:
        raise EmptyInputError("empty file (0 bytes)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding.replace("-sig", " with BOM"))
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"starts with a {encoding} byte-order mark but is not {encoding}: {exc.reason}"
                ) from None
    kind = sniff_binary(data)
    if kind:
        raise BinaryInputError(f"binary file ({kind}), not text")
    sample = data[:4096]
    if b"\x00" in sample:
        utf16 = _looks_utf16(sample)
        if utf16:
            try:
                text = data.decode(utf16)
            except UnicodeDecodeError:
                text = ""
            if text and _control_ratio(text) < 0.05:
                return Decoded(text, utf16)
        raise BinaryInputError("binary file (contains NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    has_multibyte = any(ord(c) > 0x7F and c != "\ufffd" for c in lenient[:20000])
    if has_multibyte and bad / max(len(lenient), 1) <= _MAX_INVALID_UTF8_RATIO:
        return Decoded(lenient, f"utf-8 ({bad} invalid byte{'s' if bad != 1 else ''} replaced)")
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("not text in any encoding polynews can detect")
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise BinaryInputError("binary file (mostly control characters), not text")
    return Decoded(text, best.encoding)
