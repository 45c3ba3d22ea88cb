"""Translatable names for the request, provision and statistics values (the domain's Dutch labels
stay the source), and the dates of these views in the shared styles of domain.timefmt."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from desktop_app.domain import timefmt
from desktop_app.domain.requests import DashboardBucket, Purpose, RequestStatus
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "requests"

_STATUS = {
    RequestStatus.RECEIVED: QT_TRANSLATE_NOOP("requests", "ontvangen"),
    RequestStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("requests", "in behandeling"),
    RequestStatus.REPORT_IN_PREPARATION: QT_TRANSLATE_NOOP(
        "requests", "ambtsbericht in voorbereiding"
    ),
    RequestStatus.CLOSED_NO_DATA: QT_TRANSLATE_NOOP("requests", "afgesloten zonder ambtsbericht"),
    RequestStatus.CLOSED_REPORT_ISSUED: QT_TRANSLATE_NOOP(
        "requests", "afgesloten, ambtsbericht uitgebracht"
    ),
}

_PURPOSE = {
    Purpose.ASYLUM: QT_TRANSLATE_NOOP("requests", "asiel"),
    Purpose.RESIDENCE: QT_TRANSLATE_NOOP("requests", "verblijf"),
    Purpose.NATURALISATION: QT_TRANSLATE_NOOP("requests", "naturalisatie"),
    Purpose.OTHER: QT_TRANSLATE_NOOP("requests", "overig"),
}

# Dashboard tiles: a sign, a title and an explanation. The sign and the words carry the meaning;
# the colour band only repeats it.
_BUCKET_TITLE = {
    DashboardBucket.OVERDUE: QT_TRANSLATE_NOOP("requests", "Termijn verstreken"),
    DashboardBucket.DUE_TODAY: QT_TRANSLATE_NOOP("requests", "Termijn vandaag"),
    DashboardBucket.WARNING_NO_NOTICE: QT_TRANSLATE_NOOP(
        "requests", "Waarschuwing: geen uitstelbericht"
    ),
    DashboardBucket.DUE_THIS_WEEK: QT_TRANSLATE_NOOP("requests", "Termijn deze week"),
    DashboardBucket.OPEN: QT_TRANSLATE_NOOP("requests", "Overige lopende verzoeken"),
    DashboardBucket.CLOSED: QT_TRANSLATE_NOOP("requests", "Afgesloten"),
}

_BUCKET_HINT = {
    DashboardBucket.OVERDUE: QT_TRANSLATE_NOOP(
        "requests", "Open verzoeken waarvan de termijn van tien werkdagen voorbij is."
    ),
    DashboardBucket.DUE_TODAY: QT_TRANSLATE_NOOP(
        "requests", "Open verzoeken waarvan vandaag de laatste dag van de termijn is."
    ),
    DashboardBucket.WARNING_NO_NOTICE: QT_TRANSLATE_NOOP(
        "requests",
        "Vanaf werkdag %1 van de termijn, nog zonder melding van uitstel aan de liaison.",
    ),
    DashboardBucket.DUE_THIS_WEEK: QT_TRANSLATE_NOOP(
        "requests", "Open verzoeken waarvan de termijn deze week afloopt."
    ),
    DashboardBucket.OPEN: QT_TRANSLATE_NOOP(
        "requests", "Open verzoeken met een termijn na deze week."
    ),
    DashboardBucket.CLOSED: QT_TRANSLATE_NOOP(
        "requests", "Afgehandeld, met of zonder ambtsbericht."
    ),
}

# Every sign is in the bundled DejaVu Sans (resources/fonts), so it never shows as a box on a
# workstation without other fonts: "⌛" did (DejaVu has no hourglass); "◔" is a clock face a
# quarter gone.
BUCKET_SIGN = {
    DashboardBucket.OVERDUE: "✖",
    DashboardBucket.DUE_TODAY: "◔",
    DashboardBucket.WARNING_NO_NOTICE: "⚠",
    DashboardBucket.DUE_THIS_WEEK: "◷",
    DashboardBucket.OPEN: "●",
    DashboardBucket.CLOSED: "✔",
}

# Short state words for the list's "Signaal" column.
_BUCKET_SHORT = {
    DashboardBucket.OVERDUE: QT_TRANSLATE_NOOP("requests", "te laat"),
    DashboardBucket.DUE_TODAY: QT_TRANSLATE_NOOP("requests", "vandaag"),
    DashboardBucket.WARNING_NO_NOTICE: QT_TRANSLATE_NOOP("requests", "waarschuwing"),
    DashboardBucket.DUE_THIS_WEEK: QT_TRANSLATE_NOOP("requests", "deze week"),
    DashboardBucket.OPEN: QT_TRANSLATE_NOOP("requests", "lopend"),
    DashboardBucket.CLOSED: QT_TRANSLATE_NOOP("requests", "afgesloten"),
}

# Background and band colours (light backgrounds, dark text: contrast above 7:1).
BUCKET_COLOURS = {
    DashboardBucket.OVERDUE: ("#fde8e8", "#b91c1c"),
    DashboardBucket.DUE_TODAY: ("#fff1dc", "#c2410c"),
    DashboardBucket.WARNING_NO_NOTICE: ("#fff8d6", "#a16207"),
    DashboardBucket.DUE_THIS_WEEK: ("#e8f0fb", "#1d4ed8"),
    DashboardBucket.OPEN: ("#eef1f5", "#475569"),
    DashboardBucket.CLOSED: ("#e7f6ec", "#15803d"),
}

_DIRECTION = {
    "aivd_to_ind": QT_TRANSLATE_NOOP("requests", "AIVD → IND"),
    "ind_to_aivd": QT_TRANSLATE_NOOP("requests", "IND → AIVD"),
}

_DAY_KIND = {
    "decree": QT_TRANSLATE_NOOP("requests", "bij besluit gelijkgestelde dag"),
    "closure": QT_TRANSLATE_NOOP("requests", "sluitingsdag"),
}

# The figures of the ``stats`` shape (shared/spec/cli.md), in the order the view shows them.
STATISTICS_FIGURES: tuple[tuple[str, str], ...] = (
    ("requests_received", QT_TRANSLATE_NOOP("requests", "Verzoeken ontvangen")),
    ("requests_closed", QT_TRANSLATE_NOOP("requests", "Verzoeken afgesloten")),
    ("on_time", QT_TRANSLATE_NOOP("requests", "Binnen de termijn afgehandeld")),
    ("late_with_notice", QT_TRANSLATE_NOOP("requests", "Te laat, met uitstelbericht")),
    ("late_without_notice", QT_TRANSLATE_NOOP("requests", "Te laat, zonder uitstelbericht")),
    ("overdue_open", QT_TRANSLATE_NOOP("requests", "Nog open na de termijn")),
    ("median_working_days", QT_TRANSLATE_NOOP("requests", "Mediane behandelduur (werkdagen)")),
    ("reports_issued", QT_TRANSLATE_NOOP("requests", "Ambtsberichten uitgebracht")),
    ("inspections", QT_TRANSLATE_NOOP("requests", "Inzages gehouden")),
    ("provisions_aivd_to_ind", QT_TRANSLATE_NOOP("requests", "Verstrekkingen AIVD → IND")),
    ("provisions_ind_to_aivd", QT_TRANSLATE_NOOP("requests", "Verstrekkingen IND → AIVD")),
    # The closings apart (the term of art. 2.3 concerns the ambtsbericht).
    ("report_on_time", QT_TRANSLATE_NOOP("requests", "Ambtsbericht binnen de termijn")),
    (
        "report_late_with_notice",
        QT_TRANSLATE_NOOP("requests", "Ambtsbericht te laat, met uitstelbericht"),
    ),
    (
        "report_late_without_notice",
        QT_TRANSLATE_NOOP("requests", "Ambtsbericht te laat, zonder uitstelbericht"),
    ),
    ("no_data_on_time", QT_TRANSLATE_NOOP("requests", "Zonder gegevens, binnen de termijn")),
    ("no_data_late", QT_TRANSLATE_NOOP("requests", "Zonder gegevens, na de termijn")),
)

# Field names of the intake (RequestDraft / import files) as the form calls them.
_FIELD = {
    "subject_name": QT_TRANSLATE_NOOP("requests", "naam betrokkene"),
    "v_number": QT_TRANSLATE_NOOP("requests", "V-nummer"),
    "purpose": QT_TRANSLATE_NOOP("requests", "doel"),
    "received": QT_TRANSLATE_NOOP("requests", "ontvangen op"),
    "birth_date": QT_TRANSLATE_NOOP("requests", "geboortedatum"),
    "nationality": QT_TRANSLATE_NOOP("requests", "nationaliteit"),
    "ind_reference": QT_TRANSLATE_NOOP("requests", "IND-kenmerk"),
    "reason": QT_TRANSLATE_NOOP("requests", "reden"),
    "date": QT_TRANSLATE_NOOP("requests", "datum"),
    "description": QT_TRANSLATE_NOOP("requests", "omschrijving"),
    "direction": QT_TRANSLATE_NOOP("requests", "richting"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def status_label(status: RequestStatus) -> str:
    return tr(_STATUS[status])


def purpose_label(purpose: Purpose) -> str:
    return tr(_PURPOSE[purpose])


def bucket_title(bucket: DashboardBucket) -> str:
    return tr(_BUCKET_TITLE[bucket])


def bucket_hint(bucket: DashboardBucket, warn_from_day: int) -> str:
    return tr(_BUCKET_HINT[bucket]).replace("%1", str(warn_from_day))


def bucket_short(bucket: DashboardBucket) -> str:
    return f"{BUCKET_SIGN[bucket]} {tr(_BUCKET_SHORT[bucket])}"


def _known(texts: dict[str, str], value: str) -> str:
    """The translated name of a stored value, or the value itself when it has none."""
    text = texts.get(value)
    return tr(text) if text else value


def direction_label(direction: str) -> str:
    return _known(_DIRECTION, str(direction))


def day_kind_label(kind: str) -> str:
    return _known(_DAY_KIND, str(kind))


def field_label(field: str | None) -> str:
    return _known(_FIELD, field) if field else ""


def figure_text(value: object) -> str:
    """Dutch number format: 1.234 and 4,5; a dash for nothing."""
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.1f}".replace(".", ",")
    if isinstance(value, int | float):
        return f"{int(value):,}".replace(",", ".")
    return str(value)


_WEEKDAYS = (
    QT_TRANSLATE_NOOP("requests", "maandag"),
    QT_TRANSLATE_NOOP("requests", "dinsdag"),
    QT_TRANSLATE_NOOP("requests", "woensdag"),
    QT_TRANSLATE_NOOP("requests", "donderdag"),
    QT_TRANSLATE_NOOP("requests", "vrijdag"),
    QT_TRANSLATE_NOOP("requests", "zaterdag"),
    QT_TRANSLATE_NOOP("requests", "zondag"),
)


def weekday_label(day: dt.date) -> str:
    return tr(_WEEKDAYS[day.weekday()])


def day_text(day: dt.date | None) -> str:
    """``13-05-2027``: the table style, for columns and compact values."""
    return "" if day is None else timefmt.table_date(day)


def long_day_text(day: dt.date) -> str:
    """``donderdag 13 mei 2027``: the prose style with the weekday, for sentences and the
    deadline (a weekend or a holiday in between is what people check). English mode:
    ``Thursday 13 May 2027``."""
    return f"{weekday_label(day)} {timefmt.shown_prose_date(day)}"


def short_day_text(day: dt.date) -> str:
    """``donderdag 13-05-2027``: the table style with the weekday, for the detail's compact
    values beside the list (short enough for one line at 1024x700)."""
    return f"{weekday_label(day)} {timefmt.table_date(day)}"


def prose_day_text(day: dt.date) -> str:
    """``13 mei 2027``: the prose style, inside a sentence (English mode: ``13 May 2027``)."""
    return timefmt.shown_prose_date(day)
