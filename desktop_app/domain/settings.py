"""The workspace's business settings, each declared once with its bounds (issue 11).

Stored as text in the encrypted database (``settings`` table); read and changed through
``services.settings`` by the window and the CLI alike. A stored value that is missing or out of
bounds (an older workspace, a hand-edited database) reads as the default or the nearest bound,
never as something that would switch a safeguard off; a value *entered* out of bounds is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.calendar import REQUEST_TERM_WORKING_DAYS
from desktop_app.domain.errors import InvalidInput, NotFound
from desktop_app.domain.roles import Role
from desktop_app.domain.text import check_name, collapse

# The most copies one print job makes (reporting and the print dialog use the same bound).
MAX_COPIES = 50


@dataclass(frozen=True)
class IntSetting:
    """A whole number between ``minimum`` and ``maximum`` (both included)."""

    key: str
    label: str  # Dutch, for the settings screen and `werkplek settings list`
    unit: str
    default: int
    minimum: int
    maximum: int

    def read(self, stored: str | None) -> int:
        """The value in force for what is stored: the default when missing or unreadable,
        clamped to the bounds otherwise."""
        if stored is None:
            return self.default
        text = stored.strip()
        digits = text[1:] if text[:1] in "+-" else text
        if not digits.isascii() or not digits.isdigit() or len(digits) > 9:
            return self.default
        return max(self.minimum, min(self.maximum, int(text)))

    def parse(self, entered: str | int) -> int:
        """A value a person entered; refused with the bounds when it is not one."""
        text = str(entered).strip()
        if not text.isascii() or not text.isdigit() or len(text) > 6:
            raise InvalidInput(self._bounds_message(), field=self.key)
        value = int(text)
        if not self.minimum <= value <= self.maximum:
            raise InvalidInput(self._bounds_message(), field=self.key)
        return value

    def store(self, value: int) -> str:
        return str(value)

    def _bounds_message(self) -> str:
        return (
            f"{self.label}: kies een geheel getal van {self.minimum} tot en met {self.maximum}"
            f" {self.unit}."
        )


IDLE_MINUTES = IntSetting(
    key="idle_minutes",
    label="Vergrendelen na inactiviteit",
    unit="minuten",
    default=5,
    minimum=1,
    # A larger value would in effect switch the idle lock off.
    maximum=120,
)
# ASVS 5.0 7.3.2 / LOCK-6: an absolute maximum, after which the person signs in again even
# while active (the idle lock alone never ends a session someone keeps using).
SESSION_MAX_HOURS = IntSetting(
    key="session_max_hours",
    label="Opnieuw aanmelden na",
    unit="uur (ook bij activiteit)",
    default=12,
    minimum=1,
    maximum=24,
)
INSPECTION_IDLE_MINUTES = IntSetting(
    key="inspection_idle_minutes",
    label="Inzagesessie beëindigen na inactiviteit",
    unit="minuten",
    default=10,
    minimum=1,
    maximum=60,
)
WARN_FROM_DAY = IntSetting(
    key="warn_from_day",
    label="Termijnwaarschuwing vanaf werkdag",
    unit="(van de tien werkdagen)",
    default=8,
    minimum=1,
    maximum=REQUEST_TERM_WORKING_DAYS,
)

BACKUP_REMINDER_DAYS = IntSetting(
    key="backup_reminder_days",
    label="Herinnering back-up na",
    unit="dagen zonder back-up",
    default=7,
    minimum=1,
    maximum=365,
)


@dataclass(frozen=True)
class TextSetting:
    """A text of ``minimum_lines`` to ``maximum_lines`` lines of at most ``max_length``
    characters each, held to the rules of a name (it is printed: no control or invisible
    format characters that would make one text look like another). Lines are entered
    separated by a line break or by ``|`` (one argument on a command line).

    ``per_account``: one value per account holding that role (key ``KEY:ACCOUNT``), e.g. the
    function each signer signs in; the settings list shows one line per such account.
    """

    key: str
    label: str
    default: str
    max_length: int
    maximum_lines: int = 1
    minimum_lines: int = 0
    per_account: Role | None = None

    @property
    def unit(self) -> str:
        return "regel" if self.maximum_lines == 1 else "regels"

    def lines(self, value: str) -> tuple[str, ...]:
        return tuple(line for line in value.split("\n") if line)

    def read(self, stored: str | None) -> str:
        """The value in force: the default when missing or no longer valid."""
        if stored is None:
            return self.default
        try:
            return self.parse(stored)
        except InvalidInput:
            return self.default

    def parse(self, entered: str | int) -> str:
        raw = str(entered).replace("\r\n", "\n").replace("|", "\n")
        lines = [collapse(line) for line in raw.split("\n")]
        lines = [line for line in lines if line]
        if not self.minimum_lines <= len(lines) <= self.maximum_lines:
            raise InvalidInput(self._bounds_message(), field=self.key)
        for line in lines:
            check_name(line, field=self.key, label=self.label)
            if len(line) > self.max_length:
                raise InvalidInput(self._bounds_message(), field=self.key)
        return "\n".join(lines)

    def store(self, value: str) -> str:
        return value

    def _bounds_message(self) -> str:
        if self.maximum_lines == 1:
            size = f"één regel van hoogstens {self.max_length} tekens"
            if self.minimum_lines == 0:
                size += " (leeg mag)"
        else:
            size = (
                f"{self.minimum_lines} tot en met {self.maximum_lines} regels van hoogstens "
                f"{self.max_length} tekens (regels gescheiden door | of een regelovergang)"
            )
        return f"{self.label}: geef {size}."


Setting = IntSetting | TextSetting

DEFAULT_COPIES = IntSetting(
    key="default_copies",
    label="Standaard aantal exemplaren bij afdrukken",
    unit="exemplaren",
    default=1,
    minimum=1,
    maximum=MAX_COPIES,
)


def _address_block(key: str, label: str, default: str) -> TextSetting:
    """An address printed on a report: one to six lines of at most 60 characters."""
    return TextSetting(
        key=key, label=label, default=default, max_length=60, maximum_lines=6, minimum_lines=1
    )


SENDER_BLOCK = _address_block(
    key="sender_block",
    label="Afzender op ambtsberichten (adresregels)",
    # Placeholder lines until the administrator enters the service's own postal address.
    default="Postbus 20010\n2500 EA Den Haag",
)
IND_ADDRESSEE = _address_block(
    key="ind_addressee",
    label="Geadresseerde IND op ambtsberichten",
    default=(
        "Immigratie- en Naturalisatiedienst\nt.a.v. de Hoofddirecteur\nPostbus 17\n9560 AA Ter Apel"
    ),
)
SIGNER_FUNCTION = TextSetting(
    key="signer_function",
    label="Functie onder de handtekening",
    # Empty prints no function: a role label ("ondertekenaar") is not a function a letter is
    # signed in, and no default can know the signer's.
    default="",
    max_length=120,
    per_account=Role.AIVD_SIGNER,
)

SETTINGS: tuple[Setting, ...] = (
    IDLE_MINUTES,
    SESSION_MAX_HOURS,
    INSPECTION_IDLE_MINUTES,
    WARN_FROM_DAY,
    BACKUP_REMINDER_DAYS,
    DEFAULT_COPIES,
    SENDER_BLOCK,
    IND_ADDRESSEE,
    SIGNER_FUNCTION,
)
_BY_KEY = {s.key: s for s in SETTINGS}


def account_key(spec: Setting, account: str) -> str:
    """The key of a per-account setting's value for one account (``signer_function:olga``)."""
    return f"{spec.key}:{account}"


def split_key(key: str) -> tuple[str, str | None]:
    """``signer_function:olga`` -> (``signer_function``, ``olga``)."""
    base, sep, account = key.partition(":")
    return base, (account if sep else None)


def setting(key: str) -> Setting:
    try:
        return _BY_KEY[key]
    except KeyError:
        known = ", ".join(sorted(_BY_KEY))
        raise NotFound(
            f"Er is geen instelling '{key[:40]}'. Bekende instellingen: {known}."
        ) from None
