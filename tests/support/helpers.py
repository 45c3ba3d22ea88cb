"""Shared helpers for the security, storage, services and CLI tests (no fixtures here).

Import as ``from support.helpers import ...`` (``tests/`` is on ``sys.path`` through the
root conftest).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import math
import os
import secrets
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from desktop_app.domain.classification import Classification
from desktop_app.domain.reports import ReportStatus
from desktop_app.domain.roles import Role
from desktop_app.security import kdf, recovery
from desktop_app.security.keyfile import KeyFile, KeyStore, _seal, normalise_name
from desktop_app.services import reports, users
from desktop_app.services.session import Reauthentication, Session
from desktop_app.services.workspace import DB_NAME, KEYS_NAME
from desktop_app.storage import audit
from desktop_app.storage.db import Database

REPO = Path(__file__).resolve().parents[2]

# The accounts of the test workspaces (tests/conftest.py's ``workspace`` fixture signs in with
# them and takes them from here). Import them from here: importing "conftest" is unreliable
# with several conftests.
ADMIN_PW = "beheer-wachtwoord-1"
STAFF: dict[str, tuple[str, tuple[Role, ...], Classification]] = {
    "officier": ("officier-wachtwoord", (Role.AIVD_OFFICER,), Classification.STG_GEHEIM),
    "tekenaar": ("tekenaar-wachtwoord", (Role.AIVD_SIGNER,), Classification.STG_ZEER_GEHEIM),
    "liaison": ("liaison-wachtwoord", (Role.IND_LIAISON,), Classification.STG_CONFIDENTIEEL),
    "inspecteur": ("inspecteur-wachtwoord", (Role.IND_INSPECTOR,), Classification.STG_GEHEIM),
}


# The admin and the four staff accounts; suites with accounts of their own add them to a copy.
PASSWORDS: dict[str, str] = {"beheer": ADMIN_PW, **{name: pw for name, (pw, *_) in STAFF.items()}}


# The audit table's columns in their order; an entry in the CLI's JSON has the same keys
# (spec/cli.md).
AUDIT_COLUMNS = (
    "seq",
    "ts_utc",
    "actor",
    "action",
    "object",
    "result",
    "origin",
    "details",
    "prev_hash",
    "hash",
)
AUDIT_ENTRY_FIELDS = frozenset(AUDIT_COLUMNS)

# The figures of ``werkplek stats`` (spec/cli.md).
STATS_KEYS = frozenset(
    {
        "requests_received",
        "requests_closed",
        "on_time",
        "late_with_notice",
        "late_without_notice",
        "overdue_open",
        "median_working_days",
        "reports_issued",
        "inspections",
        "provisions_aivd_to_ind",
        "provisions_ind_to_aivd",
    }
)

# The fields of ``werkplek verify``'s verdict (spec/cli.md); the verdict may add more.
VERIFY_KEYS = frozenset({"valid", "intact", "signer", "reference", "copy", "registered", "reason"})


def password_of(name: str) -> str:
    """The administrator's ADMIN_PW, a STAFF account's own, else ``staff_password(name)``
    (the accounts tests add with ``add_staff``-style helpers)."""
    if name == "beheer":
        return ADMIN_PW
    return STAFF[name][0] if name in STAFF else staff_password(name)


def fresh_proof(session: Session, password: str | None = None) -> Reauthentication:
    """The signed-in person's password typed again, as the window asks it in every sign and
    issue dialog: a proof of its own, for one signing, one issue or one key operation (the
    step it allows spends it). For a session that takes more than one such step; its first
    may use the session's own sign-in (``Session.sign_in_proof``), as a CLI call does.
    ``password``: the person's own (default ``password_of`` their name)."""
    return session.reauthenticate(password or password_of(session.user.name))


def report_at(
    ws: Any,
    stage: ReportStatus | str,
    *,
    text: str,
    passwords: Mapping[str, str] = PASSWORDS,
    liaison: str = "liaison",
    remark: tuple[str, str] | None = None,
    verdict_comment: str | None = None,
    **draft: Any,
) -> int:
    """A report the officer drafts (``text`` and ``draft``: draft_report's other options),
    taken through the services as far as ``stage``: submitted (in_review); judged by
    ``liaison`` usable or changes_wanted (``verdict_comment`` with it; ``remark``, a (quote,
    comment), annotated before the verdict); signed by the signer; issued by the signer.
    Signing uses the signer's sign-in, issuing a fresh proof (each step spends its proof).
    Every session is opened with ``passwords[name]``. Its id."""
    stage = ReportStatus(stage)
    with ws.session("officier", passwords["officier"]) as s:
        rid = int(reports.draft_report(s, text=text, **draft).report.id)
        if stage is ReportStatus.DRAFT:
            return rid
        reports.submit_report(s, rid)
    if stage is ReportStatus.IN_REVIEW:
        return rid
    with ws.session(liaison, passwords[liaison]) as s:
        if remark is not None:
            reports.annotate(s, rid, quote=remark[0], comment=remark[1])
        usable = stage is not ReportStatus.CHANGES_WANTED
        reports.give_verdict(s, rid, usable=usable, comment=verdict_comment)
    if stage in (ReportStatus.USABLE, ReportStatus.CHANGES_WANTED):
        return rid
    with ws.session("tekenaar", passwords["tekenaar"]) as s:
        reports.sign_report(s, rid, proof=s.sign_in_proof())
        if stage is ReportStatus.ISSUED:
            reports.issue_report(s, rid, proof=fresh_proof(s, passwords["tekenaar"]))
    return rid


def db_path(root: Path) -> Path:
    return root / DB_NAME


def keys_path(root: Path) -> Path:
    return root / KEYS_NAME


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def populate(ws: Any, *, full_name_suffix: str = "", decision: str = "HD-IND 2026/017") -> None:
    """Add the four staff users (one with a designation) to a fixture workspace."""
    with ws.session("beheer", ADMIN_PW) as s:
        for name, (pw, roles, clearance) in STAFF.items():
            users.add_user(
                s,
                name=name,
                password=pw,
                roles=roles,
                full_name=f"{name.title()} Testpersoon{full_name_suffix}",
                clearance=clearance,
            )
        users.designate(s, name="inspecteur", decision_ref=decision)


def staff_password(name: str) -> str:
    """The password ``staff_sessions`` gives an account."""
    return f"{name}-wachtwoord"


@contextlib.contextmanager
def staff_sessions(
    ws: Any, roles: dict[str, Role], full_names: dict[str, str] | None = None
) -> Iterator[dict[str, Any]]:
    """Accounts ``name`` with the one role ``roles[name]``, clearance Stg. Geheim and the
    password ``staff_password(name)`` (and ``full_names[name]`` where given), added by the
    administrator; one open session each for the block, closed afterwards."""
    with ws.session("beheer", ADMIN_PW) as admin:
        for name, role in roles.items():
            named = {"full_name": full_names[name]} if full_names else {}
            users.add_user(
                admin,
                name=name,
                password=staff_password(name),
                roles=[role],
                clearance=Classification.STG_GEHEIM,
                **named,
            )
    sessions = {name: ws.session(name, staff_password(name)) for name in roles}
    try:
        yield sessions
    finally:
        for s in sessions.values():
            s.close()


def recover_dek(root: Path, recovery_key: str) -> bytearray:
    """The DEK as an attacker (or auditor) holding the recovery key would obtain it."""
    return KeyFile.load(keys_path(root)).recover_dek(recovery.parse(recovery_key))


def legacy_user_slot(ws: Any, name: str, password: str) -> None:
    """Give ``name`` a key slot of form 1 (the DEK straight under the password's key, escrowed
    likewise), as every workspace made before key rotation (issue 13) has them."""
    store = KeyStore(keys_path(ws.root))
    dek = recover_dek(ws.root, ws.recovery_key)
    with store.locked():
        kf = store.read()
        w = kf.check(ws.env.provider.load(kf.binding_id))
        salt = secrets.token_bytes(16)
        kek = kdf.derive(password.encode(), salt, kf.new_slot_params())
        aad = f"user:{normalise_name(name)}:{kf.workspace_id}".encode()
        inner = {
            "salt": base64.b64encode(salt).decode(),
            "kdf": kf.new_slot_params().as_dict(),
            **_seal(kek, bytes(dek), aad),
        }
        kf._bind(w, name, inner)
        escrow = kf.read_escrow(dek)
        escrow[normalise_name(name)] = inner
        kf._write_escrow(dek, escrow)
        kf.save(w)


@contextlib.contextmanager
def raw_db(root: Path, recovery_key: str) -> Iterator[Database]:
    """The workspace database opened directly with its DEK, bypassing sign-in."""
    db = Database.open(db_path(root), recover_dek(root, recovery_key))
    try:
        yield db
    finally:
        db.close()


def table_dump(db: Database, table: str, order: str = "rowid") -> list[tuple[Any, ...]]:
    with db.reading() as conn:
        return [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY {order}")]


def audit_rows(db: Database) -> list[tuple[Any, ...]]:
    return table_dump(db, "audit", "seq")


def audit_entries(session: Any) -> list[audit.AuditEntry]:
    """The whole audit trail as the session reads it, oldest first."""
    with session.reading() as conn:
        return list(reversed(audit.recent(conn, 100_000)))


def one_audit_entry(
    session: Any, act: Callable[[], Any], action: str, result: str = "ok"
) -> tuple[Any, audit.AuditEntry]:
    """Run ``act`` (a refusal it raises is returned as the value): exactly one new audit entry,
    ``action`` with ``result``. Returns the value and that entry."""
    before = len(audit_entries(session))
    try:
        value = act()
    except Exception as exc:  # the refusal is what we look at
        value = exc
    new = audit_entries(session)[before:]
    assert [(e.action, e.result) for e in new] == [(action, result)], new
    return value, new[0]


def cli_error(result: Any, code: str, exit_code: int) -> str:
    """A CLI failure as the contract has it (spec/cli.md): the exit code, exactly
    ``{"error": {"code", "message"}}`` with ``code``, a message and no traceback on either
    stream. Returns the message for the caller's own checks."""
    assert result.code == exit_code, (result.out, result.err)
    payload = result.json
    assert set(payload) == {"error"} and set(payload["error"]) == {"code", "message"}, payload
    assert payload["error"]["code"] == code, payload
    message = str(payload["error"]["message"])
    assert message and "Traceback" not in result.out + result.err, result
    return message


def shannon_entropy(data: bytes) -> float:
    counts = Counter(data)
    total = len(data)
    return -sum(c / total * math.log2(c / total) for c in counts.values())


def markers(text: str) -> list[bytes]:
    """The byte patterns under which ``text`` could appear on disk."""
    return [
        text.encode("ascii"),
        text.encode("utf-16-le"),
        text.encode("utf-16-be"),
        json.dumps(text).encode("ascii"),
    ]


def files_containing(root: Path, patterns: list[bytes]) -> list[str]:
    hits = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if any(p in data for p in patterns):
            hits.append(str(path))
    return hits


def run_python(
    *argv: str,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    check: bool = False,
) -> subprocess.CompletedProcess[str]:
    """``python ARGV`` (``-c SCRIPT …``, ``-m MODULE …``) in a child process started in the
    repository, its output captured as text; ``env`` is the child's whole environment (None:
    this process's)."""
    return subprocess.run(
        [sys.executable, *argv],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=timeout,
        check=check,
    )


def run_module(
    args: list[str],
    *,
    stdin: str = "",
    env_extra: dict[str, str] | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """``python -m desktop_app ARGS`` in a child process (real keyring selection, real exit)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON_KEYRING")}
    env.update(env_extra or {})
    return run_python("-m", "desktop_app", *args, stdin=stdin, env=env, timeout=timeout)


def request_add_argv(
    subject: str, v_number: str, purpose: str = "asylum", *, received: str | None = None
) -> tuple[str, ...]:
    """``request add`` with its three required options (and ``--received``), as a CLI runner
    takes it."""
    argv = ("request", "add", "--subject-name", subject, "--v-number", v_number)
    return (*argv, "--purpose", purpose, *(("--received", received) if received else ()))


def report_text(subject: str, *findings: str, conclusion: str = "Geen bezwaar bekend.") -> str:
    """A version text in the structured form (domain.report_content.render) with every finding
    marked reliable: what submit and sign accept (art. 2.4). Tests about the workflow use it
    instead of a free text, which may only be drafted and printed as CONCEPT."""
    from desktop_app.domain.report_content import Finding, Reliability, ReportContent, render

    return render(
        ReportContent(
            subject=subject,
            occasion="Verzoek van de IND.",
            findings=tuple(Finding(f, Reliability.RELIABLE) for f in findings or ("Geen.",)),
            conclusion=conclusion,
        )
    )


@contextlib.contextmanager
def os_zone(name: str) -> Iterator[None]:
    """The process's own time zone set to ``name`` (TZ + tzset), restored afterwards: what is
    shown and printed must not follow it (domain/timefmt)."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()
