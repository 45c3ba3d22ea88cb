"""Screenshots of each role's dashboard (its work queues) and of the ambtsbericht editor, at the
smallest supported screen and a usual one (issue 12):

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tools.screenshots.queues OUT

Builds a few fictitious reports through the services (one returned with "aanpassing
wenselijk", one in review, one judged usable, an issued one for the inspector), locks one
account, and saves dashboard-<role>-<size>.png and editor-<size>.png in OUT for the sizes
1024x700 and 1400x900. The window is resized to the size itself, as a maximised window on such
a screen would be."""

from __future__ import annotations

import sys
import time
from contextlib import suppress
from pathlib import Path

from desktop_app.demo import create_demo_workspace
from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import AppError
from desktop_app.domain.roles import Role
from desktop_app.gui.reports.page import ReportsPage
from desktop_app.gui.requests.page import RequestsPage
from desktop_app.services import reports, users
from desktop_app.services.session import Environment
from desktop_app.services.workspace import open_session
from tools.screenshots.reports import _content
from tools.screenshots.shots import PASSWORDS, demo_session, settle, shoot

SIZES = ((1024, 700), (1400, 900))
ROLES = ("officier", "liaison", "tekenaar", "inspecteur", "beheer")


def build(env: Environment, root: Path) -> None:
    create_demo_workspace(env, root, kdf_profile="test")
    today = env.clock.today()
    from desktop_app.domain.report_content import render

    def text(second: str) -> str:
        return render(_content(today, second_text=second, conclusion="Geen bezwaar bekend."))

    def session(name: str):  # type: ignore[no-untyped-def]
        return open_session(env, root, name, PASSWORDS[name])

    with session("officier") as s:
        ids = [
            int(reports.draft_report(s, text=text(f"Bevinding {n}."), title=title).report.id)
            for n, title in enumerate(
                (
                    "Betrokkene A. Bakker (fictief)",
                    "Betrokkene B. Claes (fictief)",
                    "Betrokkene C. Dekker (fictief)",
                    "Betrokkene D. Evers (fictief)",
                ),
                start=1,
            )
        ]
        for rid in ids:
            reports.submit_report(s, rid)
    with session("liaison") as s:
        reports.give_verdict(s, ids[0], usable=False, comment="Graag de bron van bevinding 2.")
        reports.give_verdict(s, ids[2], usable=True)
        reports.give_verdict(s, ids[3], usable=True)
    with session("tekenaar") as s, suppress(AppError):
        # The demo text states a finding older than ten years: the signer's decision.
        reports.sign_report(
            s,
            ids[3],
            proof=s.sign_in_proof(),
            special_case_reason="Van belang voor de beoordeling; ouderdom vermeld.",
        )
        # A proof serves one step: issuing asks for the password again, as the window does.
        reports.issue_report(s, ids[3], proof=s.reauthenticate(PASSWORDS["tekenaar"]))
    # A locked account for the administrator's queue.
    with session("beheer") as s:
        users.add_user(
            s,
            name="vervanger",
            password="vervanger-demo-1",  # noqa: S106 (a demo account, like the README's)
            roles=[Role.AIVD_OFFICER],
            full_name="Vera Vervanger",
            clearance=Classification.STG_GEHEIM,
            initial_password=False,
        )
    for _ in range(3):
        with suppress(AppError):
            open_session(env, root, "vervanger", "niet-het-wachtwoord")


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with demo_session(build) as shots:
        app = shots.app
        for name in ROLES:
            window = shots.sign_in(name)
            for width, height in SIZES:
                window.resize(width, height)
                window.show_section("dashboard")
                settle(app)
                shoot(window, out / f"dashboard-{name}-{width}x{height}.png")
        window = shots.sign_in("officier")
        page = window.show_section("reports")
        assert isinstance(page, ReportsPage)
        page.start_new_report()
        editor = page.detail.editor
        editor.subject_edit.setText("Betrokkene E. Fictief, aanvraag naturalisatie")
        editor.add_finding()
        settle(app)
        for width, height in SIZES:
            window.resize(width, height)
            settle(app)
            # The first finding in view: its reliability and "remove" must fit beside the text.
            editor.verticalScrollBar().setValue(editor.findings[0].y() - 120)
            settle(app)
            shoot(window, out / f"editor-{width}x{height}.png")
        # The request list with its search field and a request's detail, at the small size.
        window.resize(*SIZES[0])
        requests = window.show_section("requests")
        assert isinstance(requests, RequestsPage)
        settle(app)
        requests.view.selectRow(0)
        settle(app)
        shoot(window, out / "requests-1024x700.png")
        # The print preview of the issued report, within the small screen.
        window = shots.sign_in("tekenaar")
        window.resize(*SIZES[0])
        page = window.show_section("reports")
        assert isinstance(page, ReportsPage)
        issued = [r for rows in (page.rows_of(w) for w in page.work_lists) for r in rows]
        signed = [r for r in issued if r.status.value in ("signed", "issued")]
        if signed:
            page.open_report(int(signed[0].id))
            settle(app)
            preview = page.detail.open_print_preview()
            if preview is not None:
                deadline = time.monotonic() + 5
                while time.monotonic() < deadline and not getattr(preview, "page_count", int)():
                    settle(app)
                    time.sleep(0.05)
                settle(app, 20)
                shoot(preview, out / "preview-1024x700.png")
                preview.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
