"""Bulk intake: the IND's request lists as CSV or JSON, parsed into validated drafts.

All-or-nothing: every row is validated before anything is returned, and the first bad row raises
InvalidInput with ``row`` (1 = first data row after the header; in JSON the first element) and
``field`` set, and a message that names both.

Choices:
- Unknown columns/keys are rejected: a misspelt optional column ("birthdate") would otherwise
  silently drop data for every row of the file.
- The same V-number may occur on several rows: one person can be the subject of several
  requests (e.g. asylum and, years later, naturalisation).
- Text must be UTF-8 (a BOM is fine). A file Excel saved as "CSV (gescheiden door
  lijstscheidingsteken)" in cp1252 is refused with a hint rather than guessed at: names in any
  script must arrive intact.
- CSV: the delimiter is ``;`` (Dutch Excel), ``,`` or tab, decided from the header line. Rows
  that are entirely empty (blank lines, Excel's ``;;;;``) are skipped but still counted, so row
  numbers match the file.
- A header-only CSV or an empty JSON list is a valid import of nothing.
- JSON: a key twice in one object is refused as a column twice in a CSV header is (the parser
  would otherwise keep the last value silently). Numbers are never valid values (a V-number
  would lose its leading zeros), so they are read as floats: a 5,000-digit number is then an
  ordinary "must be text" error for its row instead of the int parser's ValueError. A document
  nested deeper than the parser's recursion limit is refused as a whole.

Speed: a clean row goes through ``_fast_draft`` (a handful of C-level string checks, no regex,
no per-row function table); anything unusual falls back to ``validate_request``, which is the
authority and produces the exact error. Tests hold the two paths together.
"""

from __future__ import annotations

import collections
import csv
import datetime as dt
import io
import json
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.requests import (
    EARLIEST_BIRTH_DATE,
    EARLIEST_RECEIVED,
    IND_REFERENCE_MAX_LENGTH,
    SUBJECT_NAME_MAX_LENGTH,
    Purpose,
    RequestDraft,
    parse_date,
    validate_request,
)
from desktop_app.domain.text import shown

REQUIRED_FIELDS: tuple[str, ...] = ("subject_name", "v_number", "purpose", "received")
OPTIONAL_FIELDS: tuple[str, ...] = ("birth_date", "nationality", "ind_reference")
ALL_FIELDS: tuple[str, ...] = REQUIRED_FIELDS + OPTIONAL_FIELDS
_KNOWN = frozenset(ALL_FIELDS)
_DELIMITERS = (";", ",", "\t")

_PURPOSES: Mapping[str, Purpose] = {p.value: p for p in Purpose}
_new_tuple = tuple.__new__


def parse_import(data: bytes, filename_suffix: str, today: dt.date) -> list[RequestDraft]:
    """Parse and validate a whole request list; ``filename_suffix`` is ``.csv`` or ``.json``."""
    return list(iter_import(data, filename_suffix, today))


def estimate_rows(data: bytes, filename_suffix: str) -> int | None:
    """About how many rows a file holds, for a progress display before it is parsed: the lines
    after a CSV's header (exact unless a quoted value spans lines); None for JSON."""
    if filename_suffix.lower().lstrip(".") != "csv":
        return None
    lines = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
    return max(lines - 1, 0)


def iter_import(data: bytes, filename_suffix: str, today: dt.date) -> Iterator[RequestDraft]:
    """Like ``parse_import``, streaming: the file as a whole (type, encoding, header or JSON
    syntax) is checked now; each row is validated as it is read, and a bad row raises then. A
    caller inserting the rows as they come must therefore hold them in one transaction."""
    suffix = filename_suffix.lower().lstrip(".")
    if suffix not in ("csv", "json"):
        raise InvalidInput(
            f"Onbekend bestandstype '{shown(filename_suffix)}': gebruik een .csv- of "
            ".json-bestand.",
            field="file",
        )
    text = _decode(data)
    return iter_csv(text, today) if suffix == "csv" else iter_json(text, today)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InvalidInput(
            f"Het bestand is niet in UTF-8 gecodeerd (regel {line} van het bestand). "
            "Sla het op als 'CSV UTF-8' of JSON in UTF-8.",
            field="file",
        ) from None


# -- CSV ---------------------------------------------------------------------------------------


def _sniff_delimiter(header_line: str) -> str:
    counts = [(header_line.count(d), d) for d in _DELIMITERS]
    best_count, best = max(counts, key=lambda item: item[0])
    return best if best_count else ","


def iter_csv(text: str, today: dt.date) -> Iterator[RequestDraft]:
    end = text.find("\n")
    first_line = text if end < 0 else text[:end]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(first_line))
    try:
        header_row = next(reader, None)
    except csv.Error as exc:
        raise _unreadable(reader, exc) from None
    if header_row is None or not any(cell.strip() for cell in header_row):
        raise InvalidInput(
            "Het bestand is leeg: de kopregel met kolomnamen ontbreekt.", field="file"
        )
    return _csv_rows(reader, _check_header(header_row), today)


def _unreadable(reader: Any, exc: csv.Error) -> InvalidInput:
    return InvalidInput(
        f"Het CSV-bestand is onleesbaar bij regel {reader.line_num}: {exc}.", field="file"
    )


def _csv_rows(reader: Any, columns: list[str], today: dt.date) -> Iterator[RequestDraft]:
    width = len(columns)
    # An absent optional column reads the "" appended to every row at index ``width``.
    positions = {name: i for i, name in enumerate(columns)}
    i_name, i_vnum, i_purp, i_recv, i_birth, i_nat, i_ref = (
        positions.get(name, width) for name in ALL_FIELDS
    )
    fast_draft = _fast_draft
    dates = _IsoDates()
    row_number = 0
    try:
        for cells in reader:
            row_number += 1
            if len(cells) != width:
                if not any(cell.strip() for cell in cells):
                    continue
                raise InvalidInput(
                    f"Rij {row_number}: {len(cells)} velden gevonden, {width} verwacht "
                    "(zoals in de kopregel).",
                    row=row_number,
                )
            cells.append("")
            fields = (
                cells[i_name],
                cells[i_vnum],
                cells[i_purp],
                cells[i_recv],
                cells[i_birth],
                cells[i_nat],
                cells[i_ref],
            )
            draft = fast_draft(*fields, today, dates)
            if draft is None:
                if not any(cell.strip() for cell in cells):
                    continue
                draft = _checked_draft(fields, today, row_number)
            yield draft
    except csv.Error as exc:
        raise _unreadable(reader, exc) from None


def _check_header(header_row: Sequence[str]) -> list[str]:
    columns = [cell.strip().lower() for cell in header_row]
    seen: set[str] = set()
    for number, name in enumerate(columns, start=1):
        if not name:
            raise InvalidInput(
                f"Kolom {number} van de kopregel heeft geen naam. Toegestaan: "
                f"{', '.join(ALL_FIELDS)}.",
                field="file",
            )
        if name in seen:
            raise InvalidInput(
                f"De kolom '{shown(name)}' staat twee keer in de kopregel.", field=shown(name)
            )
        seen.add(name)
        if name not in _KNOWN:
            raise InvalidInput(
                f"Onbekende kolom '{shown(name)}' in de kopregel. Toegestaan: "
                f"{', '.join(ALL_FIELDS)}.",
                field=shown(name),
            )
    for name in REQUIRED_FIELDS:
        if name not in seen:
            raise InvalidInput(f"In de kopregel ontbreekt de kolom '{name}'.", field=name)
    return columns


# -- JSON --------------------------------------------------------------------------------------


class _DuplicateKey:
    """What the parser makes of an object with a key twice: not a dict, so the row loop (or,
    nested, the "must be text" check) refuses it; ``key`` is the first repeated key."""

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        self.key = key


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any] | _DuplicateKey:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    seen: set[str] = set()
    for key, _value in pairs:
        if key in seen:
            break
        seen.add(key)
    return _DuplicateKey(key)


_DECODER = json.JSONDecoder(object_pairs_hook=_object, parse_int=float)
_PLAIN_DECODER = json.JSONDecoder(parse_int=float)


def _load_json(text: str) -> Any:
    """``_DECODER.decode(text)``, mostly without its cost: the hook is a Python call per object
    (+10-15 % on the parse). Every key-value pair has one ':' outside strings, so when the keys
    of the top-level objects add up to every ':' in the text, no key was repeated (and there is
    no nested object or colon in a value); only otherwise is the text decoded again with the
    hook, which then finds the repeat."""
    items = _PLAIN_DECODER.decode(text)
    if isinstance(items, list):
        keys = sum(len(item) for item in items if type(item) is dict)
        if keys == text.count(":"):
            return items
    return _DECODER.decode(text)


def iter_json(text: str, today: dt.date) -> Iterator[RequestDraft]:
    try:
        items = _load_json(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"Het JSON-bestand is onleesbaar (regel {exc.lineno}, kolom {exc.colno}): {exc.msg}.",
            field="file",
        ) from None
    except RecursionError:
        raise InvalidInput(
            "Het JSON-bestand is te diep genest (honderden lagen lijsten of objecten in "
            "elkaar). Een verzoekenlijst is één lijst van objecten met tekstvelden.",
            field="file",
        ) from None
    except ValueError:  # pragma: no cover - the decoder's hooks leave no other ValueError
        raise InvalidInput("Het JSON-bestand is onleesbaar.", field="file") from None
    if not isinstance(items, list):
        raise InvalidInput(
            "Het JSON-bestand moet een lijst van verzoeken zijn ([{...}, {...}]).", field="file"
        )
    return _json_rows(items, today)


def _json_rows(items: list[object], today: dt.date) -> Iterator[RequestDraft]:
    dates = _IsoDates()
    for row_number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            if isinstance(item, _DuplicateKey):
                raise _at_row(
                    InvalidInput(
                        f"Het veld '{shown(item.key)}' staat twee keer in het verzoek.",
                        field=shown(item.key),
                    ),
                    row_number,
                )
            raise InvalidInput(
                f"Rij {row_number}: een verzoek moet een object met velden zijn.", row=row_number
            )
        draft = _fast_json_draft(item, today, dates)
        if draft is None:
            try:
                draft = _draft_from_json(item, today)
            except InvalidInput as exc:
                raise _at_row(exc, row_number) from None
        yield draft


def _fast_json_draft(
    item: Mapping[str, object], today: dt.date, dates: _IsoDates | None = None
) -> RequestDraft | None:
    if not item.keys() <= _KNOWN:
        return None
    get = item.get
    name, v_number, purpose, received = (
        get("subject_name"),
        get("v_number"),
        get("purpose"),
        get("received"),
    )
    birth, nationality, reference = get("birth_date"), get("nationality"), get("ind_reference")
    if birth is None:
        birth = ""
    if nationality is None:
        nationality = ""
    if reference is None:
        reference = ""
    if not (
        isinstance(name, str)
        and isinstance(v_number, str)
        and isinstance(purpose, str)
        and isinstance(received, str)
        and isinstance(birth, str)
        and isinstance(nationality, str)
        and isinstance(reference, str)
    ):
        return None
    return _fast_draft(
        name, v_number, purpose, received, birth, nationality, reference, today, dates
    )


def _json_text(item: Mapping[str, object], name: str) -> str | None:
    value = item.get(name)
    if value is None or isinstance(value, str):
        return value
    # A number would lose a V-number's leading zeros; insist on text for every field.
    raise InvalidInput(f"Het veld '{name}' moet tekst zijn (tussen aanhalingstekens).", field=name)


def _draft_from_json(item: Mapping[str, object], today: dt.date) -> RequestDraft:
    for key in item:
        if key not in _KNOWN:
            raise InvalidInput(
                f"Onbekend veld '{shown(key)}'. Toegestaan: {', '.join(ALL_FIELDS)}.",
                field=shown(key),
            )
    return _draft_from_texts(
        subject_name=_json_text(item, "subject_name"),
        v_number=_json_text(item, "v_number"),
        purpose=_json_text(item, "purpose"),
        received=_json_text(item, "received"),
        birth_date=_json_text(item, "birth_date"),
        nationality=_json_text(item, "nationality"),
        ind_reference=_json_text(item, "ind_reference"),
        today=today,
    )


# -- shared ------------------------------------------------------------------------------------


def _required(value: str | None, name: str) -> str:
    if value is None or not value.strip():
        raise InvalidInput(f"Het veld '{name}' is verplicht.", field=name)
    return value


def _optional_date(value: str | None, name: str) -> dt.date | None:
    if value is None or not value.strip():
        return None
    return parse_date(value, field=name)


def _draft_from_texts(
    *,
    subject_name: str | None,
    v_number: str | None,
    purpose: str | None,
    received: str | None,
    birth_date: str | None,
    nationality: str | None,
    ind_reference: str | None,
    today: dt.date,
) -> RequestDraft:
    purpose_text = _required(purpose, "purpose")
    purpose_value = _PURPOSES.get(purpose_text) or Purpose.parse(purpose_text)
    return validate_request(
        subject_name=_required(subject_name, "subject_name"),
        v_number=_required(v_number, "v_number"),
        purpose=purpose_value,
        received=parse_date(_required(received, "received"), field="received"),
        today=today,
        birth_date=_optional_date(birth_date, "birth_date"),
        nationality=nationality,
        ind_reference=ind_reference,
    )


def _checked_draft(fields: Sequence[str], today: dt.date, row: int) -> RequestDraft:
    """The full validator: raises the precise error for the row (or accepts an unusual but
    valid row the fast path declined)."""
    name, v_number, purpose, received, birth, nationality, reference = fields
    try:
        return _draft_from_texts(
            subject_name=name,
            v_number=v_number,
            purpose=purpose,
            received=received,
            birth_date=birth,
            nationality=nationality,
            ind_reference=reference,
            today=today,
        )
    except InvalidInput as exc:
        raise _at_row(exc, row) from None


def _iso_date(text: str) -> dt.date | None:
    if len(text) != 10 or text[4] != "-" or text[7] != "-" or not text.isascii():
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


class _IsoDates(dict[str, dt.date | None]):
    """ISO text -> date (None when not a clean ISO date), parsed once per distinct text: an
    import has few distinct dates of receipt."""

    def __missing__(self, text: str) -> dt.date | None:
        day = self[text] = _iso_date(text)
        return day


def _fast_draft(
    subject_name: str,
    v_number: str,
    purpose: str,
    received: str,
    birth_date: str,
    nationality: str,
    ind_reference: str,
    today: dt.date,
    dates: _IsoDates | None = None,
) -> RequestDraft | None:
    """The common, clean row, accepted with a few C-level string checks.

    Returns None whenever anything is unusual; the caller then runs the full validator, which
    either raises the precise error or accepts the row. So this path may decline a valid row but
    never accepts one ``validate_request`` would reject or normalise differently (a property
    test holds them together).
    """
    name = " ".join(subject_name.split())
    if (
        not name
        or len(name) > SUBJECT_NAME_MAX_LENGTH
        or not name.isprintable()
        or not unicodedata.is_normalized("NFC", name)
    ):
        return None
    v_num = v_number.strip()
    if len(v_num) != 10 or not v_num.isdigit() or not v_num.isascii():
        return None
    purp = _PURPOSES.get(purpose.strip().lower())
    if purp is None:
        return None
    if dates is None:
        dates = _IsoDates()
    recv = dates[received.strip()]
    if recv is None or recv > today or recv < EARLIEST_RECEIVED:
        return None
    birth_text = birth_date.strip()
    born: dt.date | None = None
    if birth_text:
        born = dates[birth_text]
        if born is None or born > today or born < EARLIEST_BIRTH_DATE or recv < born:
            return None
    nat: str | None = nationality.strip() or None
    if nat is not None:
        if len(nat) not in (2, 3) or not nat.isascii() or not nat.isalpha():
            return None
        nat = nat.upper()
    ref: str | None = ind_reference.strip() or None
    if ref is not None and (len(ref) > IND_REFERENCE_MAX_LENGTH or not ref.isprintable()):
        return None
    # tuple.__new__ directly: the NamedTuple's generated __new__ is a Python function, and
    # this line runs once per imported row.
    return _new_tuple(RequestDraft, (name, v_num, purp, recv, born, nat, ref))


def _at_row(exc: InvalidInput, row: int) -> InvalidInput:
    where = f"Rij {row}, veld '{shown(exc.field)}'" if exc.field else f"Rij {row}"
    return InvalidInput(f"{where}: {exc.message}", field=exc.field, row=row)


# -- before the work: how many rows, of which years ---------------------------------------------


def max_rows(data: bytes, filename_suffix: str) -> int:
    """An upper bound on the rows a file holds, counted in C without parsing: a CSV's lines
    after the header, a JSON file's opening braces (every request is an object)."""
    if filename_suffix.lower().lstrip(".") == "csv":
        return estimate_rows(data, "csv") or 0
    return data.count(b"{")


def rows_per_year(data: bytes, filename_suffix: str) -> dict[int, int]:
    """How many rows a file has per year of receipt, read from the ``received`` column alone
    (one quick pass, no validation: a row that is wrong in any way is left out here and
    refused by the import itself, which checks every row)."""
    suffix = filename_suffix.lower().lstrip(".")
    try:
        text = _decode(data)
    except InvalidInput:
        return {}
    texts: collections.Counter[str] = collections.Counter()
    if suffix == "csv":
        end = text.find("\n")
        reader = csv.reader(
            io.StringIO(text, newline=""),
            delimiter=_sniff_delimiter(text if end < 0 else text[:end]),
        )
        try:
            header = [cell.strip().lower() for cell in next(reader, [])]
            if "received" not in header:
                return {}
            at = header.index("received")
            texts.update(cells[at] for cells in reader if len(cells) > at)
        except csv.Error:
            pass  # the import names the unreadable line
    else:
        try:
            items = _DECODER.decode(text)
        except (ValueError, RecursionError):
            return {}
        if isinstance(items, list):
            texts.update(
                value
                for item in items
                if isinstance(item, dict) and isinstance(value := item.get("received"), str)
            )
    years: collections.Counter[int] = collections.Counter()
    for value, n in texts.items():
        try:
            years[parse_date(value, field="received").year] += n
        except InvalidInput:
            continue
    return dict(years)
