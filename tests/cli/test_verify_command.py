"""CLI contract for ``report verify FILE``: always the full verdict object, exit 4 when not
valid, no sign-in needed (``--user`` adds the print register), never a traceback."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.reporting import sign_pdf
from desktop_app.security import pki
from desktop_app.services import printing
from tests.services.test_printing_support import (
    SIGNER_FULL_NAME,
    add_staff,
    make_report,
    password,
    tamper_one_byte,
)
from tests.support.helpers import VERIFY_KEYS, run_module


@pytest.fixture
def printed(workspace: Any, tmp_path: Path) -> dict[str, Path]:
    """A signed copy (2 of 2), a concept print, and damaged variants of the copy."""
    add_staff(workspace)
    signed = make_report(workspace, upto="signed")
    draft = make_report(workspace, upto="draft")
    with workspace.session("tekenaar", password("tekenaar")) as s:
        job = printing.print_report(s, signed, copies=2, out_dir=tmp_path / "o")
        concept = printing.print_report(s, draft, copies=1, out_dir=tmp_path / "c")
        preview = printing.preview_report(s, signed, copies=1)
    good = Path(job.files[1])
    data = good.read_bytes()
    files = {"good": good, "concept": Path(concept.files[0])}
    variants = {
        "tampered": tamper_one_byte(data),
        "truncated": data[: len(data) // 2],
        "not_pdf": b"Dit is een tekstbestand en geen PDF.\n",
        "appended": data + b"\n% toegevoegd na ondertekening\n",
    }
    foreign = pki.create_workstation_pki(
        "Elders", workspace.env.clock.now() - dt.timedelta(hours=1)
    )
    variants["foreign"] = sign_pdf(preview.pdf, foreign.signing, workspace.env.clock.now())
    for name, content in variants.items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(content)
        files[name] = path
    files["missing"] = tmp_path / "bestaat-niet.pdf"
    files["preview"] = tmp_path / "voorbeeld-ongetekend.pdf"
    files["preview"].write_bytes(preview.pdf)
    return files


def _verify(as_user: Any, path: Path, user: str | None = None) -> Any:
    secrets = [password(user)] if user else []
    return as_user(user, "report", "verify", str(path), secrets=secrets)


def test_good_copy_without_sign_in(as_user: Any, printed: dict[str, Path]) -> None:
    result = _verify(as_user, printed["good"])
    assert result.code == 0
    verdict = result.json
    assert set(verdict) >= VERIFY_KEYS
    assert verdict["valid"] is True and verdict["intact"] is True
    assert verdict["signer"] == SIGNER_FULL_NAME
    assert verdict["reference"].startswith("AB-")
    assert verdict["copy"] == {"number": 2, "total": 2}
    assert verdict["registered"] is None  # no sign-in: the register was not consulted
    assert result.err == ""


def test_good_copy_with_user_checks_the_register(as_user: Any, printed: dict[str, Path]) -> None:
    for user in ("officier", "beheer", "liaison"):
        result = _verify(as_user, printed["good"], user)
        assert result.code == 0, user
        assert result.json["valid"] is True and result.json["registered"] is True


# Name of the file and the expected "intact" (None: either is an honest answer).
BAD = [
    ("tampered", False),
    ("truncated", False),
    ("not_pdf", False),
    ("concept", False),
    ("foreign", True),
    ("missing", False),
    ("appended", None),
]


def test_bad_files_give_the_full_verdict_and_exit_4(as_user: Any, printed: dict[str, Path]) -> None:
    for name, intact in BAD:
        result = _verify(as_user, printed[name])
        assert result.code == 4, (name, result.out)
        verdict = result.json
        assert set(verdict) >= VERIFY_KEYS and "error" not in verdict, name
        assert verdict["valid"] is False and verdict["reason"], name
        if intact is not None:
            assert verdict["intact"] is intact, name
        assert verdict["registered"] is None, name
        assert "Traceback" not in result.out + result.err


def test_bad_files_with_user(as_user: Any, printed: dict[str, Path]) -> None:
    tampered = _verify(as_user, printed["tampered"], "officier")
    assert tampered.code == 4 and tampered.json["registered"] is False
    concept = _verify(as_user, printed["concept"], "officier")
    # A concept print is registered but carries no signature: not valid.
    assert concept.code == 4 and concept.json["registered"] is True


def test_wrong_password_is_an_auth_error(as_user: Any, printed: dict[str, Path]) -> None:
    result = as_user("officier", "report", "verify", str(printed["good"]), secrets=["fout"])
    assert result.code == 3 and result.json["error"]["code"] == "auth_failed"


def test_human_output(as_user: Any, printed: dict[str, Path]) -> None:
    good = as_user(None, "report", "verify", str(printed["good"]), json_mode=False)
    assert good.code == 0 and good.out.startswith("GELDIG:")
    bad = as_user(None, "report", "verify", str(printed["tampered"]), json_mode=False)
    assert bad.code == 4 and bad.out.startswith("NIET GELDIG:")


def test_real_process_keeps_stderr_clean(workspace: Any, printed: dict[str, Path]) -> None:
    # Only files whose verdict does not depend on the real date (the process has no fixed clock).
    for name, code in (("foreign", 4), ("truncated", 4)):
        result = run_module(
            ["--json", "--data-dir", str(workspace.root), "report", "verify", str(printed[name])]
        )
        assert result.returncode == code, result.stdout
        assert set(json.loads(result.stdout)) >= VERIFY_KEYS
        assert result.stderr == ""


# -- trust, long-term validity and the verdict's fields (issue 15 §5) --------------------------


def test_an_appended_ca_makes_a_same_name_forgery_not_valid(
    as_user: Any, workspace: Any, printed: dict[str, Path], tmp_path: Path
) -> None:
    with workspace.session("tekenaar", password("tekenaar")) as s:
        workstation = s.workstation_id
    own = pki.create_workstation_pki(workstation, workspace.env.clock.now() - dt.timedelta(hours=1))
    forged = tmp_path / "zelfde-naam.pdf"
    forged.write_bytes(
        sign_pdf(printed["preview"].read_bytes(), own.signing, workspace.env.clock.now())
    )
    with (workspace.root / "trust-roots.pem").open("ab") as fh:
        fh.write(pki.der_to_pem(own.ca.certificate))
    result = _verify(as_user, forged)
    assert result.code == 4
    assert result.json["valid"] is False and result.json["trust"] == "none"
    signed_in = _verify(as_user, forged, "officier")
    assert signed_in.code == 4 and signed_in.json["trust"] == "database"
    assert signed_in.json["registered"] is False


def test_verdict_fields_name_the_trust_the_signing_and_the_printing(
    as_user: Any, printed: dict[str, Path]
) -> None:
    alone = _verify(as_user, printed["good"]).json
    assert alone["trust"] == "workstation"
    assert alone["signed_by"] == SIGNER_FULL_NAME and alone["signed_at"]
    assert alone["printed_by"] == "tekenaar" and alone["printed_at"]
    assert alone["checked_at_source"] == "clock"
    registered = _verify(as_user, printed["good"], "liaison").json
    assert registered["trust"] == "database" and registered["checked_at_source"] == "register"
    for key in ("signed_by", "signed_at", "printed_by", "printed_at"):
        assert registered[key] == alone[key], key
    human = as_user(None, "report", "verify", str(printed["good"]), json_mode=False)
    assert human.code == 0


def test_six_years_on_only_the_register_proves_the_moment(
    as_user: Any, clock: Any, printed: dict[str, Path]
) -> None:
    clock.advance(dt.timedelta(days=6 * 366))
    alone = _verify(as_user, printed["good"])
    assert alone.code == 4 and "verlopen" in alone.json["reason"]
    registered = _verify(as_user, printed["good"], "officier")
    assert registered.code == 0 and registered.json["valid"] is True
    assert registered.json["checked_at_source"] == "register"
