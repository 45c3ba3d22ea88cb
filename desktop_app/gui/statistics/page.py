"""Statistiek: the figures for the heads' periodic consultation (art. 3.2) for a period, as of a
moment (now, or the end of a chosen day: only what was recorded by then counts), on screen with
charts (how requests were handled; provisions each way), exported as CSV or PDF by the service
(which writes the file atomically)."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.statistics import AS_OF_DEFINITION, DEFINITIONS, end_of_day
from desktop_app.gui.dates import date_edit, pydate, qdate, shown_date, shown_time
from desktop_app.gui.errors import show_error
from desktop_app.gui.filedialogs import save_file_dialog
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.pages import SectionPage, push_button, titled_page_layout, wrapped_label
from desktop_app.gui.requests.labels import STATISTICS_FIGURES, figure_text, tr
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import stats as stats_service
from desktop_app.services.session import Session

# The contract's figures and the closings apart (gui.requests.labels), then the notices recorded
# after the deadline (counted apart: they rest on a date stated afterwards).
FIGURES: tuple[tuple[str, str], ...] = (
    *STATISTICS_FIGURES,
    (
        "late_with_notice_recorded_afterwards",
        QT_TRANSLATE_NOOP("requests", "Uitstelbericht achteraf vastgelegd"),
    ),
)

# Outcome colours: green, amber, red, grey; the legend and the value labels say the same in
# words and numbers.
OUTCOMES: tuple[tuple[str, str, str], ...] = (
    ("on_time", QT_TRANSLATE_NOOP("requests", "Binnen de termijn"), "#15803d"),
    ("late_with_notice", QT_TRANSLATE_NOOP("requests", "Te laat, met uitstelbericht"), "#d97706"),
    (
        "late_without_notice",
        QT_TRANSLATE_NOOP("requests", "Te laat, zonder uitstelbericht"),
        "#b91c1c",
    ),
    ("pending", QT_TRANSLATE_NOOP("requests", "Nog binnen de termijn"), "#94a3b8"),
)
PROVISION_BARS: tuple[tuple[str, str, str], ...] = (
    ("provisions_aivd_to_ind", QT_TRANSLATE_NOOP("requests", "AIVD → IND"), "#1f3a5f"),
    ("provisions_ind_to_aivd", QT_TRANSLATE_NOOP("requests", "IND → AIVD"), "#5b8cc7"),
)


def figures_of(stats: Any) -> dict[str, Any]:
    """The ``stats`` shape as a dict, whether the service hands a dataclass or a mapping."""
    if isinstance(stats, dict):
        return dict(stats)
    as_dict = getattr(stats, "as_extended_dict", None) or getattr(stats, "as_dict", None)
    if callable(as_dict):
        return dict(as_dict())
    return {key: getattr(stats, key, None) for key, _label in STATISTICS_FIGURES}


def _int(value: Any) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


class FigureChart(QChartView):
    """A bar chart with one bar set per item, value labels and a legend in words."""

    def __init__(
        self, title: str, items: tuple[tuple[str, str, str], ...], parent: QWidget | None = None
    ) -> None:
        self.chart_ = QChart()
        super().__init__(self.chart_, parent)
        self.figure_items = items
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(250)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        chart = self.chart_
        chart.setTitle(title)
        font = QFont(chart.titleFont())
        font.setBold(True)
        font.setPointSize(10)
        chart.setTitleFont(font)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(4)
        chart.setMargins(QMargins(6, 6, 6, 6))
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.series = QBarSeries()
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.series.setLabelsFormat("@value")
        self.sets: dict[str, QBarSet] = {}
        for key, label, colour in items:
            bar = QBarSet(tr(label))
            bar.setColor(QColor(colour))
            bar.setBorderColor(QColor(colour).darker(130))
            bar.setLabelColor(QColor("#1c2430"))
            bar.append(0)
            self.series.append(bar)
            self.sets[key] = bar
        chart.addSeries(self.series)
        self.x_axis = QBarCategoryAxis()
        self.x_axis.append([""])
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.x_axis)
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%d")
        self.y_axis.setRange(0, 1)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.y_axis)

    def set_values(self, values: dict[str, int]) -> None:
        top = 0
        for key, bar in self.sets.items():
            value = int(values.get(key, 0))
            bar.replace(0, value)
            top = max(top, value)
        # Room above the highest bar for its label; round, whole-number ticks.
        upper = max(4, int(top * 1.15) + 1)
        self.y_axis.setRange(0, upper)
        self.y_axis.applyNiceNumbers()

    def values(self) -> dict[str, int]:
        return {key: int(bar.at(0)) for key, bar in self.sets.items()}


class StatisticsPage(SectionPage):
    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__("statisticsPage", session, runner, parent)
        self.figures: dict[str, Any] | None = None
        today = session.clock.today()

        layout, top = titled_page_layout(
            self, self.tr("Statistiek voor het periodiek overleg"), spacing=10
        )
        self.csv_button = push_button(
            self.tr("Als &CSV opslaan…"), self, lambda: self.choose_export("csv"), "exportCsvButton"
        )
        self.pdf_button = push_button(
            self.tr("Als &PDF opslaan…"), self, lambda: self.choose_export("pdf"), "exportPdfButton"
        )
        top.addWidget(self.csv_button)
        top.addWidget(self.pdf_button)
        intro = wrapped_label(
            self.tr(
                "Cijfers over de verzoeken die in de periode zijn ontvangen (beoordeeld naar de "
                "stand op het peilmoment), en de ambtsberichten, inzagen en verstrekkingen in de "
                "periode (art. 3.2 van het convenant)."
            ),
            self,
            "subTitle",
        )
        layout.addWidget(intro)

        period = QHBoxLayout()
        period.setSpacing(8)
        from_caption = QLabel(self.tr("Periode &van"), self)
        self.from_edit = date_edit(self, quarter_start(today))
        self.from_edit.setAccessibleName(self.tr("Periode van"))
        from_caption.setBuddy(self.from_edit)
        to_caption = QLabel(self.tr("&tot en met"), self)
        self.to_edit = date_edit(self, today)
        self.to_edit.setAccessibleName(self.tr("Periode tot en met"))
        to_caption.setBuddy(self.to_edit)
        period.addWidget(from_caption)
        period.addWidget(self.from_edit)
        period.addWidget(to_caption)
        period.addWidget(self.to_edit)
        # Figures "as of": unticked, now; ticked, the end of the chosen day (or now, today).
        self.as_of_check = QCheckBox(self.tr("&Stand per"), self)
        self.as_of_check.setObjectName("asOfCheck")
        self.as_of_check.setToolTip(AS_OF_DEFINITION)
        self.as_of_edit = date_edit(self, today, maximum=today)
        self.as_of_edit.setObjectName("asOfEdit")
        self.as_of_edit.setAccessibleName(self.tr("Stand per"))
        self.as_of_edit.setEnabled(False)
        self.as_of_check.toggled.connect(self.as_of_edit.setEnabled)
        period.addSpacing(8)
        period.addWidget(self.as_of_check)
        period.addWidget(self.as_of_edit)
        self.compute_button = push_button(
            self.tr("&Berekenen"), self, self.refresh, "computeStatisticsButton"
        )
        period.addWidget(self.compute_button)
        period.addStretch(1)
        for edit in (self.from_edit, self.to_edit, self.as_of_edit):
            # Room for the whole date: at 1024x700 the row squeezed them to "01-10-202".
            edit.setMinimumWidth(edit.sizeHint().width() + 8)
        layout.addLayout(period)
        # The quick periods on their own row, so that no button is cut off at 1024x700.
        quick = QHBoxLayout()
        quick.setSpacing(8)
        quick_caption = QLabel(self.tr("Snel kiezen:"), self)
        quick_caption.setObjectName("hintLabel")
        quick.addWidget(quick_caption)
        self.quick_buttons: list[QPushButton] = []
        for text, start, end in (
            (self.tr("Dit &kwartaal"), quarter_start(today), today),
            (
                self.tr("Vorig kw&artaal"),
                quarter_start(quarter_start(today) - dt.timedelta(days=1)),
                quarter_start(today) - dt.timedelta(days=1),
            ),
            (self.tr("Dit &jaar"), dt.date(today.year, 1, 1), today),
        ):
            button = push_button(text, self, partial(self.set_period, start, end))
            button.setMinimumWidth(button.sizeHint().width())
            quick.addWidget(button)
            self.quick_buttons.append(button)
        # The period and moment shown beside the quick buttons: a row of its own would take
        # the height the charts need for their legends at 1024x700.
        quick.addSpacing(12)
        self.status_label = wrapped_label("", self, "hintLabel", selectable=True)
        quick.addWidget(self.status_label, 1)
        layout.addLayout(quick)

        body = QHBoxLayout()
        body.setSpacing(12)
        frame = QFrame(self)
        frame.setObjectName("figuresFrame")
        grid = QGridLayout(frame)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        self.value_labels: dict[str, QLabel] = {}
        for row, (key, label) in enumerate(FIGURES):
            caption = QLabel(tr(label), frame)
            # What the figure counts (cohort of requests received, or events in the period).
            caption.setToolTip(DEFINITIONS.get(key, ""))
            value = QLabel("–", frame)
            value.setObjectName("figureValue")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setAccessibleName(tr(label))
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            self.value_labels[key] = value
        counts = wrapped_label(
            self.tr(
                "Verzoeken: de verzoeken ontvangen in de periode (cohort), stand op het "
                "peilmoment. "
                "Ambtsberichten uitgebracht, inzages en verstrekkingen: gebeurtenissen in de "
                "periode. Wijs een cijfer aan voor wat het telt."
            ),
            frame,
            "hintLabel",
        )
        self.counts_hint = counts
        grid.addWidget(counts, len(FIGURES), 0, 1, 2)
        grid.setRowStretch(len(FIGURES) + 1, 1)
        frame.setMinimumWidth(350)
        # Scrolls rather than squeezes: at 1024x700 the figures and their note are taller than
        # the room left, and the note was drawn over the last rows.
        figures = QScrollArea(self)
        figures.setObjectName("figuresScroll")
        figures.setWidget(frame)
        figures.setWidgetResizable(True)
        figures.setFrameShape(QFrame.Shape.NoFrame)
        figures.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        figures.setMinimumWidth(
            max(frame.minimumWidth(), frame.sizeHint().width())
            + figures.verticalScrollBar().sizeHint().width()
            + 2
        )
        figures.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        body.addWidget(figures)
        charts = QVBoxLayout()
        charts.setSpacing(10)
        self.outcome_chart = FigureChart(
            self.tr("Afhandeling van de verzoeken ontvangen in de periode"), OUTCOMES, self
        )
        self.outcome_chart.setObjectName("outcomeChart")
        self.provision_chart = FigureChart(
            self.tr("Verstrekkingen in de periode"), PROVISION_BARS, self
        )
        self.provision_chart.setObjectName("provisionChart")
        charts.addWidget(self.outcome_chart, 3)
        charts.addWidget(self.provision_chart, 2)
        body.addLayout(charts, 1)
        layout.addLayout(body, 1)
        self.refresh()

    def period(self) -> tuple[dt.date, dt.date]:
        return pydate(self.from_edit.date()), pydate(self.to_edit.date())

    def as_of(self) -> dt.datetime:
        """The moment the figures are computed as of: now, or the end of the chosen day."""
        now = self.session.clock.now()
        if not self.as_of_check.isChecked():
            return now
        return end_of_day(pydate(self.as_of_edit.date()), now)

    def set_as_of(self, day: dt.date | None) -> None:
        """Figures as of the end of ``day`` (None: now), and compute them (tests, other pages)."""
        self.as_of_check.setChecked(day is not None)
        if day is not None:
            self.as_of_edit.setDate(qdate(day))
        self.refresh()

    def set_period(self, start: dt.date, end: dt.date) -> None:
        self.from_edit.setDate(qdate(start))
        self.to_edit.setDate(qdate(end))
        self.refresh()

    def refresh(self) -> None:
        start, end = self.period()
        as_of = self.as_of()
        session = self.session
        self.status_label.setText(self.tr("Bezig met berekenen…"))
        self.run_latest(
            lambda: stats_service.statistics(session, start, end, as_of=as_of),
            lambda stats: self.show_figures(figures_of(stats)),
            self._failed,
        )

    def show_figures(self, figures: dict[str, Any]) -> None:
        self.figures = figures
        for key, label in self.value_labels.items():
            label.setText(figure_text(figures.get(key)))
        received = _int(figures.get("requests_received"))
        on_time = _int(figures.get("on_time"))
        with_notice = _int(figures.get("late_with_notice"))
        without = _int(figures.get("late_without_notice"))
        self.outcome_chart.set_values(
            {
                "on_time": on_time,
                "late_with_notice": with_notice,
                "late_without_notice": without,
                "pending": max(0, received - on_time - with_notice - without),
            }
        )
        self.provision_chart.set_values(
            {key: _int(figures.get(key)) for key, _l, _c in PROVISION_BARS}
        )
        start, end = self.period()
        text = (
            self.tr("Periode %1 tot en met %2.")
            .replace("%1", shown_date(start))
            .replace("%2", shown_date(end))
        )
        stamp = figures.get("as_of")
        if isinstance(stamp, str):
            text += " " + self.tr("Stand per %1.").replace(
                "%1", shown_time(dt.datetime.fromisoformat(stamp))
            )
        self.status_label.setText(text)

    # --- export -----------------------------------------------------------------------------

    def choose_export(self, kind: str) -> QFileDialog:
        start, end = self.period()
        caption = (
            self.tr("Cijfers opslaan als CSV")
            if kind == "csv"
            else self.tr("Cijfers opslaan als PDF")
        )
        name_filter = (
            self.tr("CSV-bestand (*.csv)") if kind == "csv" else self.tr("PDF-bestand (*.pdf)")
        )
        return save_file_dialog(
            self,
            caption,
            name_filter,
            kind,
            f"cijfers-{start.isoformat()}-{end.isoformat()}.{kind}",
            lambda name: self.export(kind, name),
        )

    def export(self, kind: str, filename: str) -> None:
        if not filename:
            return
        start, end = self.period()
        as_of = self.as_of()
        target = Path(filename)
        session = self.session
        exporter = stats_service.export_csv if kind == "csv" else stats_service.export_pdf
        self.status_label.setText(self.tr("Bezig met opslaan…"))

        def done(path: Any) -> None:
            written = Path(path) if path else target
            self.status_label.setText(self.tr("✔ Opgeslagen als %1.").replace("%1", str(written)))

        self.run_task(
            lambda: exporter(session, start, end, target, as_of=as_of), done, self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        self.status_label.setText("")
        show_error(self, exc)

    def wipe(self) -> None:
        """Aggregates only, but cleared like every page."""
        self.drop_pending()
        self.figures = None
        for label in self.value_labels.values():
            label.setText("–")
        self.status_label.clear()
