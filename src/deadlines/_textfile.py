"""Reading the text files people write (notices, policy and case files): UTF-8 with or without
a BOM; GBK and the rest are refused by line, since a guessed encoding could change a character."""

from __future__ import annotations

import codecs
import errno
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from deadlines._errors import InvalidArgumentError, Spoken
from deadlines._messages import MESSAGES, Said


class NotUtf8Error(Spoken, ValueError):
    """The file's bytes are not UTF-8 from `line` (1-based) on; `problem` says in English what
    the file seems to be. Callers restate it as their own file error."""

    def __init__(self, line: int, seems: str, byte: int) -> None:
        self.line = line
        self._say("error.not_utf8", line=line, byte=f"0x{byte:02x}", seems=Said(seems))
        self.problem = str(self)


def read_user_text(path: str | Path) -> str:
    """The text of a file written by a person: UTF-8, with or without a byte-order mark;
    raises `OSError`, or `NotUtf8Error` (saying whether it looks like GBK or UTF-16)."""
    try:
        data = Path(path).read_bytes()
    except ValueError:  # a NUL in the path: no file has such a name
        raise FileNotFoundError(errno.ENOENT, "no file has a name with a NUL character") from None
    return decode_user_text(data)


def os_reason(error: OSError) -> Said | str:
    """Why a file could not be read or written: the catalogue's words, else the system's."""
    name = f"error.os.{errno.errorcode.get(error.errno or 0, '')}"
    return Said(name) if name in MESSAGES else str(error.strerror)


def decode_user_text(data: bytes) -> str:
    """The text of a file's bytes (an upload), as `read_user_text` reads a file's."""
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise NotUtf8Error(line, _seems(data), data[error.start]) from None


def _seems(data: bytes) -> str:
    """The message id of what bytes that are not UTF-8 look like."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "error.not_utf8.utf16"
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return "error.not_utf8.unknown"
    return "error.not_utf8.gbk"


def check_lines(argument: str, lines: object) -> Iterable[str]:
    """`lines` if it can be read line by line (an open file, a list of str), else an error;
    text itself is refused (iterating it gives characters, not lines)."""
    if isinstance(lines, (str, bytes)) or not isinstance(lines, Iterable):
        raise InvalidArgumentError(
            argument, lines, "lines of text: an open file or a list of str (text.splitlines())"
        )
    return lines


def whole_lines(source: IO[bytes], size: int = 1 << 20) -> Iterator[bytes]:
    """The bytes of `source` in blocks of about `size`, each of whole lines: cut after a line
    feed, so that no CR LF is cut in two (the last block ends where the file does)."""
    rest = b""
    while block := source.read(size):
        block = rest + block
        end = block.rfind(b"\n") + 1
        rest = block[end:]
        if end:
            yield block[:end]
    if rest:
        yield rest


#: Where ``str.splitlines`` ends a line and ``bytes.splitlines`` does not (raw in a JSON
#: string, it is a character of the text).
_TEXT_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def utf8_lines(block: bytes) -> list[str] | None:
    """The lines of `block`, ended as ``bytes.splitlines`` ends them, decoded at once (many
    times faster than line by line); ``None`` if it is not all UTF-8 or holds a character
    that ``str.splitlines`` would end a line at (then read it line by line)."""
    try:
        text = block.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if any(mark in text for mark in _TEXT_BREAKS):
        return None
    return text.splitlines()
