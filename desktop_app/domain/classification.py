"""Classification levels (VIR-BI 2013), low to high."""

from __future__ import annotations

import enum

from desktop_app.domain.errors import InvalidInput


class Classification(enum.IntEnum):
    ONGERUBRICEERD = 0
    DEP_VERTROUWELIJK = 1
    STG_CONFIDENTIEEL = 2
    STG_GEHEIM = 3
    STG_ZEER_GEHEIM = 4

    @property
    def code(self) -> str:
        return self.name.lower()

    @property
    def marking(self) -> str:
        """The text printed at the top and bottom of every page."""
        return _MARKINGS[self]

    @classmethod
    def parse(cls, value: str) -> Classification:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            allowed = ", ".join(c.code for c in cls)
            raise InvalidInput(
                f"Onbekende rubricering '{value}'. Kies uit: {allowed}.", field="classification"
            ) from None

    def covered_by(self, clearance: Classification) -> bool:
        return self <= clearance


_MARKINGS = {
    Classification.ONGERUBRICEERD: "ONGERUBRICEERD",
    Classification.DEP_VERTROUWELIJK: "DEPARTEMENTAAL VERTROUWELIJK",
    Classification.STG_CONFIDENTIEEL: "STG. CONFIDENTIEEL",
    Classification.STG_GEHEIM: "STG. GEHEIM",
    Classification.STG_ZEER_GEHEIM: "STG. ZEER GEHEIM",
}
