"""A screenshot of the inspection window for the documentation (developer tool):

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.screenshots.inspection OUT.png

Builds a throw-away workspace (fast test KDF, in-memory keyring, fixed clock) with an issued
report and two items, opens the window as a designated inspector, and saves the window showing
the image item above the window showing the text item, in one PNG.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter, QPolygonF
from PySide6.QtWidgets import QApplication
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from desktop_app.domain.classification import Classification
from desktop_app.domain.clock import FixedClock
from desktop_app.domain.report_content import Finding, Reliability, ReportContent, render
from desktop_app.domain.roles import Role
from desktop_app.gui.inspection.window import InspectionWindow
from desktop_app.gui.style import apply_style
from desktop_app.gui.tasks import TaskRunner
from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.services import evidence, inspections, reports, users
from desktop_app.services.session import Environment
from desktop_app.services.workspace import init_workspace, open_session

NOTE = """Verslag observatie, 12 oktober 2026

Betrokkene werd om 14.32 uur waargenomen bij het pand aan de Havenstraat. Hij kwam aan in een
donkerblauwe personenauto en verliet het pand na ongeveer twintig minuten.

Betrouwbaarheid: de waarneming is rechtstreeks gedaan door twee medewerkers (hoog).
Bron: eigen waarneming AIVD, dossier OBS-2026-0412.

Opmerking: de foto in dit dossier is tijdens dezelfde observatie gemaakt.
"""


def _password(name: str) -> str:
    """Throw-away accounts in a throw-away workspace."""
    return f"{name}-wachtwoord"


def _photo() -> bytes:
    image = QImage(1200, 800, QImage.Format.Format_RGB32)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    sky = QLinearGradient(0, 0, 0, 520)
    sky.setColorAt(0, QColor(120, 160, 205))
    sky.setColorAt(1, QColor(215, 228, 240))
    p.fillRect(QRectF(0, 0, 1200, 520), sky)
    p.fillRect(QRectF(0, 520, 1200, 280), QColor(110, 110, 112))
    for x, w, h, shade in (
        (60, 260, 330, 150),
        (340, 300, 420, 120),
        (660, 220, 300, 165),
        (900, 260, 380, 135),
    ):
        p.fillRect(QRectF(x, 520 - h, w, h), QColor(shade, shade - 20, shade - 35))
        for wy in range(int(540 - h), 500, 60):
            for wx in range(x + 20, x + w - 30, 55):
                p.fillRect(QRectF(wx, wy, 30, 34), QColor(235, 225, 170))
    p.fillRect(QRectF(420, 430, 70, 90), QColor(70, 50, 35))  # the door
    p.setBrush(QColor(25, 40, 90))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawPolygon(
        QPolygonF(
            [
                QPointF(520, 640),
                QPointF(560, 585),
                QPointF(700, 585),
                QPointF(750, 640),
                QPointF(780, 645),
                QPointF(780, 690),
                QPointF(500, 690),
                QPointF(500, 645),
            ]
        )
    )
    p.setBrush(QColor(20, 20, 20))
    for cx in (565, 715):
        p.drawEllipse(QPointF(cx, 690), 26, 26)
    p.setPen(QColor(255, 255, 255))
    font = QFont("DejaVu Sans", 22)
    font.setBold(True)
    p.setFont(font)
    p.drawText(
        QRectF(20, 740, 1160, 50),
        int(Qt.AlignmentFlag.AlignRight),
        "OBS-2026-0412 · 12-10-2026 14:32",
    )
    p.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 6.12 refuses the b"PNG" its stubs ask for and takes the str.
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(QByteArray(buffer.data()).data())


def _report_pdf() -> bytes:
    """A fictitious three-page record, to show the page bar (page x of 3, zoom)."""
    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=A4)
    for number in range(1, 4):
        sheet.setFont("Helvetica-Bold", 16)
        sheet.drawString(72, 770, "Proces-verbaal van bevindingen (fictief)")
        sheet.setFont("Helvetica", 11)
        for line in range(30):
            sheet.drawString(72, 730 - 18 * line, f"Pagina {number}, regel {line + 1}: waarneming.")
        sheet.showPage()
    sheet.save()
    return out.getvalue()


def _workspace(root: Path) -> tuple[Environment, int]:
    clock = FixedClock(dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC))
    env = Environment(provider=MemorySecretProvider(), clock=clock, origin="screenshot")
    init_workspace(
        env,
        root,
        admin_name="beheer",
        admin_password=_password("beheer"),
        full_name="B. Beheerder",
        location="aivd",
        kdf_profile="test",
    )
    staff = {
        "officier": ({Role.AIVD_OFFICER}, Classification.STG_GEHEIM, "Olga Officier"),
        "tekenaar": ({Role.AIVD_SIGNER}, Classification.STG_ZEER_GEHEIM, "Teun Tekenaar"),
        "liaison": ({Role.IND_LIAISON}, Classification.STG_GEHEIM, "Lotte Liaison"),
        "inspecteur": ({Role.IND_INSPECTOR}, Classification.STG_GEHEIM, "Ivo de Inspecteur"),
    }
    with open_session(env, root, "beheer", _password("beheer")) as s:
        for name, (roles, clearance, full_name) in staff.items():
            users.add_user(
                s,
                name=name,
                password=_password(name),
                roles=roles,
                full_name=full_name,
                clearance=clearance,
            )
        users.designate(
            s, name="inspecteur", decision_ref="HD-IND 2026/017", valid_from=dt.date(2026, 1, 1)
        )

    def session(name: str):  # type: ignore[no-untyped-def]
        return open_session(env, root, name, _password(name))

    with session("officier") as s:
        text = render(
            ReportContent(
                subject="Betrokkene J. Jansen (fictief)",
                occasion="Verzoek van de IND van 28 oktober (kenmerk IND-DEMO/0042).",
                findings=(
                    Finding(
                        "Betrokkene werd op 12 oktober waargenomen bij een pand aan de "
                        "Havenstraat.",
                        Reliability.RELIABLE,
                        data_date=dt.date(2026, 10, 12),
                    ),
                ),
                conclusion="Geen bezwaar bekend.",
            )
        )
        rid = reports.draft_report(s, text=text, title="Ambtsbericht inzake J. Jansen").report.id
        evidence.add_evidence(
            s,
            rid,
            source=_photo(),
            title="Foto observatie Havenstraat",
            classification=Classification.STG_GEHEIM,
            source_note="Eigen waarneming",
            data_date=dt.date(2026, 10, 12),
        )
        evidence.add_evidence(
            s,
            rid,
            source=NOTE.encode(),
            title="Verslag observatie",
            source_note="Dossier OBS-2026-0412",
            data_date=dt.date(2026, 10, 12),
        )
        evidence.add_evidence(
            s,
            rid,
            source=_report_pdf(),
            title="Proces-verbaal van bevindingen",
            source_note="Dossier OBS-2026-0412",
            data_date=dt.date(2026, 10, 13),
        )
        evidence.add_evidence(s, rid, source=b"\x00\x01export", title="Export telefoon")
        reports.submit_report(s, rid)
    with session("liaison") as s:
        reports.give_verdict(s, rid, usable=True)
    with session("tekenaar") as s:
        reports.sign_report(s, rid, proof=s.sign_in_proof())
        # A proof serves one step: issuing asks for the password again, as the window does.
        reports.issue_report(s, rid, proof=s.reauthenticate(_password("tekenaar")))
    clock.advance(dt.timedelta(minutes=17))
    return env, int(rid)


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_style(app)
    with tempfile.TemporaryDirectory() as tmp:
        env, rid = _workspace(Path(tmp) / "ws")
        with open_session(env, Path(tmp) / "ws", "inspecteur", _password("inspecteur")) as s:
            runner = TaskRunner(synchronous=True)
            window = InspectionWindow(s, inspections.start_inspection(s, rid), runner=runner)
            window.resize(1400, 860)
            window.show()
            shots = []
            for item in window.started.items[:3:2]:  # the photo, then the PDF with its bar
                window.select_item(item.id)
                app.processEvents()
                if item is window.started.items[2]:
                    # Half a minute before idle time ends the session: the warning shows.
                    minutes = window.started.idle_minutes
                    env.clock.advance(dt.timedelta(minutes=minutes, seconds=-30))  # type: ignore[attr-defined]
                    window.tick()
                    app.processEvents()
                shots.append(window.grab().toImage())
            window.end_inspection()
    width = max(i.width() for i in shots)
    combined = QImage(width, sum(i.height() for i in shots) + 12, QImage.Format.Format_RGB32)
    combined.fill(QColor(60, 60, 60))
    painter = QPainter(combined)
    y = 0
    for shot in shots:
        painter.drawImage(0, y, shot)
        y += shot.height() + 12
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    combined.save(str(out))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/inspection.png"))
