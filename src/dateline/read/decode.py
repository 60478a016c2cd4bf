"""Turn a file's bytes into text, or say why that is not possible."""

from __future__ import annotations

import codecs

# A NUL byte in text is almost always a binary file (PDF, image, archive...).
_BINARY_PROBE = 8192


def decode_text(data: bytes) -> str:
    """Decode article bytes: BOM first, then UTF-8, then Windows-1252.

    Raises ``ValueError`` with the reason when the bytes are not text. Line breaks are
    normalised to ``\\n`` (as Python's text mode does) so every offset counts the same
    characters on every platform.
    """
    if not data.strip():
        raise ValueError("empty file")
    text = _decode(data)
    if not text.strip():  # only a byte-order mark, or whitespace in UTF-16
        raise ValueError("empty file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> str:
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ValueError(f"invalid {encoding} text: {exc.reason}") from None
    if b"\x00" in data[:_BINARY_PROBE]:
        raise ValueError("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Old newsroom exports are often Windows-1252; it decodes nearly any byte, so
    # only accept it when the result holds no control characters.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 or Windows-1252 text") from None
    if any(ord(c) < 32 and c not in "\t\n\r\f" for c in text):
        raise ValueError("binary file, not text")
    return text
