"""Argument types shared by the commands: each refuses bad input with a sentence naming the
argument (InvalidInput, exit 2), never with an exception the catch-all has to turn into one.

``argparse`` ``type=`` callables raise ``ArgumentTypeError``; the parser turns that into a usage
error that names the option. Checks that run after parsing raise InvalidInput directly.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.text import shown

if TYPE_CHECKING:
    from desktop_app.domain.classification import Classification

# SQLite's INTEGER is a signed 64-bit number: an id past it can never exist, and Python would
# only fail at the driver (OverflowError) instead of saying which argument was wrong.
MAX_ID = 2**63 - 1
_DIGITS = re.compile(r"[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MOMENT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}")
_DIGEST = re.compile(r"[0-9a-f]{64}")


def bounded_int(low: int, high: int, what: str) -> Callable[[str], int]:
    """An argparse type: ASCII digits only (no sign, no '²' or other Unicode digits, no
    underscores) and ``low <= value <= high``."""

    def parse(value: str) -> int:
        # Checked before int(): a 5,000-digit string is refused without converting it.
        if len(value) > 20 or not _DIGITS.fullmatch(value):
            raise argparse.ArgumentTypeError(
                f"'{shown(value)}' is geen {what} (alleen cijfers 0-9)"
            )
        number = int(value)
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{what} {number} ligt niet tussen {low} en {high}")
        return number

    parse.__name__ = what  # argparse names the type in its fallback message
    return parse


record_id = bounded_int(1, MAX_ID, "nummer")
version_number = bounded_int(0, MAX_ID, "versienummer")
# Counts and limits: digits and the 64-bit range here; the service checks its own bounds (with
# the sentences the contract's tests know).
count = bounded_int(0, MAX_ID, "aantal")
position = bounded_int(0, MAX_ID, "positie")


def request_id(value: str) -> int:
    """A request id given as a positional argument that is checked after parsing (its message
    has been part of the contract's tests since the first version)."""
    if not _DIGITS.fullmatch(value) or len(value) > 19 or int(value) > MAX_ID or int(value) < 1:
        raise InvalidInput(f"'{shown(value)}' is geen verzoeknummer.", field="id")
    return int(value)


def optional_classification(value: str | None) -> Classification | None:
    """A ``--classification`` (or ``--clearance``) that may be left out: ``None`` then, so the
    service applies its own default or keeps what is recorded."""
    from desktop_app.domain.classification import Classification

    return None if value is None else Classification.parse(value)


def parse_date(value: str, field: str) -> dt.date:
    """Strictly ``YYYY-MM-DD`` like the import (``fromisoformat`` alone also takes 20260423 and
    2026-W17-4)."""
    if _DATE.fullmatch(value):
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(value)
    raise InvalidInput(
        f"'{shown(value)}' is geen geldige datum (JJJJ-MM-DD) voor --{field}.", field=field
    )


def optional_date(value: str | None, field: str) -> dt.date | None:
    return None if value is None else parse_date(value, field)


def parse_as_of(value: str | None, now: dt.datetime, field: str = "as-of") -> dt.datetime | None:
    """``--as-of``: a date (the end of that day, or now while it lasts) or a moment in ISO
    8601 with its offset (``2026-10-01T17:00+02:00``, ``…Z``)."""
    if value is None:
        return None
    text = value.strip()
    if len(text) == 10:
        from desktop_app.domain.clock import LOCAL_TZ
        from desktop_app.domain.statistics import end_of_day

        day = parse_date(text, field)
        if day > now.astimezone(LOCAL_TZ).date():
            raise InvalidInput(
                f"De datum bij --{field} ligt in de toekomst.", field=field.replace("-", "_")
            )
        return end_of_day(day, now)
    if _MOMENT.match(text):
        with contextlib.suppress(ValueError):
            moment = dt.datetime.fromisoformat(text)
            if moment.tzinfo is not None:
                return moment
    raise InvalidInput(
        f"'{shown(value)}' is geen datum (JJJJ-MM-DD) of moment met tijdzone "
        f"(JJJJ-MM-DDTUU:MM+01:00) voor --{field}.",
        field=field.replace("-", "_"),
    )


def anchor(value: str) -> str:
    """``SEQ:HASH`` as ``audit verify`` prints its head: a sequence number from 1 and 64
    lowercase hex digits."""
    seq, _, digest = value.partition(":")
    if (
        not _DIGITS.fullmatch(seq)
        or len(seq) > 19
        or not 1 <= int(seq) <= MAX_ID
        or not _DIGEST.fullmatch(digest)
    ):
        raise argparse.ArgumentTypeError(
            "een anker heeft de vorm VOLGNUMMER:HASH (volgnummer vanaf 1, 64 hexadecimale tekens)"
        )
    return value


def read_text_file(path: Path, *, option: str, max_bytes: int, too_big: str) -> str:
    """A UTF-8 text file a person named: a regular file of at most ``max_bytes`` (enforced while
    reading), decoded strictly (a BOM is allowed), with no NUL bytes."""
    from desktop_app.services.files import read_regular

    field = option.removeprefix("--").replace("-", "_")
    data = read_regular(
        path, limit=max_bytes, field=field, what=f"Het bestand bij {option}", too_big=too_big
    )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"Het bestand bij {option} is geen UTF-8-tekst.", field=field) from None
    if "\x00" in text:
        raise InvalidInput(f"Het bestand bij {option} bevat een NUL-teken.", field=field)
    return text


# A ``--text-file`` larger than this is not a report, annex or plan (the domain's longest text,
# MAX_TEXT_LENGTH, is 2 million characters).
TEXT_FILE_BYTES = 8 * 1024 * 1024


def text_file(
    path: Path, what: str, *, max_bytes: int = TEXT_FILE_BYTES, option: str = "--text-file"
) -> str:
    """The text of ``option`` for ``what`` ("een ambtsbericht", "de bijlage")."""
    return read_text_file(
        path,
        option=option,
        max_bytes=max_bytes,
        too_big=f"Het tekstbestand is te groot voor {what}.",
    )


def output_file(path: Path, option: str) -> None:
    """Refuse an output file that cannot be written before any work is done: a folder, or a
    folder that does not exist."""
    field = option.removeprefix("--")
    if path.is_dir():
        raise InvalidInput(
            f"{option}: '{shown(path.name or str(path))}' is een map; geef een bestandsnaam.",
            field=field,
        )
    if not path.parent.is_dir():
        raise InvalidInput(f"{option}: de map voor dit bestand bestaat niet.", field=field)


_WHY = {
    errno.EROFS: "alleen-lezen bestandssysteem",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.ENOSPC: "schijf vol",
    errno.EDQUOT: "schijfquotum vol",
    errno.EISDIR: "het is een map",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.ENOENT: "de map bestaat niet",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ELOOP: "een kring van symbolische koppelingen",
    errno.EEXIST: "het bestaat al",
}


@contextlib.contextmanager
def writing(path: Path, option: str) -> Iterator[None]:
    """An OSError while writing an output file (read-only file system, no permission, disk
    full) is a sentence naming the option, not an unforeseen error."""
    try:
        yield
    except OSError as exc:
        why = _WHY.get(exc.errno or 0, "schrijffout")
        raise InvalidInput(
            f"{option}: '{shown(path.name or str(path))}' kan niet worden geschreven ({why}).",
            field=option.removeprefix("--"),
        ) from None


def write_output(path: Path, option: str, data: bytes) -> None:
    """Write the file a command made (a PDF) in one piece, failures told as ``writing`` does;
    call ``output_file`` first, before any work."""
    from desktop_app.services.files import atomic_write

    with writing(path, option):
        atomic_write(path, data)


def require_regular(path: Path, *, field: str, what: str) -> None:
    """Refuse a folder, pipe, device or symlink loop before a service opens the file (a FIFO
    would make it wait for ever)."""
    from desktop_app.services.files import open_regular

    fh, _size = open_regular(path, field=field, what=what)
    fh.close()
