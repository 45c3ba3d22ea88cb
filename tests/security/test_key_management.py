"""KEY-1..8: the workstation secret in the OS keyring, the key file, recovery, the KDF."""

from __future__ import annotations

import ast
import base64
import json
import logging
import secrets
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from keyring.errors import KeyringError, PasswordSetError
from support.helpers import (
    ADMIN_PW,
    REPO,
    STAFF,
    audit_rows,
    db_path,
    keys_path,
    populate,
    raw_db,
    recover_dek,
    run_module,
    sha256_file,
    table_dump,
)

from desktop_app.domain.errors import (
    AuthFailed,
    IntegrityFailure,
    InvalidInput,
    WrongWorkstation,
)
from desktop_app.security import kdf, recovery
from desktop_app.security import workstation as ws_mod
from desktop_app.security.keyfile import KeyFile, new_dek, normalise_name
from desktop_app.security.workstation import (
    REMEDY,
    KeyringSecretProvider,
    MemorySecretProvider,
    new_secret,
)
from desktop_app.services import users
from desktop_app.services.audit import verify_audit
from desktop_app.services.session import Environment
from desktop_app.services.workspace import init_workspace, open_session, rebind_workstation
from desktop_app.storage import db as dbmod
from desktop_app.storage.db import Database


def _binding(root: Path) -> str:
    return KeyFile.load(keys_path(root)).binding_id


# --- keyring backends for the tests ----------------------------------------------------------
# The provider decides by the backend's class *object*: an allowed backend here is an instance
# of the real class from the installed keyring package whose storage is replaced by a dict on
# the instance (no D-Bus in the tests); a look-alike class with an allowed name is refused.


class _Store:
    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, user: str) -> str | None:
        return self.values.get((service, user))

    def set_password(self, service: str, user: str, value: str) -> None:
        self.values[(service, user)] = value

    def delete_password(self, service: str, user: str) -> None:
        self.values.pop((service, user), None)


def _backend(qualified: str, base: type = _Store) -> Any:
    """A look-alike: a class that only *claims* the qualified name."""
    module, _, name = qualified.rpartition(".")
    cls = type(name, (base,), {"__module__": module, "__qualname__": name})
    return cls()


class _Broken(_Store):
    def get_password(self, service: str, user: str) -> str | None:
        raise KeyringError("locked collection")

    def set_password(self, service: str, user: str, value: str) -> None:
        raise PasswordSetError("no write")


def _real_backend(store: type = _Store) -> Any:
    """An instance of the real Secret Service backend, its storage a dict (``.values``)."""
    from keyring.backends import SecretService

    backend: Any = SecretService.Keyring()
    fake = store()
    backend.values = fake.values
    backend.get_password = fake.get_password
    backend.set_password = fake.set_password
    backend.delete_password = fake.delete_password
    return backend


# --- KEY-1 / KEY-2: no usable keyring -> refusal, never plain text --------------------------


@pytest.mark.parametrize(
    "backend", ["keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"]
)
def test_key1_unusable_keyring_refuses_init_without_files(tmp_path: Path, backend: str) -> None:
    target = tmp_path / "werkplek"
    result = run_module(
        [
            "--json",
            "--data-dir",
            str(target),
            "--password-stdin",
            "init",
            "--admin",
            "beheer",
            "--kdf-profile",
            "test",
        ],
        stdin=ADMIN_PW + "\n",
        env_extra={"PYTHON_KEYRING_BACKEND": backend},
    )
    assert result.returncode == 3, result.stderr
    payload = json.loads(result.stdout)
    assert payload == {"error": {"code": "wrong_workstation", "message": REMEDY}}
    assert result.stdout.count("\n") == 1
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []
    # The refusal is logged as a security warning naming the backend (KEY-2).
    assert "allow-list" in result.stderr and backend in result.stderr
    assert "Traceback" not in result.stderr


def test_key1_unusable_keyring_refuses_sign_in_and_leaves_files(workspace: Any) -> None:
    root = workspace.root
    before = {p.name: sha256_file(p) for p in root.iterdir()}
    result = run_module(
        ["--json", "--data-dir", str(root), "--user", "beheer", "--password-stdin", "user", "list"],
        stdin=ADMIN_PW + "\n",
        env_extra={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )
    assert result.returncode == 3
    assert json.loads(result.stdout)["error"]["code"] == "wrong_workstation"
    assert {p.name: sha256_file(p) for p in root.iterdir()} == before


REFUSED_BACKENDS = [
    "keyrings.alt.file.PlaintextKeyring",
    "keyrings.alt.file.EncryptedKeyring",
    "keyring.backends.chainer.ChainerBackend",
    "keyring.backends.fail.Keyring",
    "keyring.backends.null.Keyring",
    "some.thirdparty.Keyring",
]


@pytest.mark.parametrize("name", REFUSED_BACKENDS)
def test_key2_backend_outside_allow_list_is_refused_and_logged(
    name: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import keyring

    backend = _backend(name)
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    with (
        caplog.at_level(logging.WARNING, logger=ws_mod.__name__),
        pytest.raises(WrongWorkstation) as info,
    ):
        KeyringSecretProvider()
    assert info.value.message == REMEDY
    assert backend.values == {}  # nothing was stored
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert any(name in r.getMessage() for r in warnings)


class _PlainTextFile:
    """What keyrings.alt's PlaintextKeyring does: secrets in a readable file."""

    path: Path

    def get_password(self, service: str, user: str) -> str | None:
        return None

    def set_password(self, service: str, user: str, value: str) -> None:
        self.path.write_text(f"{service} {user} {value}\n")

    def delete_password(self, service: str, user: str) -> None:
        pass


def _refused(monkeypatch: pytest.MonkeyPatch, backend: Any) -> None:
    import keyring

    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    with pytest.raises(WrongWorkstation) as info:
        KeyringSecretProvider()
    assert info.value.message == REMEDY


@pytest.mark.parametrize("name", [f"{m}.{c}" for m, c in ws_mod.ALLOWED_BACKENDS])
def test_key2_renamed_plain_text_backend_is_refused(
    name: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A plain-text backend whose class claims an allowed name (``__module__`` and
    ``__qualname__`` are just attributes any module can set) is refused: the check compares
    the class object with the real one."""
    backend = _backend(name, _PlainTextFile)
    backend.path = tmp_path / "plain.txt"
    assert f"{type(backend).__module__}.{type(backend).__qualname__}" == name
    with caplog.at_level(logging.WARNING, logger=ws_mod.__name__):
        _refused(monkeypatch, backend)
    assert any("allow-list" in r.getMessage() for r in caplog.records)
    assert not backend.path.exists()
    assert ws_mod.allowed_backend_name(backend) is None


def test_key2_subclass_of_an_allowed_backend_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A subclass inherits the real class's identity checks but not its storage."""
    from keyring.backends import SecretService

    class Keyring(_PlainTextFile, SecretService.Keyring):
        pass

    Keyring.__module__ = SecretService.__name__
    Keyring.__qualname__ = "Keyring"
    backend = Keyring()
    backend.path = tmp_path / "plain.txt"
    assert isinstance(backend, SecretService.Keyring)
    _refused(monkeypatch, backend)
    assert not backend.path.exists()


def test_key2_allowed_class_from_a_module_outside_keyring_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A module planted under an allowed dotted name, but not loaded from the installed
    keyring package, does not make its class allowed."""
    import types

    planted = types.ModuleType("keyring.backends.SecretService")
    planted.__file__ = str(tmp_path / "SecretService.py")
    cls = type("Keyring", (_PlainTextFile,), {"__module__": planted.__name__})
    planted.Keyring = cls  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, planted.__name__, planted)
    backend = cls()
    backend.path = tmp_path / "plain.txt"
    _refused(monkeypatch, backend)
    assert not backend.path.exists()


def test_key2_allowed_backend_round_trip_and_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring

    backend = _real_backend()
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    provider = KeyringSecretProvider()
    assert provider.backend_name == "keyring.backends.SecretService.Keyring"
    secret = new_secret()
    provider.store("abc", secret)
    assert provider.load("abc") == secret
    stored = next(iter(backend.values.values()))
    assert secret not in stored.encode() and secret.hex() not in stored  # base64, not raw
    provider.store_head("abc", "head-record")
    assert provider.load_head("abc") == "head-record"
    provider.delete("abc")
    assert provider.load("abc") is None
    # The audit head kept beside the secret goes with it (rebind, a failed restore).
    assert provider.load_head("abc") is None
    assert backend.values == {}

    broken = _real_backend(_Broken)
    monkeypatch.setattr(keyring, "get_keyring", lambda: broken)
    provider = KeyringSecretProvider()
    with pytest.raises(WrongWorkstation, match="sleutelring"):
        provider.load("abc")
    with pytest.raises(WrongWorkstation):
        provider.store("abc", secret)


class _Busy(_Store):
    """GNOME Keyring reloading its file: the first ``busy`` calls find no collection."""

    busy = 0

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def _maybe_busy(self) -> None:
        from secretstorage.exceptions import ItemNotFoundException

        self.calls += 1
        if self.calls <= self.busy:
            raise ItemNotFoundException("Item does not exist!")

    def get_password(self, service: str, user: str) -> str | None:
        self._maybe_busy()
        return super().get_password(service, user)

    def set_password(self, service: str, user: str, value: str) -> None:
        self._maybe_busy()
        super().set_password(service, user, value)


@pytest.mark.parametrize("busy", [1, ws_mod.ATTEMPTS - 1])
def test_a_keyring_busy_for_a_moment_is_asked_again(
    busy: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring

    monkeypatch.setattr(ws_mod, "RETRY_PAUSE", 0.0)
    backend = _real_backend(type("Busy", (_Busy,), {"busy": busy}))
    store = backend.get_password.__self__
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    provider = KeyringSecretProvider()
    provider.store_head("abc", "head")
    assert store.calls == busy + 1
    assert provider.load_head("abc") == "head"


def test_a_keyring_that_stays_busy_is_a_sentence(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import keyring

    monkeypatch.setattr(ws_mod, "RETRY_PAUSE", 0.0)
    backend = _real_backend(type("Busy", (_Busy,), {"busy": 10_000}))
    store = backend.get_password.__self__
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    provider = KeyringSecretProvider()
    with (
        caplog.at_level(logging.WARNING, logger=ws_mod.__name__),
        pytest.raises(WrongWorkstation) as info,
    ):
        provider.load_head("abc")
    assert info.value.message == REMEDY
    assert store.calls == ws_mod.ATTEMPTS
    assert any("ItemNotFoundException" in r.getMessage() for r in caplog.records)


def test_a_locked_keyring_is_not_asked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """A refusal (the user dismissed the unlock prompt) is final: no second prompt."""
    import keyring
    from keyring.errors import KeyringLocked

    calls: list[str] = []

    class Locked(_Store):
        def get_password(self, service: str, user: str) -> str | None:
            calls.append(user)
            raise KeyringLocked("Failed to unlock the item!")

    # As if the prompt was shown and a person dismissed it (no call is faster than zero).
    monkeypatch.setattr(ws_mod, "HUMAN_ANSWER", 0.0)
    monkeypatch.setattr(keyring, "get_keyring", lambda: _real_backend(Locked))
    with pytest.raises(WrongWorkstation):
        KeyringSecretProvider().load("abc")
    assert calls == ["workspace:abc"]


def test_locked_faster_than_a_person_answers_is_asked_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """GNOME Keyring reloading its file also says "locked" for a moment (seen in the e2e race
    test): no prompt was answered in those milliseconds, so the call is tried again."""
    import keyring
    from keyring.errors import KeyringLocked

    calls: list[str] = []

    class LockedOnce(_Store):
        def get_password(self, service: str, user: str) -> str | None:
            calls.append(user)
            if len(calls) == 1:
                raise KeyringLocked("Failed to unlock the collection!")
            return super().get_password(service, user)

    monkeypatch.setattr(ws_mod, "RETRY_PAUSE", 0.0)
    monkeypatch.setattr(keyring, "get_keyring", lambda: _real_backend(LockedOnce))
    assert KeyringSecretProvider().load_head("abc") is None
    assert calls == ["audit-head:abc", "audit-head:abc"]


def test_key2_full_cli_through_the_real_provider(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The default environment (KeyringSecretProvider, system clock) end to end on an allowed
    backend; the secret lives only in the keyring."""
    import io

    import keyring

    from desktop_app.cli.main import main

    backend = _real_backend()
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    root = tmp_path / "ws"

    def run(*args: str, stdin: str) -> tuple[int, Any]:
        out = io.StringIO()
        code = main(
            ["--json", "--data-dir", str(root), "--password-stdin", *args],
            stdin=io.StringIO(stdin),
            stdout=out,
            stderr=io.StringIO(),
        )
        return code, json.loads(out.getvalue())

    code, payload = run("init", "--admin", "beheer", "--kdf-profile", "test", stdin=ADMIN_PW)
    assert code == 0 and set(payload) == {"data_dir", "recovery_key"}
    recovery_key = payload["recovery_key"]
    assert len(backend.values) == 1
    code, payload = run("--user", "beheer", "user", "list", stdin=ADMIN_PW)
    assert code == 0 and [u["name"] for u in payload["items"]] == ["beheer"]
    # The secret, and beside it the audit head anchored at sign-out.
    entries = {user.partition(":")[0]: value for (_, user), value in backend.values.items()}
    assert set(entries) == {"workspace", "audit-head"}
    raw = base64.b64decode(entries["workspace"])
    assert not any(raw in p.read_bytes() for p in root.iterdir())
    # Keyring entry lost: refused; rebind with the recovery key; the admin's password works.
    backend.values.clear()
    code, payload = run("--user", "beheer", "user", "list", stdin=ADMIN_PW)
    assert code == 3 and payload["error"]["code"] == "wrong_workstation"
    code, payload = run("rebind", stdin=recovery_key)
    assert (code, payload) == (0, {"ok": True, "users": 1})
    assert len(backend.values) == 1
    code, payload = run("--user", "beheer", "user", "list", stdin=ADMIN_PW)
    assert code == 0


def test_key2_changed_backend_is_refused(workspace: Any) -> None:
    binding = _binding(workspace.root)
    other = MemorySecretProvider("keyring.backends.kwallet.DBusKeyring")
    secret = workspace.env.provider.load(binding)
    assert secret is not None
    other.store(binding, secret)  # even with the right secret
    env = Environment(provider=other, clock=workspace.env.clock, origin="test")
    with pytest.raises(WrongWorkstation, match="gewijzigd"):
        open_session(env, workspace.root, "beheer", ADMIN_PW)


# --- copied folder on another machine --------------------------------------------------------


def test_copied_folder_does_not_open_elsewhere_even_with_password(
    workspace: Any, tmp_path: Path
) -> None:
    copy = tmp_path / "elders"
    shutil.copytree(workspace.root, copy)
    elsewhere = Environment(
        provider=MemorySecretProvider(), clock=workspace.env.clock, origin="test"
    )
    calls: list[Path] = []
    real_open = Database.open

    def spy(path: Path, key: Any) -> Database:
        calls.append(path)
        return real_open(path, key)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Database, "open", staticmethod(spy))
        with pytest.raises(WrongWorkstation):
            open_session(elsewhere, copy, "beheer", ADMIN_PW)
        # A random secret under the right name: still the wrong workstation.
        elsewhere.provider.store(_binding(copy), new_secret())
        with pytest.raises(WrongWorkstation):
            open_session(elsewhere, copy, "beheer", ADMIN_PW)
    assert calls == []


# --- KEY-3: keyring entry deleted or corrupted -> recovery key re-binds ----------------------


CORRUPTIONS = {
    "deleted": None,
    "random_32": base64.b64encode(secrets.token_bytes(32)).decode(),
    "short": base64.b64encode(secrets.token_bytes(16)).decode(),
    "not_base64": "%%% niet base64 %%%",
    "empty": "",
}


@pytest.mark.parametrize("kind", list(CORRUPTIONS))
def test_key3_lost_keyring_entry_rebinds_with_recovery_key(workspace: Any, kind: str) -> None:
    populate(workspace)
    root, provider = workspace.root, workspace.env.provider
    with raw_db(root, workspace.recovery_key) as db:
        tables = {t: table_dump(db, t) for t in ("users", "user_roles", "designations")}
        old_audit = audit_rows(db)
    binding = _binding(root)
    value = CORRUPTIONS[kind]
    if value is None:
        provider.delete(binding)
    else:
        provider.corrupt(binding, value)
    for name in ("beheer", "officier"):
        pw = ADMIN_PW if name == "beheer" else STAFF[name][0]
        with pytest.raises(WrongWorkstation):
            open_session(workspace.env, root, name, pw)
    # Wrong recovery key: refused, nothing changes.
    keys_before = keys_path(root).read_bytes()
    with pytest.raises(AuthFailed):
        rebind_workstation(workspace.env, root, recovery.generate())
    with pytest.raises(InvalidInput):
        rebind_workstation(workspace.env, root, "geen-sleutel")
    assert keys_path(root).read_bytes() == keys_before

    assert rebind_workstation(workspace.env, root, workspace.recovery_key) == 1 + len(STAFF)
    assert _binding(root) != binding
    assert provider.load(binding) is None  # the old (damaged) entry is removed
    for name, (pw, _, _) in STAFF.items():
        with open_session(workspace.env, root, name, pw) as s:
            assert s.user.name == name
    with workspace.session("beheer", ADMIN_PW) as s:
        assert verify_audit(s).ok
    with raw_db(root, workspace.recovery_key) as db:
        assert {t: table_dump(db, t) for t in tables} == tables
        new_audit = audit_rows(db)
    assert new_audit[: len(old_audit)] == old_audit
    rebinds = [r for r in new_audit if r[3] == "workspace.rebind"]
    assert len(rebinds) == 1


# --- KEY-4: the key file edited -------------------------------------------------------------


def _flip_positions(data: bytes, rng: Any, samples: int) -> list[int]:
    """Every byte of the non-base64 structure, and a sample of the rest."""
    text = data.decode("ascii")
    structural = [i for i, ch in enumerate(text) if not (ch.isalnum() or ch in "+/=")]
    others = [i for i in range(len(data)) if i not in set(structural)]
    return structural + rng.sample(others, min(samples, len(others)))


def test_key4_any_bit_flip_in_key_file_is_refused_before_the_database(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import random as _random  # test-only randomness for sampling positions

    rng = _random.Random(20261102)
    populate(workspace)
    path = keys_path(workspace.root)
    original = path.read_bytes()
    db_before = sha256_file(db_path(workspace.root))

    def no_db(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the database was opened with a tampered key file")

    monkeypatch.setattr(Database, "open", staticmethod(no_db))
    positions = _flip_positions(original, rng, samples=400)
    assert len(positions) > 500
    kinds: dict[str, int] = {}
    for pos in positions:
        bit = 1 << rng.randrange(8)
        tampered = bytearray(original)
        tampered[pos] ^= bit
        path.write_bytes(bytes(tampered))
        with pytest.raises((IntegrityFailure, WrongWorkstation)) as info:
            open_session(workspace.env, workspace.root, "beheer", ADMIN_PW)
        kinds[info.value.code] = kinds.get(info.value.code, 0) + 1
        assert path.read_bytes() == bytes(tampered)  # never "repaired" or rewritten
    path.write_bytes(original)
    assert kinds.get("integrity", 0) > len(positions) // 2
    assert sha256_file(db_path(workspace.root)) == db_before


FIELDS = ["format", "workspace_id", "kdf_profile", "mac"]


def test_key4_targeted_field_edits(workspace: Any) -> None:
    path = keys_path(workspace.root)
    original = json.loads(path.read_text())

    def attempt(mutate: Any) -> str:
        data = json.loads(json.dumps(original))
        mutate(data)
        path.write_text(json.dumps(data))
        with pytest.raises((IntegrityFailure, WrongWorkstation)) as info:
            open_session(workspace.env, workspace.root, "beheer", ADMIN_PW)
        return info.value.code

    def flip_b64(box: dict[str, str], key: str) -> None:
        raw = bytearray(base64.b64decode(box[key]))
        raw[len(raw) // 2] ^= 1
        box[key] = base64.b64encode(bytes(raw)).decode()

    assert attempt(lambda d: d.update(format=2)) == "integrity"
    # The workspace id is bound into every sealed box: either refusal is right.
    assert attempt(lambda d: d.update(workspace_id="x" + d["workspace_id"][1:])) in (
        "integrity",
        "wrong_workstation",
    )
    assert attempt(lambda d: d.update(kdf_profile="test2")) == "integrity"
    assert attempt(lambda d: d.update(mac="0" * 64)) == "integrity"
    assert attempt(lambda d: d.pop("mac")) == "integrity"
    assert attempt(lambda d: flip_b64(d["recovery"], "salt")) == "integrity"
    assert attempt(lambda d: flip_b64(d["recovery"], "nonce")) == "integrity"
    assert attempt(lambda d: flip_b64(d["recovery"], "ct")) == "integrity"
    assert attempt(lambda d: flip_b64(d["escrow"], "ct")) == "integrity"
    assert attempt(lambda d: flip_b64(next(iter(d["slots"].values())), "ct")) == "integrity"
    # Downgrade of the KDF in the recovery header is caught by the MAC as well.
    assert attempt(lambda d: d["recovery"]["kdf"].update(m=8, t=1)) == "integrity"
    # A changed binding id or guard points at another workstation secret.
    assert attempt(lambda d: d.update(binding_id="0" * 32)) == "wrong_workstation"
    assert attempt(lambda d: flip_b64(d["guard"], "ct")) in ("wrong_workstation", "integrity")
    path.write_text(json.dumps(original))
    with workspace.session("beheer", ADMIN_PW):
        pass


# --- KEY-5: password change -------------------------------------------------------------------


def test_key5_password_change_touches_only_the_users_slot(workspace: Any) -> None:
    populate(workspace)
    root = workspace.root
    before_keys = json.loads(keys_path(root).read_text())
    with raw_db(root, workspace.recovery_key) as db:
        tables = {t: table_dump(db, t) for t in ("settings", "users", "user_roles", "designations")}
        old_audit = audit_rows(db)
    name, (old_pw, _, _) = "officier", STAFF["officier"]
    new_pw = "een-heel-nieuw-wachtwoord"
    with open_session(workspace.env, root, name, old_pw) as s:
        users.change_password(s, old_pw, new_pw)
        secret = s.workstation_secret()
        slot = KeyFile.load(keys_path(root)).slot_id(secret, name)
    after_keys = json.loads(keys_path(root).read_text())
    changed = {k for k in before_keys if before_keys[k] != after_keys.get(k)}
    assert changed <= {"slots", "escrow", "mac", "guard"}
    assert {"slots", "escrow", "mac"} <= changed
    changed_slots = {
        s for s in before_keys["slots"] if before_keys["slots"][s] != after_keys["slots"][s]
    }
    assert changed_slots == {slot}
    assert before_keys["recovery"] == after_keys["recovery"]
    # Database: every table except the audit is unchanged; the audit only grew.
    with raw_db(root, workspace.recovery_key) as db:
        assert {t: table_dump(db, t) for t in tables} == tables
        new_audit = audit_rows(db)
    assert new_audit[: len(old_audit)] == old_audit
    assert [r[3] for r in new_audit[len(old_audit) :]] == [
        "session.signin",
        "user.passwd",
        "session.close",
    ]
    with pytest.raises(AuthFailed):
        open_session(workspace.env, root, name, old_pw)
    with open_session(workspace.env, root, name, new_pw) as s:
        assert s.user.name == name
    # The escrow follows: after a rebind the new password is the one that works.
    workspace.env.provider.delete(_binding(root))
    rebind_workstation(workspace.env, root, workspace.recovery_key)
    with open_session(workspace.env, root, name, new_pw):
        pass


# --- KEY-6: DEK rotation in WAL mode (storage level; the app has no rotation feature yet) -----


def test_key6_rekey_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "rekey.db"
    old, new = secrets.token_bytes(32), secrets.token_bytes(32)
    db = Database.create(path, old)
    with db.transaction() as conn:
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.executemany("INSERT INTO t VALUES (?)", [(f"rij {i}",) for i in range(500)])
    assert Path(f"{path}-wal").exists()
    db.conn.execute(dbmod._key_pragma(new).replace("PRAGMA key", "PRAGMA rekey"))
    db.checkpoint()
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    db.close()
    with pytest.raises(IntegrityFailure):
        Database.open(path, old)
    db = Database.open(path, new)
    try:
        with db.reading() as conn:
            assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 500
        assert db.integrity_problems() == []
    finally:
        db.close()


# --- KEY-7: KDF cost -----------------------------------------------------------------------------


@pytest.mark.slow
def test_key7_interactive_kdf_cost_and_header(
    tmp_path: Path, env: Environment, record_property: Any
) -> None:
    # Calibrated on this machine (once a process): what every slot written now gets.
    params = kdf.for_new_slot("interactive")
    floor = kdf.PROFILES["interactive"]
    assert params.memory_kib == floor.memory_kib >= 46 * 1024  # ASVS 5.0 appendix C, argon2id
    assert params.parallelism == floor.parallelism
    assert floor.time_cost <= params.time_cost <= kdf.MAX_TIME_COST
    start = time.perf_counter()
    key = kdf.derive(b"correct horse battery staple", secrets.token_bytes(16), params)
    elapsed = time.perf_counter() - start
    record_property("kdf_interactive_seconds", round(elapsed, 3))
    record_property("kdf_interactive_time_cost", params.time_cost)
    print(f"\nKEY-7: interactive argon2id derive (t={params.time_cost}) took {elapsed:.3f} s")
    assert len(key) == 32
    assert elapsed < 10  # a person waits for this at every sign-in

    root = tmp_path / "echt"
    result = init_workspace(
        env, root, admin_name="beheer", admin_password=ADMIN_PW, kdf_profile="interactive"
    )
    data = json.loads(keys_path(root).read_text())
    assert data["kdf_profile"] == "interactive"
    assert data["recovery"]["kdf"] == params.as_dict()
    dek = recover_dek(root, result.recovery_key)
    escrow = KeyFile.load(keys_path(root)).read_escrow(dek)
    assert escrow[normalise_name("beheer")]["kdf"] == params.as_dict()


def test_key7_test_profile_is_refused_below_floor() -> None:
    with pytest.raises(InvalidInput):
        kdf.KdfParams.from_dict({"t": 0, "m": 64, "p": 1})
    with pytest.raises(InvalidInput):
        kdf.KdfParams.from_dict({"t": 1, "m": 4, "p": 1})
    with pytest.raises(InvalidInput):
        kdf.KdfParams.from_dict({"t": 1, "m": 8 * 1024 * 1024, "p": 1})
    with pytest.raises(InvalidInput):
        kdf.profile("geen")


# --- KEY-8: randomness ----------------------------------------------------------------------------


def test_key8_keys_are_distinct() -> None:
    deks = {bytes(new_dek()) for _ in range(1000)}
    assert len(deks) == 1000 and all(len(d) == 32 for d in deks)
    assert len({new_secret() for _ in range(1000)}) == 1000
    keys = {recovery.generate() for _ in range(1000)}
    assert len(keys) == 1000
    assert all(len(recovery.parse(k)) == 20 for k in list(keys)[:50])


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", ["security", "storage", "services"])
def test_key8_no_random_module_in_crypto_code(package: str) -> None:
    files = sorted((REPO / "desktop_app" / package).glob("*.py"))
    assert files
    offenders = [f.name for f in files if "random" in _imports(f)]
    assert offenders == []
    if package == "security":
        users_of_secrets = {f.name for f in files if "secrets" in _imports(f)}
        assert {"keyfile.py", "recovery.py", "workstation.py"} <= users_of_secrets
