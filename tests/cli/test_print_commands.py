"""CLI contract for ``report print`` (and the extensions ``report prints`` and ``signing
show|create|import|function``): files, permissions, copy numbers and marking as a reader of the
PDF sees them, drafts, refusals as error objects."""

from __future__ import annotations

import datetime as dt
import io
import stat
from pathlib import Path
from typing import Any

import pypdf
import pytest

from desktop_app.security import pki
from tests.services.test_printing_support import (
    ARABIC,
    CYRILLIC,
    SIGNER_FULL_NAME,
    make_report,
    nfkc,
)


def _texts(path: Path) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages]


def test_print_three_signed_copies(as_print_staff: Any, workspace: Any, tmp_path: Path) -> None:
    rid = make_report(workspace, upto="signed")
    out = tmp_path / "uit"
    result = as_print_staff(
        "tekenaar", "report", "print", str(rid), "--copies", "3", "--out", str(out)
    )
    assert result.code == 0, result.out
    files = [Path(f) for f in result.json["files"]]
    assert len(files) == 3 and result.json["signed"] is True
    assert sorted(out.iterdir()) == sorted(files)
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for number, path in enumerate(files, start=1):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        texts = _texts(path)
        assert f"exemplaar {number} van 3" in texts[0]
        for text in texts:
            assert text.count("STG. GEHEIM") >= 2, "the marking at the top and bottom"
            assert f"exemplaar {number} van 3" in text  # in every page's footer
        whole = nfkc("\n".join(texts))
        assert CYRILLIC in whole and ARABIC in whole and SIGNER_FULL_NAME in whole


def test_print_a_draft_gives_one_concept(
    as_print_staff: Any, workspace: Any, tmp_path: Path
) -> None:
    rid = make_report(workspace, upto="draft")
    result = as_print_staff(
        "officier", "report", "print", str(rid), "--copies", "2", "--out", str(tmp_path / "c")
    )
    assert result.code == 0
    assert result.json["draft"] is True and len(result.json["files"]) == 1
    texts = _texts(Path(result.json["files"][0]))
    assert all("CONCEPT" in t for t in texts)


def test_print_human_output(as_print_staff: Any, workspace: Any, tmp_path: Path) -> None:
    rid = make_report(workspace, upto="signed")
    result = as_print_staff(
        "tekenaar", "report", "print", str(rid), "--out", str(tmp_path / "h"), json_mode=False
    )
    assert result.code == 0
    assert "1 ondertekende exemplaren" in result.out and "exemplaar-1-van-1.pdf" in result.out


@pytest.mark.parametrize(
    ("user", "code", "exit_code"),
    [
        ("liaison", "forbidden", 1),
        ("beheer", "forbidden", 1),
        ("laag", "forbidden", 1),
    ],
)
def test_print_refused(
    as_print_staff: Any, workspace: Any, tmp_path: Path, user: str, code: str, exit_code: int
) -> None:
    rid = make_report(workspace, upto="signed")
    result = as_print_staff(user, "report", "print", str(rid), "--out", str(tmp_path / "x"))
    assert result.code == exit_code
    assert result.json["error"]["code"] == code
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--copies", "0"], "invalid_input"),
        (["--copies", "drie"], "invalid_input"),
        ([], "invalid_input"),  # --out is required
    ],
)
def test_print_bad_input(
    as_print_staff: Any, workspace: Any, tmp_path: Path, args: list[str], code: str
) -> None:
    rid = make_report(workspace, upto="signed")
    out = ["--out", str(tmp_path / "o")] if args else []
    result = as_print_staff("tekenaar", "report", "print", str(rid), *args, *out)
    assert result.code == 2 and result.json["error"]["code"] == code


def test_print_unknown_report_and_existing_files(
    as_print_staff: Any, workspace: Any, tmp_path: Path
) -> None:
    missing = as_print_staff("officier", "report", "print", "404", "--out", str(tmp_path / "o"))
    assert missing.code == 2 and missing.json["error"]["code"] == "not_found"
    rid = make_report(workspace, upto="signed")
    first = as_print_staff("tekenaar", "report", "print", str(rid), "--out", str(tmp_path / "o"))
    assert first.code == 0
    # The next copy is number 2 (numbers continue over jobs): a file already has its name.
    printed = Path(first.json["files"][0])
    assert printed.name.endswith("exemplaar-1-van-1.pdf")
    next_name = printed.name.replace("exemplaar-1-van-1", "exemplaar-2-van-2")
    (printed.parent / next_name).write_bytes(b"iets anders")
    again = as_print_staff("tekenaar", "report", "print", str(rid), "--out", str(tmp_path / "o"))
    assert again.code == 2 and again.json["error"]["code"] == "invalid_input"


def test_print_register_listing(as_print_staff: Any, workspace: Any, tmp_path: Path) -> None:
    rid = make_report(workspace, upto="signed")
    as_print_staff(
        "tekenaar", "report", "print", str(rid), "--copies", "2", "--out", str(tmp_path / "o")
    )
    result = as_print_staff("officier", "report", "prints", str(rid))
    assert result.code == 0
    assert [(i["copy"], i["total"], i["printed_by"]) for i in result.json["items"]] == [
        (1, 2, "tekenaar"),
        (2, 2, "tekenaar"),
    ]


def test_signing_show_create_import_function(
    as_print_staff: Any, workspace: Any, tmp_path: Path
) -> None:
    assert as_print_staff("beheer", "signing", "show").json == {"key": None}
    created = as_print_staff("beheer", "signing", "create")
    assert created.code == 0 and created.json["key"]["origin"] == "workstation"
    assert (workspace.root / "trust-roots.pem").is_file()
    org = pki.create_workstation_pki(
        "Organisatie", workspace.env.clock.now() - dt.timedelta(days=1)
    )
    p12 = tmp_path / "org.p12"
    p12.write_bytes(pki.export_pkcs12(org.signing, b"p12-wachtwoord"))
    wrong = as_print_staff("beheer", "signing", "import", str(p12), extra=["fout"])
    assert wrong.code == 2 and wrong.json["error"]["code"] == "invalid_input"
    refused = as_print_staff("officier", "signing", "import", str(p12), extra=["p12-wachtwoord"])
    assert refused.code == 1 and refused.json["error"]["code"] == "forbidden"
    imported = as_print_staff("beheer", "signing", "import", str(p12), extra=["p12-wachtwoord"])
    assert imported.code == 0 and imported.json["key"]["origin"] == "organisation"
    shown = as_print_staff("tekenaar", "signing", "show").json["key"]
    assert shown["sha256_fingerprint"] == imported.json["key"]["sha256_fingerprint"]
    assert len(shown["trust_roots"]) == 2
    function = as_print_staff(
        "beheer", "signing", "function", "tekenaar", "--function", "directeur Inlichtingen"
    )
    assert function.json == {"name": "tekenaar", "function": "directeur Inlichtingen"}
    rid = make_report(workspace, upto="signed")
    printed = as_print_staff("tekenaar", "report", "print", str(rid), "--out", str(tmp_path / "o"))
    assert "directeur Inlichtingen" in "\n".join(_texts(Path(printed.json["files"][0])))
