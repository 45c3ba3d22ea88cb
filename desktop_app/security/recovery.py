"""The recovery key: 160 random bits, shown once as eight groups of four base32 characters."""

from __future__ import annotations

import base64
import secrets

from desktop_app.domain.errors import InvalidInput

RECOVERY_BYTES = 20


def generate() -> str:
    raw = secrets.token_bytes(RECOVERY_BYTES)
    text = base64.b32encode(raw).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse(text: str) -> bytes:
    """Accept the key as typed: any case, with or without dashes and spaces; 0/1 read as O/I."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    try:
        raw = base64.b32decode(cleaned)
    except ValueError:
        raw = b""
    if len(raw) != RECOVERY_BYTES:
        raise InvalidInput(
            "De herstelsleutel heeft niet de juiste vorm (acht groepen van vier tekens).",
            field="recovery_key",
        )
    return raw


def groups(text: str) -> list[str]:
    return text.split("-")


def group_matches(text: str, index: int, typed: str) -> bool:
    """Whether ``typed`` is group ``index`` (0-based) of the key just shown: the demand to type
    one back proves it was written down, not only seen (read as :func:`parse` reads)."""
    parts = groups(text)
    if not 0 <= index < len(parts):
        return False
    cleaned = "".join(ch for ch in typed.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    return cleaned == parts[index]
