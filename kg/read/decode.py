"""Bytes -> text, or a one-line reason why a file is not text we can read.

Decisions (documented here because users meet them as error messages):

* A byte-order mark wins: UTF-8, UTF-16 and UTF-32 files with a BOM are
  decoded accordingly (Windows "Unicode" text is UTF-16 with BOM).
* Otherwise the file must be UTF-8. A UTF-8 file with a few broken bytes (cut
  mid-character at the end, one mangled byte) is read with U+FFFD in their
  place. If it is not UTF-8 at all, and it decodes as
  Windows-1258 (the legacy Vietnamese code page) into plausible Vietnamese,
  that is what it is: Windows-1258 writes tones as combining marks, which NFC
  composes later. Bytes that are neither give an error naming the offset of
  the first bad byte.
* NUL bytes or many control characters without a BOM mean a binary file.
* An empty (or whitespace-only) file is an error, not an empty article.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from ..clean.language import looks_vietnamese
from ..errors import InputError

__all__ = ["read_text", "decode_bytes"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Largest file read as one article (a news page is a few hundred kB at most).
MAX_BYTES = 50 * 1024 * 1024


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > max(8, len(sample) // 100)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few broken bytes, decoded with U+FFFD in their place.

    A file cut mid-character at its end, or a page with one mangled byte, is
    still a UTF-8 page: decoding all of it as Windows-1258 would turn every
    Vietnamese letter into mojibake. "A few" means one broken sequence, or at most
    one per hundred well-formed multi-byte characters.
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    if broken <= 0 or multibyte < 20 or broken > max(1, multibyte // 100):
        return None
    return text


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a file's bytes as described in the module docstring."""
    if not data.strip():
        raise InputError(path, "empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"starts with a {codec.upper()} byte-order mark but is not valid {codec.upper()} ({exc.reason})") from None
    if _looks_binary(data):
        raise InputError(path, "binary file, not text (NUL or control bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        text = ""
    if text and looks_vietnamese(text):
        return text
    raise InputError(
        path,
        f"not UTF-8 (invalid byte 0x{data[bad]:02x} at offset {bad}) and not Windows-1258 Vietnamese; "
        "convert it to UTF-8",
    )


def read_text(path: Path) -> str:
    """The decoded text of ``path``; :class:`InputError` for anything unreadable."""
    p = str(path)
    try:
        if path.is_dir():
            raise InputError(p, "is a folder, expected a file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(p, f"too large for one article ({size} bytes)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(p, "no such file") from None
    except PermissionError:
        raise InputError(p, "permission denied") from None
    except IsADirectoryError:
        raise InputError(p, "is a folder, expected a file") from None
    except OSError as exc:
        raise InputError(p, f"cannot read: {exc.strerror or exc}") from None
    return decode_bytes(data, p)
