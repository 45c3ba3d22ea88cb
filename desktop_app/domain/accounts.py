"""Account rules: names, passwords, locations."""

from __future__ import annotations

import re
from enum import StrEnum

from desktop_app.domain.choices import parse_choice
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.text import check_name, collapse

MIN_PASSWORD = 10
_NAME = re.compile(r"^[a-z][a-z0-9._-]{1,63}$")


class Location(StrEnum):
    """Where the workstation stands; art. 2.5 inspection only happens at the AIVD office."""

    AIVD = "aivd"
    IND = "ind"
    OTHER = "other"

    @classmethod
    def parse(cls, value: str) -> Location:
        return parse_choice(cls, value, unknown="Onbekende locatie", field="location")

    @property
    def label_nl(self) -> str:
        return {"aivd": "AIVD-kantoor", "ind": "IND", "other": "elders"}[self.value]


def validate_username(name: str) -> str:
    cleaned = name.strip().lower()
    if not _NAME.match(cleaned):
        raise InvalidInput(
            "Een gebruikersnaam is 2 tot 64 tekens: kleine letters, cijfers, punt, streepje of "
            "liggend streepje, beginnend met een letter.",
            field="name",
        )
    return cleaned


def validate_password(password: str, name: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(
            f"Een wachtwoord heeft ten minste {MIN_PASSWORD} tekens.", field="password"
        )
    if password.strip().casefold() == name.strip().casefold():
        raise InvalidInput("Het wachtwoord mag niet gelijk zijn aan de naam.", field="password")
    if "\n" in password or "\r" in password:
        raise InvalidInput("Een wachtwoord bevat geen regeleinden.", field="password")
    # The key derivation hashes the UTF-8 bytes: a lone surrogate has none, a NUL would be cut
    # off by anything that reads the password as a C string.
    if "\x00" in password or any("\ud800" <= ch <= "\udfff" for ch in password):
        raise InvalidInput(
            "Een wachtwoord bevat een teken dat niet kan (een NUL-teken of een teken dat geen "
            "geldige Unicode is).",
            field="password",
        )
    return password


def validate_full_name(full_name: str) -> str:
    """Whitespace collapsed, NFC, none of the invisible characters a name may not hold: it is
    printed under signatures and shown in every list and history."""
    cleaned = collapse(full_name)
    if not cleaned or len(cleaned) > 200:
        raise InvalidInput("Vul een volledige naam in (hoogstens 200 tekens).", field="full_name")
    return check_name(cleaned, field="full_name", label="De volledige naam")
