"""The detail of one request beside the list: its data, its deadline in words, the delay notice,
and the steps the signed-in person may take now (start, notify the liaison of a delay, close
without an ambtsbericht, draft the ambtsbericht)."""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import timefmt
from desktop_app.domain.actions import RequestStep
from desktop_app.domain.requests import DashboardBucket
from desktop_app.gui.actions import show_permission
from desktop_app.gui.dialogs import run_on_submit
from desktop_app.gui.pages import keep_focus_in_view, push_button, wipe_dialog, wrapped_label
from desktop_app.gui.requests import api
from desktop_app.gui.requests.dialogs import CloseRequestDialog, DelayNoticeDialog
from desktop_app.gui.requests.labels import (
    BUCKET_COLOURS,
    day_text,
    long_day_text,
    prose_day_text,
    purpose_label,
    short_day_text,
    status_label,
)
from desktop_app.gui.requests.models import DeadlineContext, signal_text
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services.permissions import Step, request_actions, user_actions
from desktop_app.services.session import Session


class RequestDetail(QWidget):
    changed = Signal(int)  # a request changed (its id): the list shows it again
    draft_report_requested = Signal(int)

    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestDetail")
        self.session = session
        self.runner = runner
        self.handler = user_actions(session).may(Step.HANDLE_REQUESTS)
        self.record: Any | None = None
        self.context: DeadlineContext | None = None
        self.last_dialog: Any | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(self)
        outer.addWidget(self.pages)
        self.empty_label = wrapped_label(
            self.tr("Kies een verzoek in de lijst om het te bekijken."), self, "placeholderText"
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.pages.addWidget(self.empty_label)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        keep_focus_in_view(scroll)
        content = QWidget(scroll)
        content.setObjectName("requestDetailContent")
        scroll.setWidget(content)
        self.pages.addWidget(scroll)
        self.content = scroll
        layout = QVBoxLayout(content)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(8)
        self.title_label = wrapped_label("", content, "requestTitle", selectable=True)
        layout.addWidget(self.title_label)
        self.signal_label = wrapped_label("", content, "signalLabel")
        layout.addWidget(self.signal_label)

        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, QLabel] = {}
        for key, caption in (
            ("v_number", self.tr("V-nummer")),
            ("birth_date", self.tr("Geboortedatum")),
            ("nationality", self.tr("Nationaliteit")),
            ("purpose", self.tr("Doel")),
            ("ind_reference", self.tr("IND-kenmerk")),
            ("received", self.tr("Ontvangen")),
            ("deadline", self.tr("Termijn")),
            ("status", self.tr("Status")),
            ("delay_notice", self.tr("Uitstelbericht")),
            ("closed", self.tr("Afgesloten")),
        ):
            value = wrapped_label("", content, f"value_{key}", selectable=True)
            caption_label = QLabel(caption, content)
            caption_label.setObjectName("fieldLabel")
            form.addRow(caption_label, value)
            self.values[key] = value
        layout.addLayout(form)

        buttons = QGridLayout()
        buttons.setHorizontalSpacing(8)
        buttons.setVerticalSpacing(6)
        self.start_button = push_button(
            self.tr("In &behandeling nemen"), content, self.start, "startRequestButton"
        )
        self.delay_button = push_button(
            self.tr("&Uitstel melden…"), content, self.open_delay_notice_dialog, "delayNoticeButton"
        )
        self.close_button = push_button(
            self.tr("Afsluiten &zonder ambtsbericht…"),
            content,
            self.open_close_dialog,
            "closeRequestButton",
        )
        self.draft_button = push_button(
            self.tr("&Ambtsbericht opstellen"), content, self._on_draft_clicked, "draftReportButton"
        )
        self.action_buttons = (
            self.start_button,
            self.delay_button,
            self.close_button,
            self.draft_button,
        )
        for number, button in enumerate(self.action_buttons):
            buttons.addWidget(button, number, 0)
            button.setVisible(self.handler)
        buttons.setColumnStretch(1, 1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.pages.setCurrentWidget(self.empty_label)

    # --- showing ----------------------------------------------------------------------------

    @property
    def request_id(self) -> int | None:
        return None if self.record is None else int(self.record.id)

    def load(self, request_id: int) -> None:
        session = self.session
        self.runner.run(
            lambda: api.get_request(session, request_id),
            self.show_record,
            owner=self,
        )

    def show_record(self, record: Any, context: DeadlineContext | None = None) -> None:
        if context is not None:
            self.context = context
        self.record = record
        title = f"{record.reference} — {record.subject_name}"
        self.title_label.setText(title)
        self.title_label.setAccessibleName(title)
        v = self.values
        v["v_number"].setText(str(record.v_number))
        v["birth_date"].setText(day_text(record.birth_date) or "–")
        v["nationality"].setText(record.nationality or "–")
        v["purpose"].setText(f"{purpose_label(record.purpose)} ({record.purpose.legal_basis})")
        v["ind_reference"].setText(record.ind_reference or "–")
        v["received"].setText(short_day_text(record.received))
        v["deadline"].setText(short_day_text(record.deadline))
        v["status"].setText(status_label(record.status))
        notice = record.delay_notice
        if notice is None:
            v["delay_notice"].setText(self.tr("geen"))
        else:
            on_time = notice.is_on_time(record.deadline)
            informed = notice.liaison_name or notice.liaison or self.tr("niet vastgelegd")
            text = (
                self.tr("%1 door %2 aan %4: %3")
                .replace("%1", prose_day_text(notice.date))
                .replace("%2", notice.by_name or notice.by)
                .replace("%3", notice.reason)
                .replace("%4", informed)
            )
            if not on_time:
                text += " " + self.tr("(na de termijn: telt niet als tijdig)")
            elif notice.recorded_afterwards(record.deadline) and notice.recorded_at is not None:
                text += " " + self.tr("(achteraf vastgelegd op %1)").replace(
                    "%1", prose_day_text(timefmt.local_date(notice.recorded_at))
                )
            v["delay_notice"].setText(text)
        closed_on = getattr(record, "closed_on", None)
        if record.status.is_closed:
            reason = getattr(record, "close_reason", None)
            text = day_text(closed_on) if closed_on else self.tr("ja")
            if reason:
                text += " — " + self.tr("reden: %1").replace("%1", reason)
            v["closed"].setText(text)
        else:
            v["closed"].setText(self.tr("nee"))
        self._show_signal(record)
        self._update_buttons(record)
        self.pages.setCurrentWidget(self.content)

    def _show_signal(self, record: Any) -> None:
        if self.context is None:
            self.signal_label.setText("")
            self.signal_label.setStyleSheet("")
            return
        bucket = self.context.bucket(record)
        background, band = BUCKET_COLOURS[bucket]
        text = signal_text(self.context, record)
        if bucket is not DashboardBucket.CLOSED:
            text += " — " + self.tr("termijn %1").replace("%1", long_day_text(record.deadline))
        self.signal_label.setText(text)
        self.signal_label.setStyleSheet(
            f"QLabel#signalLabel {{ background: {background}; border-left: 6px solid {band};"
            " padding: 6px 8px; border-radius: 3px; font-weight: bold; }"
        )

    def _update_buttons(self, record: Any) -> None:
        granted = request_actions(self.session, record.status, record.delay_notice)
        for button, step in (
            (self.start_button, RequestStep.START),
            (self.delay_button, RequestStep.NOTIFY_DELAY),
            (self.close_button, RequestStep.CLOSE_NO_DATA),
            (self.draft_button, RequestStep.DRAFT_REPORT),
        ):
            show_permission(button, granted[step])

    def show_empty(self) -> None:
        self.record = None
        self.pages.setCurrentWidget(self.empty_label)

    # --- steps ------------------------------------------------------------------------------

    def _after_change(self, request_id: int) -> None:
        self.load(request_id)
        self.changed.emit(request_id)

    def start(self) -> None:
        record = self.record
        if record is None:
            return
        session, rid = self.session, int(record.id)
        self.runner.run(
            lambda: api.start_request(session, rid),
            lambda _r: self._after_change(rid),
            owner=self,
        )

    def open_delay_notice_dialog(self) -> DelayNoticeDialog | None:
        record = self.record
        if record is None:
            return None
        today = self.session.clock.today()
        dialog = DelayNoticeDialog(
            record.reference,
            record.deadline,
            today,
            record.received,
            self.session.user.full_name or self.session.user.name,
            self,
            now=self.session.clock.now(),
        )
        rid = int(record.id)
        dialog.draft_object = rid  # its draft is this request's
        session = self.session

        def work(value: tuple[Any, str, str | None]) -> object:
            day, reason, liaison = value
            return api.notify_delay(session, rid, day, reason, liaison)

        def filled(liaisons: list[tuple[str, str]]) -> None:
            with contextlib.suppress(RuntimeError):  # the dialog may be gone already
                dialog.set_liaisons(liaisons)

        self.runner.run(lambda: api.liaisons(session), filled, dialog.fail, owner=dialog)
        self.last_dialog = dialog
        run_on_submit(dialog, self.runner, work, lambda _: self._after_change(rid))
        return dialog

    def open_close_dialog(self) -> CloseRequestDialog | None:
        record = self.record
        if record is None:
            return None
        dialog = CloseRequestDialog(record.reference, self)
        rid = int(record.id)
        dialog.draft_object = rid  # its draft is this request's
        session = self.session

        self.last_dialog = dialog
        run_on_submit(
            dialog,
            self.runner,
            lambda reason: api.close_without_report(session, rid, reason),
            lambda _: self._after_change(rid),
        )
        return dialog

    def _on_draft_clicked(self) -> None:
        if self.record is not None:
            self.draft_report_requested.emit(int(self.record.id))

    # --- lock -------------------------------------------------------------------------------

    def wipe(self) -> None:
        self.record = None
        self.context = None
        self.title_label.clear()
        self.title_label.setAccessibleName("")
        self.signal_label.clear()
        for label in self.values.values():
            label.clear()
        dialog, self.last_dialog = self.last_dialog, None
        wipe_dialog(dialog)
        self.pages.setCurrentWidget(self.empty_label)
