"""The per-workstation secret, kept in the operating system's keyring.

Opening a workspace needs this secret *and* a user's password, so a copied workspace folder does
not open on another machine. Only keyring backends that keep secrets in an OS-protected store are
allowed; there is never a plain-text fallback.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import secrets
from typing import Protocol

from desktop_app.domain.errors import WrongWorkstation

log = logging.getLogger(__name__)

SERVICE = "Convenantwerkplek"
SECRET_BYTES = 32

# Backends that store secrets encrypted by the OS (KEY-2). Plain-text and "null"/"fail"
# backends, and chainers that might pick one of those, are not on the list.
ALLOWED_BACKENDS = frozenset(
    {
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
        "keyring.backends.macOS.Keyring",
        "keyring.backends.Windows.WinVaultKeyring",
    }
)

REMEDY = (
    "Er is geen bruikbare sleutelring (keyring) op deze werkplek. Start de sleutelringdienst van "
    "het besturingssysteem (GNOME Keyring/KWallet onder Linux, Sleutelhangertoegang op macOS, "
    "Windows Credential Manager) of kies er een met PYTHON_KEYRING_BACKEND. Zie README, "
    "'Sleutelring instellen'."
)


class WorkstationSecretProvider(Protocol):
    """Where the workstation secret lives. ``backend_name`` is remembered in the key file."""

    @property
    def backend_name(self) -> str: ...

    def load(self, workspace_id: str) -> bytes | None: ...

    def store(self, workspace_id: str, secret: bytes) -> None: ...

    def delete(self, workspace_id: str) -> None: ...


def new_secret() -> bytes:
    return secrets.token_bytes(SECRET_BYTES)


def _decode(value: str | None) -> bytes | None:
    if value is None:
        return None
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        return b""  # present but damaged: callers treat a wrong length as corrupt
    return raw


class KeyringSecretProvider:
    """The OS keyring through the ``keyring`` package, restricted to the allow-list."""

    def __init__(self, allowed: frozenset[str] = ALLOWED_BACKENDS) -> None:
        import keyring
        from keyring.errors import KeyringError

        self._keyring = keyring
        self._error = KeyringError
        backend = keyring.get_keyring()
        name = f"{type(backend).__module__}.{type(backend).__qualname__}"
        if name not in allowed:
            log.warning("keyring backend %s is not on the allow-list; refusing to use it", name)
            raise WrongWorkstation(REMEDY)
        self._backend = backend
        self._name = name

    @property
    def backend_name(self) -> str:
        return self._name

    def load(self, workspace_id: str) -> bytes | None:
        try:
            value = self._backend.get_password(SERVICE, f"workspace:{workspace_id}")
        except self._error as exc:
            log.warning("keyring read failed: %s", type(exc).__name__)
            raise WrongWorkstation(REMEDY) from None
        return _decode(value)

    def store(self, workspace_id: str, secret: bytes) -> None:
        try:
            self._backend.set_password(
                SERVICE, f"workspace:{workspace_id}", base64.b64encode(secret).decode("ascii")
            )
        except self._error as exc:
            log.warning("keyring write failed: %s", type(exc).__name__)
            raise WrongWorkstation(REMEDY) from None

    def delete(self, workspace_id: str) -> None:
        with contextlib.suppress(self._error):
            self._backend.delete_password(SERVICE, f"workspace:{workspace_id}")


class MemorySecretProvider:
    """Secrets held in this process only: the demo workspace and tests. Gone when it exits."""

    def __init__(self, name: str = "memory") -> None:
        self._name = name
        self._secrets: dict[str, str] = {}

    @property
    def backend_name(self) -> str:
        return self._name

    def load(self, workspace_id: str) -> bytes | None:
        return _decode(self._secrets.get(workspace_id))

    def store(self, workspace_id: str, secret: bytes) -> None:
        self._secrets[workspace_id] = base64.b64encode(secret).decode("ascii")

    def delete(self, workspace_id: str) -> None:
        self._secrets.pop(workspace_id, None)

    def corrupt(self, workspace_id: str, value: str) -> None:
        """Tests: replace the stored value as a damaged keyring entry would."""
        self._secrets[workspace_id] = value
