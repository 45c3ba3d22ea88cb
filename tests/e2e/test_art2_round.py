"""The art. 2 round through real ``werkplek`` processes and a real GNOME Keyring: intake, the
ambtsbericht with the liaison's review and four-eyes signing, signed printing, the underlying
data and an inspection (art. 2.2-2.5), then the audit chain of all of it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
from support.sample_text import REPORT_TEXT

from tests.e2e.harness import Result, Workstation, finished
from tests.e2e.support import PASSWORDS, add_request, add_user, init_workspace


def test_art2_round_through_processes(workstation: Workstation, tmp_path: Path) -> None:
    ws, root = workstation, tmp_path / "werkplek"
    init_workspace(ws, root)
    for name in ("officier", "tekenaar", "liaison", "inspecteur"):
        add_user(ws, root, name)
    # The workstation secret and, beside it, the audit head anchored at sign-out (GNOME Keyring).
    assert ws.keyring_entries("workspace") == 1
    assert ws.keyring_entries("audit-head") == 1
    until = (dt.date.today() + dt.timedelta(days=365)).isoformat()
    designation = ws.run(
        "designate",
        "inspecteur",
        "--decision",
        "HD-IND 2026/14",
        "--until",
        until,
        data_dir=root,
        user="beheer",
        secrets_in=[PASSWORDS["beheer"]],
    ).ok()
    assert isinstance(designation["id"], int)

    def run(name: str, *args: str) -> Result:
        return ws.run(*args, data_dir=root, user=name, secrets_in=[PASSWORDS[name]])

    # Art. 2.2: the liaison registers the IND's request; ten working days (Atw: not King's Day,
    # Monday 27 April, nor 5 May).
    request = add_request(ws, root, "liaison").ok()
    assert request["deadline"] == "2026-05-11" and request["status"] == "received"
    listed = run("officier", "request", "list", "--search", "celik").ok()
    assert [item["id"] for item in listed["items"]] == [request["id"]]
    run("officier", "request", "start", str(request["id"])).ok()

    # Art. 2.3-2.4: draft, review with an annotation, verdict, four-eyes signing, issue.
    text_file = tmp_path / "bericht.txt"
    text_file.write_text(REPORT_TEXT, encoding="utf-8")
    draft = run(
        "officier",
        "report",
        "draft",
        "--request",
        str(request["id"]),
        "--text-file",
        str(text_file),
        "--classification",
        "stg_geheim",
        # VIR-BI: the classifier decides how long it holds (a final copy needs it).
        "--classification-until",
        "2040-12-31",
    ).ok()
    rid = str(draft["id"])
    assert (draft["version"], draft["status"]) == (1, "draft")
    assert run("officier", "report", "submit", rid).ok()["status"] == "in_review"
    note = run(
        "liaison", "review", "annotate", rid, "--quote", "buitenland", "--comment", "Welk land?"
    ).ok()
    assert note["version"] == 1 and REPORT_TEXT[note["start"] : note["end"]] == "buitenland"
    verdict = run("liaison", "review", "verdict", rid, "--usable").ok()
    assert verdict["status"] == "usable"
    # The author cannot sign (four eyes); the signer can.
    run("officier", "report", "sign", rid).error("forbidden", 1)
    signed = run("tekenaar", "report", "sign", rid).ok()
    assert signed["status"] == "signed" and len(signed["text_sha256"]) == 64

    # Art. 2.5's underlying data, added before issue, and the issue itself.
    source = tmp_path / "bron.txt"
    source.write_text("Notitie over bron A.\n", encoding="utf-8")
    item = run(
        "officier",
        "evidence",
        "add",
        "--report",
        rid,
        "--file",
        str(source),
        "--title",
        "Notitie A",
        "--classification",
        "stg_confidentieel",
    ).ok()
    issued = run("tekenaar", "report", "issue", rid).ok()
    assert issued["status"] == "issued"
    closed = run("officier", "request", "show", str(request["id"])).ok()
    assert closed["status"] == "closed_report_issued"
    shown = run("liaison", "report", "show", rid).ok()
    assert shown["status"] == "issued" and "buitenland" in shown["text"]

    # Signed printing and verification (with and without the print register).
    out = tmp_path / "afdrukken"
    printed = run("tekenaar", "report", "print", rid, "--copies", "2", "--out", str(out)).ok()
    files = [Path(f) for f in printed["files"]]
    assert len(files) == 2 and all(f.parent == out for f in files)
    page = pypdf.PdfReader(files[1]).pages[0].extract_text()
    assert "exemplaar 2 van 2" in page and "STG. GEHEIM" in page
    tampered = tmp_path / "gewijzigd.pdf"
    data = bytearray(files[0].read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    # Independent checks, side by side (the suite's time is mostly process start-up).
    checks = [
        ws.popen("report", "verify", str(files[1]), data_dir=root),
        ws.popen(
            "report",
            "verify",
            str(files[1]),
            data_dir=root,
            user="liaison",
            secrets_in=[PASSWORDS["liaison"]],
        ),
        ws.popen("report", "verify", str(tampered), data_dir=root),
        # The officier wrote it: not an inspector, refused and audited as such.
        ws.popen(
            "inspect",
            "start",
            "--report",
            rid,
            data_dir=root,
            user="officier",
            secrets_in=[PASSWORDS["officier"]],
        ),
    ]
    anyone, registered, altered, not_inspector = (finished(p) for p in checks)
    assert anyone.ok()["valid"] is True and anyone.json["intact"] is True
    assert anyone.json["copy"] == {"number": 2, "total": 2}
    assert registered.ok()["registered"] is True
    assert altered.code == 4 and altered.json["valid"] is False
    not_inspector.error("forbidden", 1)

    # Art. 2.5: the designated, uninvolved inspector; titles only on the command line.
    started = run("inspecteur", "inspect", "start", "--report", rid).ok()
    assert started["items"] == [
        {"id": item["id"], "title": "Notitie A", "classification": "stg_confidentieel"}
    ]
    ended = run("inspecteur", "inspect", "end", str(started["session"])).ok()
    assert ended["session"] == started["session"] and ended["viewed"] == []

    # Everything above is in one intact hash chain, with the processes as actors.
    admin = [PASSWORDS["beheer"]]
    verifying = ws.popen("audit", "verify", data_dir=root, user="beheer", secrets_in=admin)
    listing = ws.popen(
        "audit", "list", "--limit", "1000", data_dir=root, user="beheer", secrets_in=admin
    )
    verified = finished(verifying).ok()
    assert verified["ok"] is True and verified["entries"] > 30
    actions = {(e["actor"], e["action"]) for e in finished(listing).ok()["items"]}
    for expected in [
        ("liaison", "request.add"),
        ("officier", "report.draft"),
        ("tekenaar", "report.sign"),
        ("inspecteur", "session.signin"),
        ("officier", "inspection.start"),
    ]:
        assert expected in actions, (expected, sorted(actions))
