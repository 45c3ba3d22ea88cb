"""Screenshots of the Ambtsberichten section on a throwaway demo workspace:

    xvfb-run -a -s "-screen 0 1400x900x24" \
        .venv/bin/python -m tools.screenshots.reports OUT

Builds two fictitious reports through the services (one sent back with annotations, one
revised and in review again), signs in through the real sign-in dialog and saves
report-editor.png (the officer's editor with a warning), report-review.png (the liaison's
view with annotations) and report-diff.png (two versions side by side) in OUT."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from desktop_app.demo import create_demo_workspace
from desktop_app.domain.report_content import Finding, Reliability, ReportContent, render
from desktop_app.gui.reports.page import ReportsPage
from desktop_app.services import reports
from desktop_app.services.session import Environment
from desktop_app.services.workspace import open_session
from tools.screenshots.shots import PASSWORDS, demo_session, settle, shoot

OCCASION = (
    "Verzoek van de IND van 28 oktober (kenmerk IND-DEMO/0042) om naslag in het kader "
    "van een aanvraag om een verblijfsvergunning."
)


def _content(today: dt.date, *, second_text: str, conclusion: str) -> ReportContent:
    return ReportContent(
        subject="Betrokkene J. de Vries (fictief), aanvraag verblijfsvergunning",
        occasion=OCCASION,
        findings=(
            Finding(
                "Betrokkene heeft in de periode 2019–2021 contact onderhouden met een "
                "persoon die bij de dienst bekend is vanwege heimelijke activiteiten voor "
                "een buitenlandse inlichtingendienst.",
                Reliability.RELIABLE,
                data_date=dt.date(2021, 6, 30),
            ),
            Finding(
                second_text,
                Reliability.FAIRLY_RELIABLE,
                data_date=today.replace(year=today.year - 14, month=9, day=1),
            ),
            Finding(
                "Betrokkene heeft bij de grensovergang valse gegevens over het doel van "
                "zijn reis verstrekt.",
                source_reference="DOC-DEMO-0457",
                data_date=today - dt.timedelta(days=400),
            ),
        ),
        conclusion=conclusion,
    )


def build(env: Environment, root: Path) -> None:
    create_demo_workspace(env, root, kdf_profile="test")
    today = env.clock.today()
    first = "Betrokkene was bestuurslid van een stichting die als dekmantel diende voor werving."
    v1 = render(
        _content(
            today,
            second_text=first,
            conclusion="Er bestaan aanwijzingen dat betrokkene een gevaar vormt "
            "voor de nationale veiligheid.",
        )
    )
    v2 = render(
        _content(
            today,
            second_text="Betrokkene was in die tijd betrokken bij een "
            "stichting; de rol van die stichting is niet vastgesteld.",
            conclusion="Er bestaan concrete aanwijzingen dat betrokkene een gevaar "
            "vormt voor de nationale veiligheid.",
        )
    )
    other = render(
        ReportContent(
            subject="Betrokkene K. Jansen (fictief), naturalisatieverzoek",
            occasion="Verzoek van de IND van 30 oktober (kenmerk IND-DEMO/0051).",
            findings=(
                Finding(
                    "Over betrokkene zijn bij de dienst geen gegevens bekend die van belang "
                    "zijn voor de beoordeling van het verzoek.",
                    Reliability.VERY_RELIABLE,
                ),
                Finding(
                    "Een naamgenoot van betrokkene kwam in 2011 voor in een onderzoek; het gaat "
                    "niet om dezelfde persoon.",
                    Reliability.UNKNOWN,
                    data_date=dt.date(2011, 3, 14),
                ),
            ),
            conclusion="Geen bezwaar bekend.",
        )
    )

    def session(name: str):  # type: ignore[no-untyped-def]
        return open_session(env, root, name, PASSWORDS[name])

    with session("officier") as s:
        a = int(reports.draft_report(s, text=v1).report.id)
        reports.submit_report(s, a)
        b = int(reports.draft_report(s, text=other, classification=None).report.id)
        reports.submit_report(s, b)
    with session("liaison") as s:
        reports.annotate(
            s,
            a,
            quote="stichting die als dekmantel diende voor werving",
            comment="Waar blijkt uit dat de stichting een dekmantel was?",
        )
        reports.annotate(
            s,
            a,
            quote="heimelijke activiteiten",
            comment="Kunt u aangeven om welke periode het gaat?",
        )
        reports.annotate(
            s,
            a,
            quote="een gevaar vormt voor de nationale veiligheid",
            comment="Graag concreter: welk gevaar?",
        )
        reports.give_verdict(
            s, a, usable=False, comment="De onderbouwing van bevinding 2 is te mager."
        )
        reports.annotate(
            s,
            b,
            quote="het gaat niet om dezelfde persoon",
            comment="Is dit relevant voor de IND? Anders weglaten.",
        )
        reports.give_verdict(s, b, usable=False, comment="Zie de opmerking bij bevinding 2.")
    with session("officier") as s:
        reports.revise_report(s, a, text=v2)
        reports.submit_report(s, a)
    with session("liaison") as s:
        reports.annotate(
            s, a, quote="de rol van die stichting is niet vastgesteld", comment="Duidelijk, dank u."
        )


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with demo_session(build) as shots:
        app = shots.app

        def sign_in(name: str) -> ReportsPage:
            page = shots.sign_in(name).show_section("reports")
            assert isinstance(page, ReportsPage)
            settle(app)
            return page

        page = sign_in("officier")
        # The report is in whichever of the officer's lists its state puts it (issue 12: back
        # with the officer after "aanpassing wenselijk").
        drafts, target = next(
            (work_list, r)
            for work_list in page.work_lists
            for r in page.rows_of(work_list)
            if r.title.startswith("Betrokkene K.")
        )
        page.list_tabs.setCurrentIndex(page.work_lists.index(drafts))
        page.tables[drafts].selectRow(page.models[drafts].row_of(int(target.id)) or 0)
        editor = page.detail.editor
        # The officer is answering the liaison: the second finding is being reworded.
        second = editor.findings[1]
        second.text_edit.setPlainText(
            "Een naamgenoot van betrokkene kwam in 2011 voor in een onderzoek van de dienst."
        )
        second.text_edit.setFocus()
        settle(app)
        editor.verticalScrollBar().setValue(second.y() - 6)
        shoot(page.window(), out / "report-editor.png")

        page = sign_in("liaison")
        review = next(
            r for r in page.rows_of(page.work_lists[0]) if r.title.startswith("Betrokkene J.")
        )
        page.tables[page.work_lists[0]].selectRow(
            page.models[page.work_lists[0]].row_of(int(review.id)) or 0
        )
        detail = page.detail
        notes = [n for n in detail.view.annotations if not n.outdated] if detail.view else []
        if notes:
            detail.annotations.select(notes[0].id)
            detail.reader.set_active(notes[0].id)
        # The liaison is selecting the next passage to comment on.
        text = detail.reader.text
        passage = "valse gegevens over het doel van zijn reis"
        if passage in text:
            start = text.index(passage)
            detail.reader.select_py(start, start + len(passage))
        detail.reader.verticalScrollBar().setValue(0)
        shoot(page.window(), out / "report-review.png")

        page = sign_in("officier")
        page.open_report(int(review.id))
        page.detail.tabs.setCurrentIndex(page.detail.TAB_COMPARE)
        settle(app)
        page.detail.compare.compare_button.click()
        settle(app)
        shoot(page.window(), out / "report-diff.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
