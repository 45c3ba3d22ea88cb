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


# Passwords of the required length that appear at the top of every leaked-password list, and the
# Dutch ones people reach for first. Kept short on purpose: the length rule does the heavy work,
# this stops the handful a person guesses within three tries (the lock-out counts to three).
KNOWN_WEAK_PASSWORDS = frozenset(
    {
        "0123456789",
        "1234567890",
        "12345678910",
        "123456789a",
        "1q2w3e4r5t",
        "1qaz2wsx3edc",
        "abcdefghij",
        "abcd123456",
        "administrator",
        "aivdaivdaivd",
        "beheerder123",
        "convenant123",
        "geheim1234",
        "iloveyou12",
        "inloggen123",
        "letmein123",
        "password12",
        "password123",
        "password1234",
        "passw0rd123",
        "qwerty1234",
        "qwerty123456",
        "qwertyuiop",
        "wachtwoord",
        "wachtwoord1",
        "wachtwoord12",
        "wachtwoord123",
        "wachtwoord1234",
        "welkom1234",
        "welkom12345",
        "welkomwelkom",
        "werkplek123",
        "zomer2024!",
        "zomer2025!",
        "zomer2026!",
    }
)


def password_rules() -> str:
    """The rules in one sentence, as the dialogs and the command line state them."""
    return (
        f"Een wachtwoord heeft ten minste {MIN_PASSWORD} tekens, is niet gelijk aan de "
        "gebruikersnaam, is geen bekend zwak wachtwoord (zoals 'wachtwoord123') en bestaat niet "
        "uit één herhaald teken."
    )


def validate_password(password: str, name: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(
            f"Een wachtwoord heeft ten minste {MIN_PASSWORD} tekens.", field="password"
        )
    folded = password.strip().casefold()
    if folded == name.strip().casefold():
        raise InvalidInput("Het wachtwoord mag niet gelijk zijn aan de naam.", field="password")
    if folded in KNOWN_WEAK_PASSWORDS or len(set(folded)) == 1:
        raise InvalidInput(
            "Dit wachtwoord is bekend als zwak en wordt als eerste geraden; kies een ander.",
            field="password",
        )
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


def require_active(active: bool, name: str) -> None:
    if not active:
        raise InvalidInput(
            f"Het account {name} is gedeactiveerd; activeer het eerst opnieuw.", field="name"
        )


def require_inactive(active: bool, name: str) -> None:
    if active:
        raise InvalidInput(f"Het account {name} is actief.", field="name")


def require_locked(locked: bool, name: str) -> None:
    """Deblokkeren is offered only for an account that the failed sign-ins locked."""
    if not locked:
        raise InvalidInput(f"Het account {name} is niet geblokkeerd.", field="name")


def require_not_self(name: str, acting: str, refusal: str) -> None:
    if name.casefold() == acting.casefold():
        raise InvalidInput(refusal, field="name")
