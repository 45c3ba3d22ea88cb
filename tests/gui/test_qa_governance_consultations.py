"""QA walk of Overleg (art. 3.2) at 1024x700 and 1400x900: the dialog that records a
consultation stays on the screen after a refusal, an action point's due date may be typed the
way the window shows dates, and the action point's description can be read in the table."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt

from desktop_app.gui.consultations import ConsultationsPage
from desktop_app.services import consultations as consultation_service
from tests.gui.gui_support import PASSWORDS, section

LONG_ACTION = "Werkinstructie voor uitstelberichten herzien en verspreiden onder alle behandelaars"


def _record(staff: Any, *, with_action: bool) -> None:
    """A consultation held today over the last thirty days (with one long action point)."""
    with staff.session("liaison", PASSWORDS["liaison"]) as session:
        today = session.clock.today()
        due = today + dt.timedelta(days=30)
        consultation_service.record_consultation(
            session,
            held_on=today,
            period_from=today - dt.timedelta(days=30),
            period_to=today - dt.timedelta(days=1),
            participants=[("aivd", "Teun Tekenaar", None), ("ind", "Marieke van Dam", None)],
            decisions="",
            actions=[(LONG_ACTION, "Olga Officier", due)] if with_action else [],
            as_of=None,
        )


def consultations_page(window: Any) -> ConsultationsPage:
    return section(window, "consultations", ConsultationsPage)


def test_the_dialog_stays_on_a_1024x700_screen_after_a_refusal(window_of: Any, qtbot: Any) -> None:
    """QA: a refused action point line grew the dialog to its size hint, 1100 pixels tall (four
    text fields of 190 pixels each): 'Vastleggen' went off the screen."""
    window = window_of("liaison")
    window.resize(1024, 700)
    window.show()
    page = consultations_page(window)
    dialog = page.open_add_dialog()
    qtbot.waitExposed(dialog)
    dialog.aivd_edit.setPlainText("Teun Tekenaar | plv. directeur-generaal\nOlga Officier")
    dialog.ind_edit.setPlainText("Marieke van Dam | directeur Unit Veiligheidszaken")
    dialog.decisions_edit.setPlainText("De termijnrapportage komt voortaan maandelijks.")
    dialog.actions_edit.setPlainText("Werkinstructie herzien | Olga Officier | volgende week")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isVisible() and "regel 1" in dialog.error_label.text()
    assert dialog.height() <= 700 - 60
    bottom = dialog.ok_button.mapTo(dialog, QPoint(0, dialog.ok_button.height()))
    assert bottom.y() <= dialog.height()
    dialog.reject()


@pytest.mark.parametrize("typed", ["15-01-2027", "2027-01-15", "15-1-2027"])
def test_a_due_date_is_taken_as_the_window_shows_dates(window_of: Any, typed: str) -> None:
    """The table shows '15-01-2027'; typing it that way was refused (only JJJJ-MM-DD)."""
    page = consultations_page(window_of("liaison"))
    dialog = page.open_add_dialog()
    dialog.actions_edit.setPlainText(f"Werkinstructie herzien | Olga Officier | {typed}")
    assert dialog.value().actions == (
        ("Werkinstructie herzien", "Olga Officier", dt.date(2027, 1, 15)),
    )
    dialog.reject()


@pytest.mark.parametrize("size", [(1024, 700), (1400, 900)])
def test_an_action_points_description_can_be_read(
    staff: Any, window_of: Any, qtbot: Any, size: tuple[int, int]
) -> None:
    """QA: at 1024x700 the description column of the action points shrank to 'Werki…'."""
    _record(staff, with_action=True)
    window = window_of("liaison")
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    page = consultations_page(window)
    page.list_table.selectRow(0)
    qtbot.wait(10)
    table = page.actions_table
    assert table.rowCount() == 1
    width = table.columnWidth(1)
    metrics = table.fontMetrics()
    needed = metrics.boundingRect(
        QRect(0, 0, width - 8, 10_000), int(Qt.TextFlag.TextWordWrap), LONG_ACTION
    )
    longest_word = max(metrics.horizontalAdvance(w) for w in LONG_ACTION.split())
    assert width - 8 >= longest_word  # no word cut
    assert table.wordWrap() and table.rowHeight(0) >= needed.height()  # every line shown


def test_at_1400_the_period_in_the_list_is_on_one_line(
    staff: Any, window_of: Any, qtbot: Any
) -> None:
    _record(staff, with_action=False)
    window = window_of("liaison")
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    page = consultations_page(window)
    qtbot.wait(10)
    table = page.list_table
    text = table.item(0, 1).text()
    assert table.columnWidth(1) - 8 >= table.fontMetrics().horizontalAdvance(text)
