"""The key file (``keys.json``): how the random database key (DEK) is reached.

Key hierarchy (docs/security.md has the diagram)::

    password --Argon2id--> KEK_u --AES-GCM--> U (user's inner slot: DEK wrapped for that user)
    workstation secret W (OS keyring) --HKDF--> K_slot --AES-GCM--> outer slot (U bound to W)
    recovery key R --Argon2id--> KEK_r --AES-GCM--> DEK                       (recovery slot)
    DEK --HKDF--> K_escrow --AES-GCM--> escrow {name: U}   (lets R re-bind users to a new W)
    W --HKDF--> K_mac: HMAC over the whole file (tamper and downgrade detection)
    W --HKDF--> K_guard --AES-GCM--> guard {failed sign-ins, locked slots, pending audit}

Signing in needs W *and* the password; a copied folder is useless without W. R alone opens the
DEK anywhere (restore); with the escrow it re-binds every user to a new workstation, so users keep
their own passwords. Slot ids are HMAC(W, name): the file names no one.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import hmac
import json
import secrets
from collections.abc import Collection, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import filelock
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.domain.errors import (
    AccountLocked,
    AppError,
    AuthFailed,
    Busy,
    IntegrityFailure,
    InvalidInput,
    InvalidState,
    WrongWorkstation,
)
from desktop_app.security import kdf
from desktop_app.security.kdf import KdfParams
from desktop_app.storage.files import atomic_write

FORMAT = 1
MAX_FAILURES = 3
DEK_BYTES = 32
# Sign-ins queue behind each other on this lock (each holds it for one Argon2 derivation), so the
# wait is bounded by a few of them, not by anything a user controls.
LOCK_TIMEOUT_S = 60.0

DAMAGED = (
    "Het sleutelbestand van deze werkplek is beschadigd of gewijzigd. Herstel de werkplek met de "
    "herstelsleutel."
)
WRONG_W = (
    "Het werkplekgeheim in de sleutelring hoort niet bij deze werkplek of is beschadigd. Deze map "
    "kan alleen op de eigen werkplek worden geopend; herstel anders met de herstelsleutel."
)
BAD_CREDENTIALS = "Naam of wachtwoord onjuist."
TOO_HEAVY = (
    "Het bestand vraagt een zwaardere sleutelafleiding dan deze toepassing ooit gebruikt; het is "
    "beschadigd of met opzet zo gemaakt en wordt niet geopend."
)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise IntegrityFailure(DAMAGED)
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except ValueError:
        raise IntegrityFailure(DAMAGED) from None


def _hkdf(key: bytes | bytearray, info: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info.encode()).derive(
        bytes(key)
    )


def normalise_name(name: str) -> str:
    return name.strip().casefold()


def _canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _seal(key: bytes, plaintext: bytes, aad: bytes) -> dict[str, str]:
    nonce = secrets.token_bytes(12)
    return {"nonce": _b64(nonce), "ct": _b64(AESGCM(key).encrypt(nonce, plaintext, aad))}


def _open(key: bytes, box: Any, aad: bytes) -> bytes:
    if not isinstance(box, dict):
        raise IntegrityFailure(DAMAGED)
    return AESGCM(key).decrypt(_unb64(box.get("nonce")), _unb64(box.get("ct")), aad)


def _open_object(key: bytes, box: Any, aad: bytes) -> dict[str, Any]:
    """A sealed JSON object (the guard, the escrow); a box that does not open (InvalidTag) is
    the caller's to name."""
    found = json.loads(_open(key, box, aad))
    if not isinstance(found, dict):
        raise IntegrityFailure(DAMAGED)
    return found


@dataclass(frozen=True)
class PendingEvent:
    """A sign-in event that happened while the database was closed; audited at the next open."""

    ts_utc: str
    name: str
    result: str


def _raw_public(private: X25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def _raw_private(private: X25519PrivateKey) -> bytes:
    return private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def seal_to(public_raw: bytes, plaintext: bytes, aad: bytes) -> dict[str, str]:
    """ECIES (X25519 + HKDF + AES-GCM): anyone may seal to a public key, only the holder of the
    private key opens. This is what lets a key rotation hand the new DEK to every user and to
    the recovery key without knowing a single password."""
    ephemeral = X25519PrivateKey.generate()
    epk = _raw_public(ephemeral)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_raw))
    key = _hkdf(shared + epk + public_raw, "keyfile-seal")
    return {"epk": _b64(epk), **_seal(key, plaintext, aad)}


def open_sealed(private: X25519PrivateKey, box: Any, aad: bytes) -> bytes:
    if not isinstance(box, dict):
        raise IntegrityFailure(DAMAGED)
    epk = _unb64(box.get("epk"))
    if len(epk) != 32:
        raise IntegrityFailure(DAMAGED)
    shared = private.exchange(X25519PublicKey.from_public_bytes(epk))
    key = _hkdf(shared + epk + _raw_public(private), "keyfile-seal")
    return _open(key, box, aad)


def _user_aad(name: str, workspace_id: str) -> bytes:
    return f"user:{normalise_name(name)}:{workspace_id}".encode()


def _user_dek_aad(name: str, workspace_id: str) -> bytes:
    return f"user-dek:{normalise_name(name)}:{workspace_id}".encode()


def wrap_for_user(
    dek: bytes | bytearray, name: str, password: str, params: KdfParams, workspace_id: str
) -> dict[str, Any]:
    """The inner slot U (form 2): the user's X25519 private key under a key derived from the
    password, and the DEK sealed to the public key beside it (so a rotation can seal a new DEK
    to the user without the password)."""
    salt = secrets.token_bytes(16)
    kek = kdf.derive(password.encode("utf-8"), salt, params)
    return _inner_v2(dek, name, salt, kek, params, workspace_id)


def _inner_v2(
    dek: bytes | bytearray,
    name: str,
    salt: bytes,
    kek: bytes,
    params: KdfParams,
    workspace_id: str,
) -> dict[str, Any]:
    private = X25519PrivateKey.generate()
    public = _raw_public(private)
    return {
        **_form2_head(salt, params, public),
        "priv": _seal(kek, _raw_private(private), _user_aad(name, workspace_id)),
        "dek": seal_to(public, bytes(dek), _user_dek_aad(name, workspace_id)),
    }


def _form2_head(salt: bytes, params: KdfParams, public: bytes) -> dict[str, Any]:
    """The first keys of a slot of form 2 (a password's and the recovery key's), in the order
    the key file has always written them."""
    return {"v": 2, "salt": _b64(salt), "kdf": params.as_dict(), "pub": _b64(public)}


def _user_kek(slot: dict[str, Any], password: str) -> bytes:
    params = KdfParams.from_dict(slot["kdf"])
    return kdf.derive(password.encode("utf-8"), _unb64(slot["salt"]), params)


def _dek_from_inner(slot: dict[str, Any], kek: bytes, name: str, workspace_id: str) -> bytearray:
    if slot.get("v") == 2:
        private = X25519PrivateKey.from_private_bytes(
            _open(kek, slot["priv"], _user_aad(name, workspace_id))
        )
        dek = open_sealed(private, slot["dek"], _user_dek_aad(name, workspace_id))
    else:  # form 1: the DEK straight under the password's key (workspaces before rotation)
        dek = _open(kek, slot, _user_aad(name, workspace_id))
    if len(dek) != DEK_BYTES:
        raise IntegrityFailure(DAMAGED)
    return bytearray(dek)


def _unwrap_user(slot: dict[str, Any], name: str, password: str, workspace_id: str) -> bytearray:
    return _dek_from_inner(slot, _user_kek(slot, password), name, workspace_id)


def _reseal_inner(
    inner: dict[str, Any], new_dek: bytes | bytearray, name: str, workspace_id: str
) -> dict[str, Any]:
    """The same slot (same password, same private key) holding another DEK."""
    return {
        **inner,
        "dek": seal_to(_unb64(inner["pub"]), bytes(new_dek), _user_dek_aad(name, workspace_id)),
    }


def recovery_box(
    dek: bytes | bytearray, recovery_raw: bytes, params: KdfParams, workspace_id: str
) -> dict[str, Any]:
    """The recovery slot (form 2): an X25519 key pair derived from the recovery key, the DEK
    sealed to its public half. The nonce and ciphertext keep their names of form 1."""
    salt = secrets.token_bytes(16)
    private = X25519PrivateKey.from_private_bytes(kdf.derive(recovery_raw, salt, params))
    public = _raw_public(private)
    return {
        **_form2_head(salt, params, public),
        **seal_to(public, bytes(dek), f"recovery:{workspace_id}".encode()),
    }


def reseal_recovery(
    box: dict[str, Any], new_dek: bytes | bytearray, workspace_id: str
) -> dict[str, Any]:
    if box.get("v") != 2:
        raise InvalidState(
            "De herstelsleutel van deze werkplek heeft nog de oude vorm. Geef eerst een nieuwe "
            "herstelsleutel uit ('werkplek workspace new-recovery-key' of Beheer) en roteer "
            "daarna de databasesleutel."
        )
    return {
        **box,
        **seal_to(_unb64(box["pub"]), bytes(new_dek), f"recovery:{workspace_id}".encode()),
    }


class KeyFile:
    """One snapshot of keys.json. Change it only under :meth:`KeyStore.locked`, from a copy read
    under that same lock: a copy read earlier would silently undo what others wrote since."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data
        self._saved = _canonical(data)

    @property
    def changed(self) -> bool:
        return _canonical(self.data) != self._saved

    # --- creation and persistence -------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        *,
        workspace_id: str,
        backend_name: str,
        kdf_profile: str,
        workstation_secret: bytes,
        dek: bytes | bytearray,
        recovery_raw: bytes,
    ) -> KeyFile:
        params = kdf.for_new_slot(kdf_profile)
        data: dict[str, Any] = {
            "format": FORMAT,
            "workspace_id": workspace_id,
            "binding_id": secrets.token_hex(16),
            "keyring_backend": backend_name,
            "kdf_profile": kdf_profile,
            "slots": {},
            "recovery": recovery_box(dek, recovery_raw, params, workspace_id),
        }
        keyfile = cls(path, data)
        keyfile._write_escrow(dek, {})
        keyfile._write_guard(workstation_secret, {"failures": {}, "locked": [], "pending": []})
        return keyfile

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            data = json.loads(path.read_bytes())
        except FileNotFoundError:
            raise WrongWorkstation(
                "Deze map bevat geen werkplek. Maak er een met 'werkplek init' of herstel een "
                "back-up met 'werkplek restore'."
            ) from None
        except (ValueError, UnicodeDecodeError):
            raise IntegrityFailure(DAMAGED) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise IntegrityFailure(DAMAGED)
        for key in (
            "workspace_id",
            "binding_id",
            "keyring_backend",
            "slots",
            "recovery",
            "escrow",
            "guard",
        ):
            if key not in data:
                raise IntegrityFailure(DAMAGED)
        return cls(path, data)

    @property
    def workspace_id(self) -> str:
        return str(self.data["workspace_id"])

    @property
    def binding_id(self) -> str:
        """Names the workstation secret in the keyring; new at every (re)binding, so a restore
        into another folder of the same machine never overwrites the original's secret."""
        return str(self.data["binding_id"])

    @property
    def keyring_backend(self) -> str:
        return str(self.data["keyring_backend"])

    @property
    def kdf_profile(self) -> str:
        return str(self.data.get("kdf_profile", "interactive"))

    def new_slot_params(self) -> KdfParams:
        """The parameters for a slot written now (calibrated on this workstation: the first
        call in a process measures, ~0.15 s). Slots already written keep theirs: each names
        its own."""
        return kdf.for_new_slot(self.kdf_profile)

    def _decoy_params(self, w: bytes, sid: str) -> KdfParams:
        """What a sign-in with a name that has no slot (``sid``, its would-be slot id) derives
        with: the parameters of a real slot of this file (the same work as a wrong password),
        the profile's when there is none. Slots differ since the cost is calibrated per
        workstation, so the name picks which one: an unknown name always takes as long as the
        same real account, and unknown names as long as real ones, never one telling time.
        Never a calibration: that would make an unknown name's sign-in the slower one."""
        slots = sorted(self.data["slots"].items())
        start = int(sid, 16) % len(slots) if slots else 0
        for slot_id, box in slots[start:] + slots[:start]:
            with contextlib.suppress(InvalidTag, KeyError, TypeError, ValueError, AppError):
                return KdfParams.from_dict(self._open_slot(w, slot_id, box)["kdf"])
        return kdf.profile(self.kdf_profile)

    def _mac(self, workstation_secret: bytes) -> str:
        body = {k: v for k, v in self.data.items() if k != "mac"}
        key = _hkdf(workstation_secret, "keyfile-mac")
        return hmac.new(key, _canonical(body), hashlib.sha256).hexdigest()

    def check(self, workstation_secret: bytes | None) -> bytes:
        """Verify the file against the workstation secret; returns the secret when it fits."""
        if not workstation_secret or len(workstation_secret) != 32:
            raise WrongWorkstation(WRONG_W)
        mac = self.data.get("mac")
        if not isinstance(mac, str) or not hmac.compare_digest(mac, self._mac(workstation_secret)):
            # The MAC is keyed by W: a wrong W and a tampered file look alike. Tell them apart by
            # the guard, which only the right W opens.
            try:
                self._read_guard(workstation_secret)
            except WrongWorkstation:
                raise
            raise IntegrityFailure(DAMAGED)
        return workstation_secret

    def save(self, workstation_secret: bytes) -> None:
        self.data["mac"] = self._mac(workstation_secret)
        atomic_write(self.path, json.dumps(self.data, indent=1, sort_keys=True).encode())
        self._saved = _canonical(self.data)

    # --- guard: failures, locks, pending audit ------------------------------------------------

    def _guard_aad(self) -> bytes:
        return f"guard:{self.workspace_id}".encode()

    def _read_guard(self, w: bytes) -> dict[str, Any]:
        try:
            return _open_object(
                _hkdf(w, "keyfile-guard"), self.data.get("guard"), self._guard_aad()
            )
        except InvalidTag:
            raise WrongWorkstation(WRONG_W) from None

    def _write_guard(self, w: bytes, guard: dict[str, Any]) -> None:
        self.data["guard"] = _seal(_hkdf(w, "keyfile-guard"), _canonical(guard), self._guard_aad())

    def slot_id(self, w: bytes, name: str) -> str:
        return hmac.new(
            _hkdf(w, "keyfile-slot-id"), normalise_name(name).encode(), hashlib.sha256
        ).hexdigest()

    def is_locked(self, w: bytes, name: str) -> bool:
        return self.slot_id(w, name) in self._read_guard(w)["locked"]

    def locked_slot_ids(self, w: bytes) -> set[str]:
        return set(self._read_guard(w)["locked"])

    def pending_events(self, w: bytes) -> list[PendingEvent]:
        return [PendingEvent(**e) for e in self._read_guard(w)["pending"]]

    def drop_pending(self, w: bytes, audited: Sequence[PendingEvent]) -> None:
        """Remove the events just moved into the audit chain, and only those: attempts recorded
        by another process in the meantime wait for the next sign-in."""
        if not audited:
            return
        guard = self._read_guard(w)
        remaining = list(guard["pending"])
        for event in audited:
            with contextlib.suppress(ValueError):
                remaining.remove(asdict(event))
        guard["pending"] = remaining
        self._write_guard(w, guard)

    def _record(
        self, w: bytes, sid: str, name: str, result: str, when: dt.datetime, failure: bool
    ) -> bool:
        """Record a sign-in event in memory; the caller saves. True when the account is locked."""
        guard = self._read_guard(w)
        if failure:
            guard["failures"][sid] = int(guard["failures"].get(sid, 0)) + 1
            if guard["failures"][sid] >= MAX_FAILURES and sid not in guard["locked"]:
                guard["locked"].append(sid)
                result = "locked"
        guard["pending"].append(
            {"ts_utc": when.astimezone(dt.UTC).isoformat(), "name": name[:200], "result": result}
        )
        # Bounded: an attacker hammering a closed workspace must not grow the file forever.
        guard["pending"] = guard["pending"][-1000:]
        self._write_guard(w, guard)
        return sid in guard["locked"]

    def unlock_account(self, w: bytes, name: str) -> bool:
        guard = self._read_guard(w)
        sid = self.slot_id(w, name)
        was_locked = sid in guard["locked"]
        guard["locked"] = [s for s in guard["locked"] if s != sid]
        guard["failures"].pop(sid, None)
        self._write_guard(w, guard)
        return was_locked

    # --- user slots ---------------------------------------------------------------------------

    def _outer_aad(self, sid: str) -> bytes:
        return f"slot:{sid}:{self.workspace_id}".encode()

    def _open_slot(self, w: bytes, sid: str, box: Any) -> Any:
        """What a user slot holds (``_bind`` seals it); InvalidTag or ValueError when it does
        not open."""
        return json.loads(_open(_hkdf(w, "keyfile-slot"), box, self._outer_aad(sid)))

    def has_user(self, w: bytes, name: str) -> bool:
        return self.slot_id(w, name) in self.data["slots"]

    def unlock(self, w: bytes, name: str, password: str, when: dt.datetime) -> bytearray:
        """The DEK for ``name`` with ``password``; failures are counted, 3 lock the account.

        Every outcome is recorded in memory, also when this raises: the caller holds the lock
        and saves the file (if :attr:`changed`) whether or not the sign-in succeeded."""
        dek, following = self.unlock_with_next(w, name, password, when)
        wipe(following)
        return dek

    def unlock_with_next(
        self, w: bytes, name: str, password: str, when: dt.datetime
    ) -> tuple[bytearray, bytearray | None]:
        """:meth:`unlock`, and the DEK of a rotation staged beside it (None without one): after
        a rotation was interrupted, only the database tells which of the two is in force."""
        self.check(w)
        sid = self.slot_id(w, name)
        if sid in self._read_guard(w)["locked"]:
            self._record(w, sid, name, "refused_locked", when, failure=False)
            raise AccountLocked(
                "Dit account is geblokkeerd na te veel mislukte aanmeldpogingen. Vraag de "
                "functioneel beheerder het te deblokkeren."
            )
        box = self.data["slots"].get(sid)
        try:
            if box is None:
                # Same work for an unknown name as for a wrong password: no user enumeration.
                kdf.derive(password.encode("utf-8"), b"\0" * 16, self._decoy_params(w, sid))
                raise InvalidTag()
            inner = self._open_slot(w, sid, box)
            kek = _user_kek(inner, password)
            dek = _dek_from_inner(inner, kek, name, self.workspace_id)
        except (InvalidTag, KeyError, ValueError):
            if self._record(w, sid, name, "failed", when, failure=True):
                raise AccountLocked(
                    "Te veel mislukte aanmeldpogingen: het account is geblokkeerd tot de "
                    "functioneel beheerder het deblokkeert."
                ) from None
            raise AuthFailed(BAD_CREDENTIALS) from None
        guard = self._read_guard(w)
        if guard["failures"].pop(sid, None) is not None:
            self._write_guard(w, guard)
        following = self._next_dek(w, sid, kek, name)
        if inner.get("v") != 2 and following is None:
            # Form 1 to form 2 while the password is at hand (same salt, same key): from now on
            # a rotation can reach this user.
            upgraded = _inner_v2(
                dek,
                name,
                _unb64(inner["salt"]),
                kek,
                KdfParams.from_dict(inner["kdf"]),
                self.workspace_id,
            )
            if inner.get("initial"):
                upgraded["initial"] = True
            self._bind(w, name, upgraded)
            escrow = self.read_escrow(dek)
            escrow[normalise_name(name)] = upgraded
            self._write_escrow(dek, escrow)
        return dek, following

    def _next_dek(self, w: bytes, sid: str, kek: bytes, name: str) -> bytearray | None:
        staged = self.data.get("next")
        if not isinstance(staged, dict):
            return None
        box = staged.get("slots", {}).get(sid)
        if box is None:
            return None
        try:
            inner = self._open_slot(w, sid, box)
            return _dek_from_inner(inner, kek, name, self.workspace_id)
        except (InvalidTag, KeyError, ValueError):
            raise IntegrityFailure(DAMAGED) from None

    # --- rotation of the DEK ------------------------------------------------------------------
    #
    # ``next`` holds what the file becomes under the new DEK (user slots, escrow, recovery slot)
    # while the database is being re-keyed beside it; it is written before the re-keyed database
    # takes the old one's place and folded in (or dropped) by whoever next holds the lock and
    # finds out from the database which DEK opens it.

    @property
    def rotation_staged(self) -> bool:
        return isinstance(self.data.get("next"), dict)

    def stage_rotation(
        self,
        w: bytes,
        old_dek: bytes | bytearray,
        new_dek: bytes | bytearray,
        active: Collection[str],
        *,
        recovery_raw: bytes | None = None,
    ) -> list[str]:
        """Stage the new DEK for every active account (``active``: the database's, by
        normalised name) whose slot has form 2 and for the recovery key (with
        ``recovery_raw``: a new recovery key instead, the old one gets nothing); returns the
        names of those whose slot still has form 1: they cannot be reached without their
        password and keep no slot under the new DEK. A slot without an active account (a user
        add whose COMMIT failed after the key file was saved, a key file read after a backup's
        snapshot) gets nothing: a rotation is what cuts off every key holder the database does not
        name, and such a slot's password would otherwise open the new DEK outside the
        application."""
        recovery_next = (
            reseal_recovery(self.data["recovery"], new_dek, self.workspace_id)
            if recovery_raw is None
            else recovery_box(new_dek, recovery_raw, self.new_slot_params(), self.workspace_id)
        )
        escrow_next: dict[str, Any] = {}
        slots_next: dict[str, Any] = {}
        left_out: list[str] = []
        for name, inner in sorted(self.read_escrow(old_dek).items()):
            if name not in active:
                continue
            if not isinstance(inner, dict) or inner.get("v") != 2:
                left_out.append(name)
                continue
            resealed = _reseal_inner(inner, new_dek, name, self.workspace_id)
            escrow_next[name] = resealed
            sid = self.slot_id(w, name)
            slots_next[sid] = _seal(
                _hkdf(w, "keyfile-slot"), _canonical(resealed), self._outer_aad(sid)
            )
        escrow_box = _seal(
            _hkdf(new_dek, "keyfile-escrow"), _canonical(escrow_next), self._escrow_aad()
        )
        self.data["next"] = {
            "slots": slots_next,
            "escrow": escrow_box,
            "recovery": recovery_next,
        }
        return left_out

    def promote_rotation(self) -> None:
        staged = self.data.pop("next")
        self.data["slots"] = staged["slots"]
        self.data["escrow"] = staged["escrow"]
        self.data["recovery"] = staged["recovery"]

    def abandon_rotation(self) -> None:
        self.data.pop("next", None)

    def settle_for(self, dek: bytes | bytearray) -> None:
        """With a database open on ``dek``: a rotation staged beside the main part is folded
        in when its escrow is under ``dek`` (the rename happened, and only ``next`` reaches
        the database), dropped otherwise. Dropping it unseen would strand the database after
        a rotation whose last save failed."""
        staged = self.data.get("next")
        if not isinstance(staged, dict):
            return
        try:
            _open(_hkdf(dek, "keyfile-escrow"), staged.get("escrow"), self._escrow_aad())
        except (InvalidTag, IntegrityFailure):
            self.abandon_rotation()
            return
        self.promote_rotation()

    def recover_next_dek(self, recovery_raw: bytes) -> bytearray | None:
        staged = self.data.get("next")
        if not isinstance(staged, dict):
            return None
        return recover_dek(staged["recovery"], recovery_raw, self.workspace_id)

    def set_user(
        self,
        w: bytes,
        dek: bytes | bytearray,
        name: str,
        password: str,
        *,
        initial: bool = False,
    ) -> None:
        """Create or replace a user's slot (new user, password change, restore). ``initial``:
        the password was chosen by the administrator, and the window asks for a new one at the
        next sign-in. The mark lives in the slot (authenticated like the rest of the file, and
        escrowed with it, so a re-binding keeps it); it is not secret."""
        inner = wrap_for_user(dek, name, password, self.new_slot_params(), self.workspace_id)
        if initial:
            inner["initial"] = True
        self._bind(w, name, inner)
        escrow = self.read_escrow(dek)
        escrow[normalise_name(name)] = inner
        self._write_escrow(dek, escrow)

    def _bind(self, w: bytes, name: str, inner: dict[str, Any]) -> None:
        sid = self.slot_id(w, name)
        self.data["slots"][sid] = _seal(
            _hkdf(w, "keyfile-slot"), _canonical(inner), self._outer_aad(sid)
        )

    def _inner(self, w: bytes, name: str) -> dict[str, Any] | None:
        sid = self.slot_id(w, name)
        box = self.data["slots"].get(sid)
        if box is None:
            return None
        try:
            inner = self._open_slot(w, sid, box)
        except (InvalidTag, ValueError):
            raise IntegrityFailure(DAMAGED) from None
        return inner if isinstance(inner, dict) else None

    def has_initial_password(self, w: bytes, name: str) -> bool:
        inner = self._inner(w, name)
        return bool(inner and inner.get("initial"))

    def remove_user(self, w: bytes, dek: bytes | bytearray, name: str) -> bool:
        """Drop a user's slot and its escrow copy (a deactivated account): the password no
        longer opens the workspace, not even outside the application. True if there was one."""
        sid = self.slot_id(w, name)
        had = self.data["slots"].pop(sid, None) is not None
        escrow = self.read_escrow(dek)
        if escrow.pop(normalise_name(name), None) is not None:
            self._write_escrow(dek, escrow)
            had = True
        guard = self._read_guard(w)
        if sid in guard["locked"] or sid in guard["failures"]:
            guard["locked"] = [s for s in guard["locked"] if s != sid]
            guard["failures"].pop(sid, None)
            self._write_guard(w, guard)
        return had

    def verify_password(self, w: bytes, name: str, password: str) -> bool:
        sid = self.slot_id(w, name)
        box = self.data["slots"].get(sid)
        if box is None:
            return False
        try:
            inner = self._open_slot(w, sid, box)
            _unwrap_user(inner, name, password, self.workspace_id)
        except (InvalidTag, KeyError, ValueError):
            return False
        return True

    # --- escrow and recovery ------------------------------------------------------------------

    def _escrow_aad(self) -> bytes:
        return f"escrow:{self.workspace_id}".encode()

    def read_escrow(self, dek: bytes | bytearray) -> dict[str, Any]:
        try:
            return _open_object(
                _hkdf(dek, "keyfile-escrow"), self.data["escrow"], self._escrow_aad()
            )
        except InvalidTag:
            raise IntegrityFailure(DAMAGED) from None

    def _write_escrow(self, dek: bytes | bytearray, escrow: dict[str, Any]) -> None:
        self.data["escrow"] = _seal(
            _hkdf(dek, "keyfile-escrow"), _canonical(escrow), self._escrow_aad()
        )

    def recover_dek(self, recovery_raw: bytes) -> bytearray:
        return recover_dek(self.data["recovery"], recovery_raw, self.workspace_id)

    def rebind(self, new_w: bytes, dek: bytes | bytearray, backend_name: str) -> None:
        """Bind every escrowed user to a new workstation secret (restore, lost keyring)."""
        self.data["keyring_backend"] = backend_name
        self.data["binding_id"] = secrets.token_hex(16)
        self.data["slots"] = {}
        for name, inner in self.read_escrow(dek).items():
            self._bind(new_w, name, inner)
        self._write_guard(new_w, {"failures": {}, "locked": [], "pending": []})


class KeyStore:
    """keys.json on disk, and the one OS-level lock (flock / LockFileEx through ``filelock``)
    that every read-modify-write of it holds, across threads and processes alike: without it a
    sign-in that read the file before ``user add`` or ``passwd`` wrote it would write the old
    content back, and parallel wrong passwords would each count from the same number."""

    def __init__(self, path: Path, *, timeout: float = LOCK_TIMEOUT_S) -> None:
        self.path = path
        # preserve_lock_file: deleting the lock file on release lets two processes lock two
        # different files of the same name; it also rules out the weaker "soft" fallback.
        self._lock = filelock.FileLock(
            path.with_name(f"{path.name}.lock"),
            timeout=timeout,
            mode=0o600,
            preserve_lock_file=True,
        )

    def read(self) -> KeyFile:
        return KeyFile.load(self.path)

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        try:
            self._lock.acquire()
        except filelock.Timeout:
            raise Busy(
                "Het sleutelbestand van deze werkplek is bezet door een ander programma. Probeer "
                "het zo opnieuw."
            ) from None
        try:
            yield
        finally:
            self._lock.release()

    @contextlib.contextmanager
    def update(self, workstation_secret: bytes) -> Iterator[KeyFile]:
        """A fresh, verified copy under the lock; saved on a normal exit if it changed. Nothing
        is written when the body raises or changes nothing."""
        with self.locked():
            keyfile = self.read()
            keyfile.check(workstation_secret)
            yield keyfile
            if keyfile.changed:
                keyfile.save(workstation_secret)


def recover_dek(recovery_box: dict[str, Any], recovery_raw: bytes, workspace_id: str) -> bytearray:
    aad = f"recovery:{workspace_id}".encode()
    try:
        params = KdfParams.from_dict(recovery_box["kdf"])
        # Recovery slots are read before anything authenticates them (a backup's header, a key
        # file whose workstation secret is lost): never more work than we ever write.
        if not kdf.within_bounds(params):
            raise IntegrityFailure(TOO_HEAVY)
        derived = kdf.derive(recovery_raw, _unb64(recovery_box["salt"]), params)
        if recovery_box.get("v") == 2:
            private = X25519PrivateKey.from_private_bytes(derived)
            if not hmac.compare_digest(_raw_public(private), _unb64(recovery_box["pub"])):
                raise InvalidTag()
            dek = open_sealed(private, recovery_box, aad)
        else:  # form 1: the DEK straight under the recovery key's derived key
            dek = _open(derived, recovery_box, aad)
    except InvalidTag:
        raise AuthFailed("De herstelsleutel is onjuist.") from None
    except (KeyError, TypeError, ValueError, InvalidInput):
        raise IntegrityFailure(DAMAGED) from None
    if len(dek) != DEK_BYTES:
        raise IntegrityFailure(DAMAGED)
    return bytearray(dek)


def new_dek() -> bytearray:
    return bytearray(secrets.token_bytes(DEK_BYTES))


def wipe(buffer: bytearray | None) -> None:
    """Best effort: overwrite key material we own. Copies made by libraries cannot be reached."""
    if buffer is not None:
        for i in range(len(buffer)):
            buffer[i] = 0
