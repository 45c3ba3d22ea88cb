"""The per-workstation secret, kept in the operating system's keyring.

Opening a workspace needs this secret *and* a user's password, so a copied workspace folder does
not open on another machine. Only keyring backends that keep secrets in an OS-protected store are
allowed; there is never a plain-text fallback.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import hmac
import json
import logging
import secrets
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.domain.errors import WrongWorkstation

log = logging.getLogger(__name__)

SERVICE = "Convenantwerkplek"
SECRET_BYTES = 32
HEAD_FORMAT = 1

# Backends that store secrets encrypted by the OS (KEY-2): (module, class) of the real classes
# inside the installed ``keyring`` package. Plain-text and "null"/"fail" backends, and chainers
# that might pick one of those, are not on the list. The check compares class *objects*, not
# names: any module can name a class "Keyring" and set its ``__module__`` to anything, and a
# subclass of an allowed class can override how it stores secrets, so neither is accepted.
ALLOWED_BACKENDS: tuple[tuple[str, str], ...] = (
    ("keyring.backends.SecretService", "Keyring"),
    ("keyring.backends.libsecret", "Keyring"),
    ("keyring.backends.kwallet", "DBusKeyring"),
    ("keyring.backends.macOS", "Keyring"),
    ("keyring.backends.Windows", "WinVaultKeyring"),
)

# GNOME Keyring reloads its keyring file after each write, and while it does its collection
# object briefly answers "does not exist" to every program on the bus. Such a moment passes in
# milliseconds: a call is tried again a few times before the keyring counts as unusable.
ATTEMPTS = 6
RETRY_PAUSE = 0.02  # seconds, doubled after each attempt (at most ~0.6 s in all)
HUMAN_ANSWER = 0.5  # seconds: no person answers an unlock prompt faster

_T = TypeVar("_T")

REMEDY = (
    "Er is geen bruikbare sleutelring (keyring) op deze werkplek. Start de sleutelringdienst van "
    "het besturingssysteem (GNOME Keyring/KWallet onder Linux, Sleutelhangertoegang op macOS, "
    "Windows Credential Manager) of kies er een met PYTHON_KEYRING_BACKEND. Zie README, "
    "'Sleutelring instellen'."
)


class WorkstationSecretProvider(Protocol):
    """Where the workstation secret lives. ``backend_name`` is remembered in the key file.

    Beside each secret the provider keeps the workspace's last anchored audit head (a short
    text made by :func:`seal_head`): outside the database, so rewriting the database does not
    rewrite it."""

    @property
    def backend_name(self) -> str: ...

    def load(self, workspace_id: str) -> bytes | None: ...

    def store(self, workspace_id: str, secret: bytes) -> None: ...

    def delete(self, workspace_id: str) -> None:
        """Forget the binding: its secret and the audit head kept beside it."""
        ...

    def load_head(self, workspace_id: str) -> str | None: ...

    def store_head(self, workspace_id: str, value: str) -> None: ...


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


def _secret_entry(workspace_id: str) -> str:
    return f"workspace:{workspace_id}"


def _head_entry(workspace_id: str) -> str:
    return f"audit-head:{workspace_id}"


def allowed_backend_name(backend: object) -> str | None:
    """The allow-list name of ``backend`` when its class *is* one of the allowed classes of the
    installed ``keyring`` package, else None.

    Identity, not names: the class object must be the very object the real module defines
    (``is``, so neither a look-alike with a borrowed ``__module__``/``__qualname__`` nor a
    subclass passes), and that module must be loaded from inside the installed ``keyring``
    package (a module planted elsewhere under the same dotted name is refused)."""
    import keyring

    cls = type(backend)
    package = Path(keyring.__file__).resolve().parent
    for module_name, class_name in ALLOWED_BACKENDS:
        # An instance of the real class means its module is loaded: nothing to import.
        module = sys.modules.get(module_name)
        if module is None:
            continue
        real = module.__dict__.get(class_name)
        if not isinstance(real, type) or cls is not real:
            continue
        origin = getattr(module, "__file__", None)
        if origin is None or not Path(origin).resolve().is_relative_to(package):
            return None
        return f"{module_name}.{class_name}"
    return None


def _transient_errors() -> tuple[type[BaseException], ...]:
    """The errors of a keyring that is there but busy for a moment (see ATTEMPTS)."""
    from keyring.errors import InitError

    found: list[type[BaseException]] = [InitError]
    with contextlib.suppress(ImportError):  # only with the Secret Service (Linux)
        from secretstorage.exceptions import ItemNotFoundException

        found.append(ItemNotFoundException)
    return tuple(found)


class KeyringSecretProvider:
    """The OS keyring through the ``keyring`` package, restricted to the allow-list."""

    def __init__(self) -> None:
        import keyring
        from keyring.errors import KeyringError

        self._keyring = keyring
        self._error = KeyringError
        self._transient = _transient_errors()
        backend = keyring.get_keyring()
        name = allowed_backend_name(backend)
        if name is None:
            shown = f"{type(backend).__module__}.{type(backend).__qualname__}"
            log.warning("keyring backend %s is not on the allow-list; refusing to use it", shown)
            raise WrongWorkstation(REMEDY)
        self._backend = backend
        self._name = name

    @property
    def backend_name(self) -> str:
        return self._name

    def _call(self, what: str, call: Callable[[], _T]) -> _T:
        from keyring.errors import KeyringLocked

        pause = RETRY_PAUSE
        for attempt in range(1, ATTEMPTS + 1):
            started = time.monotonic()
            try:
                return call()
            except self._error as exc:
                # A person's refusal (a dismissed unlock prompt) is final: asking again would
                # only prompt again. "Locked" faster than anyone answers a prompt is the
                # reloading keyring's, like the "does not exist" of the transient errors.
                quick_lock = (
                    isinstance(exc, KeyringLocked) and time.monotonic() - started < HUMAN_ANSWER
                )
                transient = isinstance(exc, self._transient) or quick_lock
                if not transient or attempt == ATTEMPTS:
                    log.warning("keyring %s failed (%d): %s", what, attempt, type(exc).__name__)
                    raise WrongWorkstation(REMEDY) from None
            except self._transient as exc:
                if attempt == ATTEMPTS:
                    log.warning("keyring %s failed (%d): %s", what, attempt, type(exc).__name__)
                    raise WrongWorkstation(REMEDY) from None
            time.sleep(pause)
            pause *= 2
        raise AssertionError("unreachable")

    def _get(self, entry: str) -> str | None:
        value = self._call("read", lambda: self._backend.get_password(SERVICE, entry))
        return None if value is None else str(value)

    def _set(self, entry: str, value: str) -> None:
        self._call("write", lambda: self._backend.set_password(SERVICE, entry, value))

    def load(self, workspace_id: str) -> bytes | None:
        return _decode(self._get(_secret_entry(workspace_id)))

    def store(self, workspace_id: str, secret: bytes) -> None:
        self._set(_secret_entry(workspace_id), base64.b64encode(secret).decode("ascii"))

    def delete(self, workspace_id: str) -> None:
        # The head belongs to the binding: a rebind or a failed restore leaves neither behind.
        for entry in (_secret_entry(workspace_id), _head_entry(workspace_id)):
            with contextlib.suppress(WrongWorkstation):
                self._call("delete", functools.partial(self._delete_if_there, entry))

    def _delete_if_there(self, entry: str) -> None:
        from keyring.errors import PasswordDeleteError

        with contextlib.suppress(PasswordDeleteError):  # never stored, or already gone
            self._backend.delete_password(SERVICE, entry)

    def load_head(self, workspace_id: str) -> str | None:
        return self._get(_head_entry(workspace_id))

    def store_head(self, workspace_id: str, value: str) -> None:
        self._set(_head_entry(workspace_id), value)


class MemorySecretProvider:
    """Secrets held in this process only: the demo workspace and tests. Gone when it exits."""

    def __init__(self, name: str = "memory") -> None:
        self._name = name
        self._secrets: dict[str, str] = {}
        self._heads: dict[str, str] = {}

    @property
    def backend_name(self) -> str:
        return self._name

    def load(self, workspace_id: str) -> bytes | None:
        return _decode(self._secrets.get(workspace_id))

    def store(self, workspace_id: str, secret: bytes) -> None:
        self._secrets[workspace_id] = base64.b64encode(secret).decode("ascii")

    def delete(self, workspace_id: str) -> None:
        self._secrets.pop(workspace_id, None)
        self._heads.pop(workspace_id, None)

    def corrupt(self, workspace_id: str, value: str) -> None:
        """Tests: replace the stored value as a damaged keyring entry would."""
        self._secrets[workspace_id] = value

    def load_head(self, workspace_id: str) -> str | None:
        return self._heads.get(workspace_id)

    def store_head(self, workspace_id: str, value: str) -> None:
        self._heads[workspace_id] = value


# ---------------------------------------------------------------------------------------------
# The anchored audit head kept beside the secret


@dataclass(frozen=True)
class AnchoredHead:
    """The audit chain's head (``seq``, ``hash``) as it stood at ``at`` (UTC, ISO 8601)."""

    seq: int
    hash: str
    at: str

    @property
    def text(self) -> str:
        return f"{self.seq}:{self.hash}"


class HeadDamaged(ValueError):
    """The keyring's head record does not verify: forged, damaged or from another workspace."""


def _head_key(workstation_secret: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"audit-head").derive(
        bytes(workstation_secret)
    )


def _head_mac(key: bytes, workspace_id: str, binding_id: str, head: AnchoredHead) -> str:
    # The workspace and binding are in the MAC but not in the record: a head copied from
    # another workspace's (or an older binding's) entry does not verify here.
    material = json.dumps(
        [HEAD_FORMAT, workspace_id, binding_id, head.seq, head.hash, head.at],
        ensure_ascii=True,
        separators=(",", ":"),
    ).encode("ascii")
    return hmac.new(key, material, hashlib.sha256).hexdigest()


def seal_head(
    workstation_secret: bytes, *, workspace_id: str, binding_id: str, head: AnchoredHead
) -> str:
    """The keyring text for ``head``, authenticated with a key derived from W: whoever can
    rewrite the database but not read the keyring cannot make a head that verifies."""
    mac = _head_mac(_head_key(workstation_secret), workspace_id, binding_id, head)
    record = {"v": HEAD_FORMAT, "seq": head.seq, "hash": head.hash, "at": head.at, "mac": mac}
    return json.dumps(record, sort_keys=True, separators=(",", ":"))


def open_head(
    workstation_secret: bytes, text: str, *, workspace_id: str, binding_id: str
) -> AnchoredHead:
    """The head in a keyring text made by :func:`seal_head`; :class:`HeadDamaged` otherwise."""
    try:
        record = json.loads(text)
        if not isinstance(record, dict) or record.get("v") != HEAD_FORMAT:
            raise HeadDamaged
        seq, digest, at, mac = record["seq"], record["hash"], record["at"], record["mac"]
        if (
            not isinstance(seq, int)
            or isinstance(seq, bool)
            or seq < 0
            or not isinstance(digest, str)
            or len(digest) != 64
            or not isinstance(at, str)
            or not isinstance(mac, str)
        ):
            raise HeadDamaged
    except (ValueError, KeyError, TypeError):
        raise HeadDamaged from None
    head = AnchoredHead(seq, digest, at)
    expected = _head_mac(_head_key(workstation_secret), workspace_id, binding_id, head)
    if not hmac.compare_digest(expected, mac):
        raise HeadDamaged
    return head
