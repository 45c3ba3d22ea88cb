"""Issue 5 figures: printing an ambtsbericht through the service (render, sign, register, audit,
one transaction), for one 5-page copy and for 10 copies; the preview; verification."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path

import pypdf

from bench.common import Figure, median, timed
from desktop_app.domain import report_content as rc
from desktop_app.domain.classification import Classification, ClassificationDuration
from desktop_app.domain.clock import SystemClock
from desktop_app.domain.roles import Role
from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.services import marking, printing, reports, users, verification
from desktop_app.services.session import Environment
from desktop_app.services.workspace import init_workspace, open_session

PW = {
    "beheer": "bench-wachtwoord-1",
    "officier": "bench-officier-1",
    "tekenaar": "bench-tekenaar-1",
    "liaison": "bench-liaison-1",
}
TARGET_PAGES = 5


def _text(findings: int) -> str:
    return rc.render(
        rc.ReportContent(
            subject="Ambtsbericht inzake Иванов",
            occasion="Naar aanleiding van het verzoek van de IND van 3 februari.",
            findings=tuple(
                rc.Finding(
                    text=f"Bevinding {n}: betrokkene verbleef in de periode 2019–2023 in kringen "
                    "die aanleiding geven tot zorg over de nationale veiligheid. " * 6,
                    reliability=rc.Reliability.RELIABLE,
                    source_reference=f"DOC-2023-{n:03d}",
                    data_date=dt.date(2022, 5, 1),
                )
                for n in range(1, findings + 1)
            ),
            conclusion="Op grond van het bovenstaande is betrokkene een gevaar voor de nationale "
            "veiligheid.",
        )
    )


def _signed_report(env: Environment, root: Path, text: str) -> int:
    with open_session(env, root, "beheer", PW["beheer"]) as s:
        for name, role in (
            ("officier", Role.AIVD_OFFICER),
            ("tekenaar", Role.AIVD_SIGNER),
            ("liaison", Role.IND_LIAISON),
        ):
            users.add_user(
                s,
                name=name,
                password=PW[name],
                roles=[role],
                full_name=f"{name.title()} Bench",
                clearance=Classification.STG_GEHEIM,
            )
    with open_session(env, root, "officier", PW["officier"]) as s:
        rid = int(
            reports.draft_report(
                s,
                text=text,
                classification=Classification.STG_GEHEIM,
                # A final copy needs both (issue 14): how long the marking holds, and whom the
                # spontaneous report is about.
                duration=ClassificationDuration(until=dt.date(2046, 12, 31)),
                subject=marking.SubjectEntry("Olga Иванова", dt.date(1984, 6, 12), "1234567890"),
            ).report.id
        )
        reports.submit_report(s, rid)
    with open_session(env, root, "liaison", PW["liaison"]) as s:
        reports.give_verdict(s, rid, usable=True)
    with open_session(env, root, "tekenaar", PW["tekenaar"]) as s:
        reports.sign_report(s, rid, proof=s.sign_in_proof())
    return rid


def run() -> list[Figure]:
    env = Environment(MemorySecretProvider(), SystemClock(), "bench")
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ws"
        init_workspace(
            env, root, admin_name="beheer", admin_password=PW["beheer"], kdf_profile="test"
        )
        rid = _signed_report(env, root, _text(findings=13))
        with open_session(env, root, "tekenaar", PW["tekenaar"]) as s:
            first = printing.print_report(s, rid, copies=1)  # makes the key: not measured
            pages = len(pypdf.PdfReader(io.BytesIO(first.copies[0].pdf)).pages)
            one = timed(lambda: printing.print_report(s, rid, copies=1), repeat=7)
            figures.append(
                Figure(
                    f"print_1_copy_{pages}_pages_service",
                    median(one),
                    "ms",
                    target="<= 500 ms (render + sign + register + audit)",
                )
            )
            ten = timed(lambda: printing.print_report(s, rid, copies=10), repeat=3)
            figures.append(
                Figure(
                    f"print_10_copies_{pages}_pages_service", median(ten), "ms", target="<= 3000 ms"
                )
            )
            out = Path(tmp) / "out"
            counter = iter(range(100))
            files = timed(
                lambda: printing.print_report(s, rid, copies=10, out_dir=out / str(next(counter))),
                repeat=3,
            )
            figures.append(
                Figure(
                    "print_10_copies_to_files_service",
                    median(files),
                    "ms",
                    target="<= 3000 ms (incl. fsync per file)",
                )
            )
            preview = timed(lambda: printing.preview_report(s, rid, copies=3), repeat=5)
            figures.append(Figure("print_preview_render", median(preview), "ms"))
            data = first.copies[0].pdf
            verify = timed(lambda: verification.verify_registered(s, data), repeat=5)
            figures.append(Figure("verify_copy_with_register", median(verify), "ms"))
        if pages != TARGET_PAGES:
            figures.append(
                Figure(
                    "print_bench_pages_note",
                    pages,
                    "pages",
                    target=f"text sized for {TARGET_PAGES} pages",
                )
            )
    return figures


if __name__ == "__main__":
    from bench.common import print_table

    print_table(run())
