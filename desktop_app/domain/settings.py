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

SETTINGS: tuple[IntSetting, ...] = (
    IDLE_MINUTES,
    INSPECTION_IDLE_MINUTES,
    WARN_FROM_DAY,
    BACKUP_REMINDER_DAYS,
)
_BY_KEY = {s.key: s for s in SETTINGS}


def setting(key: str) -> IntSetting:
    try:
        return _BY_KEY[key]
    except KeyError:
        known = ", ".join(sorted(_BY_KEY))
        raise NotFound(
            f"Er is geen instelling '{key[:40]}'. Bekende instellingen: {known}."
        ) from None
