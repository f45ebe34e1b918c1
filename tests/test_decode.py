from __future__ import annotations

import pytest

from ingest.decode import decode_bytes
from ingest.errors import BinaryInputError, EmptyInputError

from .conftest import sample

AR = sample("000").read_text(encoding="utf-8")
FR = sample("002").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        (FR, "utf-8", "utf-8"),
        (FR, "utf-8-sig", "utf-8 with BOM"),
        (AR, "utf-16", "utf-16"),
        (FR, "utf-16", "utf-16"),
        (AR, "utf-16-le", "utf-16-le"),
        (FR, "utf-16-be", "utf-16-be"),
        (AR, "cp1256", "cp1256"),
        (AR[:400], "cp1256", "cp1256"),
    ],
)
def test_decodes_each_encoding_exactly(text: str, encoding: str, expected: str) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == expected


def test_latin1_french_decodes_to_the_same_text() -> None:
    decoded = decode_bytes(FR.encode("latin-1"))
    assert decoded.text == FR
    assert decoded.encoding in {"latin_1", "cp1252", "iso8859_15"}


def test_a_few_invalid_bytes_in_utf8_are_replaced_not_guessed() -> None:
    data = FR.encode()
    decoded = decode_bytes(data[:500] + b"\xff\xfe" + data[500:])
    assert decoded.encoding == "utf-8 (2 invalid bytes replaced)"
    assert "Chengdu" in decoded.text and "\ufffd" in decoded.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG image), not text"),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(64), "binary file (ELF executable), not text"),
        (bytes(range(256)) * 4, "binary file (contains NUL bytes), not text"),
    ],
)
def test_binary_is_refused_with_its_kind(data: bytes, message: str) -> None:
    with pytest.raises(BinaryInputError) as info:
        decode_bytes(data)
    assert str(info.value) == message


def test_empty() -> None:
    with pytest.raises(EmptyInputError, match=r"^empty file \(0 bytes\)$"):
        decode_bytes(b"")
