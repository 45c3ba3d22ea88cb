"""The audit trail in plain Dutch (B1): one label for every action the code writes, readable
details, and the technical part (hashes, anchors) kept apart for the "Details" button.

The stored entry is never changed (it is hash-chained): this module only says how a person reads
it, in the window, in ``werkplek audit list`` and in the CSV export. Every action string the
code passes to ``Session.transaction``, ``require_audited``, ``audit_refusal`` or
``storage.audit.append`` needs a label here; tests/domain/test_audit_labels.py finds them in the
source and fails on one without.

In English mode (domain.messages) every word here is read from the core's catalogue.

The export leaves a workspace as a plain file, so it carries only what this table calls an
identifier (``EXPORTED_KEYS``): a detail key nobody has judged yet is left out of the file
rather than risk a name or free text outside the encrypted database.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop_app.domain import timefmt
from desktop_app.domain.messages import translate

# --- actions ----------------------------------------------------------------------------------

LABELS: dict[str, str] = {
    "audit.export": "Audittrail geëxporteerd",
    "audit.list": "Audittrail bekeken",
    "audit.verify": "Audittrail gecontroleerd",
    "calendar.add": "Vrije dag toegevoegd aan de kalender",
    "calendar.list": "Kalender bekeken",
    "calendar.remove": "Vrije dag uit de kalender gehaald",
    "consultation.action_done": "Actiepunt van overleg afgerond",
    "consultation.add": "Overleg vastgelegd",
    "consultation.list": "Overleggen bekeken",
    "consultation.print": "Verslag van overleg afgedrukt",
    "consultation.view": "Overleg bekeken",
    "covenant.amend": "Verzoek tot wijziging van het convenant vastgelegd",
    "covenant.annex_set": "Niet-openbare bijlage van het convenant vastgelegd",
    "covenant.annex_view": "Niet-openbare bijlage van het convenant ingezien",
    "covenant.consent": "Besluit over wijziging van het convenant vastgelegd",
    "covenant.list": "Convenantregister bekeken",
    "covenant.terminate": "Opzegging van het convenant vastgelegd",
    "covenant.view": "Convenant bekeken",
    "designation.add": "Aanwijzing vastgelegd",
    "designation.end": "Aanwijzing eerder beëindigd",
    "designation.history": "Geschiedenis van aanwijzingen bekeken",
    "designation.list": "Aanwijzingen bekeken",
    "designation.revoke": "Aanwijzing ingetrokken",
    "draft.discard": "Bewaard werk weggegooid",
    "draft.keep": "Niet-opgeslagen werk bewaard",
    "draft.take": "Bewaard werk teruggezet",
    "evidence.add": "Onderliggend stuk toegevoegd",
    "evidence.list": "Onderliggende stukken bekeken",
    "inspection.activity": "Activiteit tijdens inzage",
    "inspection.close_item": "Stuk gesloten tijdens inzage",
    "inspection.end": "Inzage beëindigd",
    "inspection.idle": "Inzage beëindigd na inactiviteit",
    "inspection.list": "Inzages bekeken",
    "inspection.record": "Verslag van inzage bekeken",
    "inspection.record.print": "Verslag van inzage afgedrukt",
    "inspection.reports": "Ambtsberichten voor inzage bekeken",
    "inspection.start": "Inzage gestart",
    "inspection.view": "Stuk ingezien",
    "plan.add": "Uitvoeringsplan opgesteld",
    "plan.approve": "Uitvoeringsplan goedgekeurd",
    "plan.list": "Uitvoeringsplannen bekeken",
    "plan.revise": "Nieuwe versie van uitvoeringsplan vastgelegd",
    "plan.view": "Uitvoeringsplan bekeken",
    "plan.withdraw": "Uitvoeringsplan ingetrokken",
    "provision.add": "Verstrekking vastgelegd",
    "provision.list": "Verstrekkingen bekeken",
    "queue.view": "Werkvoorraad bekeken",
    "report.annotate": "Opmerking geplaatst bij ambtsbericht",
    "report.classify": "Rubricering van ambtsbericht gewijzigd",
    "report.correct": "Correctie vastgelegd op uitgebracht ambtsbericht",
    "report.diff": "Versies van ambtsbericht vergeleken",
    "report.draft": "Ambtsbericht aangemaakt",
    "report.issue": "Ambtsbericht uitgebracht",
    "report.list": "Ambtsberichten bekeken",
    "report.marking": "Rubriceringsduur van ambtsbericht vastgelegd",
    "report.preview": "Afdrukvoorbeeld bekeken",
    "report.print": "Ambtsbericht afgedrukt",
    "report.prints": "Afdrukken van ambtsbericht bekeken",
    "report.remark_edit": "Opmerking bij ambtsbericht gewijzigd",
    "report.remark_handle": "Opmerking bij ambtsbericht afgehandeld",
    "report.remark_withdraw": "Opmerking bij ambtsbericht ingetrokken",
    "report.revise": "Nieuwe versie van ambtsbericht opgeslagen",
    "report.send_back": "Ambtsbericht teruggestuurd zonder ondertekening",
    "report.sign": "Ambtsbericht ondertekend",
    "report.subject": "Betrokkene van spontaan ambtsbericht vastgelegd",
    "report.submit": "Ambtsbericht aangeboden ter beoordeling",
    "report.verdict": "Oordeel gegeven over ambtsbericht",
    "report.verify": "Afgedrukt ambtsbericht gecontroleerd",
    "report.view": "Ambtsbericht bekeken",
    "report.withdraw": "Aanbieding van ambtsbericht ingetrokken",
    "request.add": "Verzoek geregistreerd",
    "request.close": "Verzoek afgesloten zonder gegevens",
    "request.dashboard": "Termijnoverzicht bekeken",
    "request.import": "Verzoeken ingelezen",
    "request.liaisons": "IND-liaisons opgevraagd voor een melding",
    "request.list": "Verzoeken bekeken",
    "request.notify_delay": "Vertraging van verzoek gemeld",
    "request.start": "Verzoek in behandeling genomen",
    "request.v_number_check": "Open verzoeken met hetzelfde V-nummer opgezocht",
    "request.view": "Verzoek bekeken",
    "retention.approve": "Vernietigingslijst goedgekeurd",
    "retention.destroy": "Vernietigingslijst uitgevoerd (archiefstukken vernietigd)",
    "retention.draw_up": "Vernietigingslijst opgesteld",
    "retention.due": "Te vernietigen archiefstukken bekeken",
    "retention.hold": "Bewaarplicht vastgelegd",
    "retention.holds": "Bewaarplichten bekeken",
    "retention.lists": "Vernietigingslijsten bekeken",
    "retention.periods": "Bewaartermijnen bekeken",
    "retention.records": "Verklaringen van vernietiging bekeken",
    "retention.release": "Bewaarplicht opgeheven",
    "retention.set_period": "Bewaartermijn vastgesteld",
    "retention.show": "Vernietigingslijst bekeken",
    "session.close": "Afgemeld of vergrendeld",
    "session.reauthenticate": "Wachtwoord opnieuw ingevoerd ter bevestiging",
    "session.signin": "Aangemeld",
    "signing.create": "Ondertekensleutel aangemaakt",
    "signing.import": "Ondertekensleutel ingelezen",
    "stats.export": "Cijfers opgeslagen als bestand",
    "stats.view": "Cijfers bekeken",
    "user.activate": "Account weer actief gemaakt",
    "user.add": "Account toegevoegd",
    "user.deactivate": "Account gedeactiveerd",
    "user.edit": "Account gewijzigd",
    "user.function": "Functie bij ondertekening gewijzigd",
    "user.list": "Accounts bekeken",
    "user.passwd": "Eigen wachtwoord gewijzigd",
    "user.reset_password": "Wachtwoord hersteld door beheerder",
    "user.unlock": "Account gedeblokkeerd",
    "workspace.backup": "Back-up gemaakt",
    "workspace.backup_verify": "Back-up gecontroleerd",
    "workspace.init": "Werkplek ingericht",
    "workspace.rebind": "Werkplek opnieuw aan deze computer gekoppeld",
    "workspace.recovery_key": "Nieuwe herstelsleutel uitgegeven",
    "workspace.rekey": "Databasesleutel vervangen",
    "workspace.restore": "Back-up teruggezet",
}

# Actions whose name is built at run time: the part before the dot-suffix has one label.
PREFIX_LABELS: dict[str, str] = {
    "settings.": "Instelling gewijzigd",
}

RESULT_LABELS: dict[str, str] = {
    "ok": "gelukt",
    "denied": "geweigerd",
    "failed": "mislukt",
    "locked": "mislukt, account geblokkeerd",
    "refused_locked": "geweigerd, account is geblokkeerd",
}


def has_label(action: str) -> bool:
    return action in LABELS or any(action.startswith(p) for p in PREFIX_LABELS)


def action_label(action: str) -> str:
    """The Dutch label; an action without one (an old workspace, a newer program) shows its
    own name rather than nothing."""
    label = LABELS.get(action)
    if label is not None:
        return translate(label)
    for prefix, text in PREFIX_LABELS.items():
        if action.startswith(prefix):
            return translate(text)
    return action


def result_label(result: str) -> str:
    return translate(RESULT_LABELS.get(result, result))


def actions_for_filter() -> list[tuple[str, str]]:
    """(action, label) for a filter list, by label."""
    return sorted(LABELS.items(), key=lambda item: item[1])


@dataclass(frozen=True)
class ActionFilter:
    """Which stored actions a filter value means: these names, and every name that starts with
    ``prefix`` (None: no prefix)."""

    names: tuple[str, ...] = ()
    prefix: str | None = None


def action_filter(wanted: str) -> ActionFilter:
    """An exact action name (``user.add``), a group (``user`` or ``user.*``: every ``user.…``)
    or a label (``Account toegevoegd``, case ignored)."""
    text = wanted.strip()
    lowered = text.casefold()

    def named(label: str) -> bool:  # the Dutch label, or the one shown in English mode
        return lowered in (label.casefold(), translate(label).casefold())

    by_label = tuple(a for a, label in LABELS.items() if named(label))
    by_label += tuple(p for p, label in PREFIX_LABELS.items() if named(label))
    if by_label:
        names = tuple(a for a in by_label if not a.endswith("."))
        prefixes = [a for a in by_label if a.endswith(".")]
        return ActionFilter(names, prefixes[0] if prefixes else None)
    if text.endswith(".*"):
        return ActionFilter((), text[:-1])
    if "." not in text:
        return ActionFilter((), text + ".")
    return ActionFilter((text,))


# --- objects ----------------------------------------------------------------------------------

OBJECT_KINDS: dict[str, str] = {
    "user": "account",
    "report": "ambtsbericht",
    "request": "verzoek",
    "evidence": "onderliggend stuk",
    "inspection": "inzage",
    "calendar": "kalenderdag",
    "setting": "instelling",
    "file": "bestand",
    "provision": "verstrekking",
    "consultation": "overleg",
    "consultation_action": "actiepunt",
    "covenant": "convenant",
    "amendment": "wijziging van het convenant",
    "plan": "uitvoeringsplan",
    "workspace": "werkplek",
}

OBJECT_WORDS: dict[str, str] = {
    "audit": "audittrail",
    "users": "accounts",
    "designations": "aanwijzingen",
    "requests": "verzoeken",
    "reports": "ambtsberichten",
    "provisions": "verstrekkingen",
    "statistics": "cijfers",
    "covenants": "convenantregister",
    "plans": "uitvoeringsplannen",
    "calendar": "kalender",
    "signing": "ondertekensleutel",
    "workspace": "werkplek",
}


def object_label(obj: str) -> str:
    """'user:nieuw' -> 'account nieuw', 'report:12' -> 'ambtsbericht 12'."""
    kind, sep, ident = obj.partition(":")
    if not sep:
        return translate(OBJECT_WORDS.get(obj, obj))
    word = OBJECT_KINDS.get(kind)
    if word is None:
        return obj
    if ident == "new":
        return f"{translate(_WORDS[3])} {translate(word)}"
    return f"{translate(word)} {ident}"


# --- details ----------------------------------------------------------------------------------

# Every detail key the code writes, as a person reads it. A key missing here still shows (its
# own name) in the window, but is never exported.
DETAIL_LABELS: dict[str, str] = {
    # retention (services.retention): identifiers and counts only
    "approved_by": "goedgekeurd door",
    "as": "goedgekeurd als",
    "as_of": "peildatum",
    "destroyed": "vernietigd (nummers per soort)",
    "hold": "bewaarplicht nr.",
    "list": "vernietigingslijst nr.",
    "object": "archiefstuk",
    "records": "archiefstukken",
    "was": "was",
    "years": "jaren",
    "action": "handeling",
    "active": "actief",
    "annotation": "opmerking nr.",
    "attempted_at": "poging om",
    "backup_created": "back-up van",
    "belongs_to": "hoort bij",
    "bucket": "groep",
    "bytes": "bytes",
    "calendar_version": "kalenderversie",
    "checked_at_source": "gecontroleerd volgens",
    "classification": "rubricering",
    "clearance": "machtiging",
    "code": "reden",
    "content_problems": "gewijzigde inhoud",
    "copies": "exemplaren",
    "copies_requested": "exemplaren gevraagd",
    "copy_numbers": "exemplaarnummers",
    "correction": "correctie nr.",
    "correction_id": "correctie nr.",
    "created": "aangemaakt",
    "date": "datum",
    "deadlines_changed": "termijnen gewijzigd",
    "decision": "besluit",
    "designation": "aanwijzing nr.",
    "destination": "bestemming",
    "direction": "richting",
    "draft": "concept",
    "end_reason": "reden van einde",
    "ended_at": "beëindigd om",
    "entries": "vermeldingen",
    "filters": "filters",
    "format": "formaat",
    "found": "gevonden",
    "from": "van",
    "from_status": "vorige status",
    "function": "functie",
    "idle_minutes": "minuten inactief",
    "imported": "ingelezen",
    "initial_password": "eerste wachtwoord",
    "item": "stuk nr.",
    "items": "stukken",
    "job": "afdrukopdracht nr.",
    "kdf_profile": "sleutelafleiding",
    "keyring_backend": "sleutelring",
    "kind": "soort",
    "last_id": "laatste nr.",
    "first_id": "eerste nr.",
    "location": "locatie",
    "not_after": "geldig tot",
    "notes": "aantekeningen",
    "ok": "in orde",
    "on_time": "op tijd",
    "overdue": "over de termijn",
    "printed_heads": "ankers op afdrukken",
    "provision_id": "verstrekking nr.",
    "reason": "reden",
    "reference": "kenmerk",
    "registered": "geregistreerd",
    "report": "ambtsbericht nr.",
    "report_id": "ambtsbericht nr.",
    "reports": "ambtsberichten",
    "request_id": "verzoek nr.",
    "request_status": "status verzoek",
    "results": "resultaten",
    "roles": "rollen",
    "rows": "regels",
    "search": "met zoekopdracht",
    "sessions": "inzages",
    "signing_key": "ondertekensleutel",
    "size_bytes": "grootte (bytes)",
    "spontaneous": "spontaan",
    "status": "status",
    "subject": "certificaat",
    "to": "naar",
    "total_seconds": "duur (seconden)",
    "until": "tot en met",
    "user": "account",
    "users": "accounts",
    "valid": "geldig",
    "verdict": "oordeel",
    "version": "versie",
    "viewed": "ingezien",
    "was_locked": "was geblokkeerd",
    # the covenant register (services.covenant): parties, dates, versions, codes
    "approvals_reset": "vervallen goedkeuringen",
    "covenant": "convenant nr.",
    "effective_on": "gaat in op",
    "notice_on": "datum van de opzegging",
    "outcome": "besluit (instemming)",
    "party": "partij",
    # technical: behind "Details"
    "anchor": "anker",
    "audit_head": "kop van de audittrail",
    "fingerprint": "vingerafdruk",
    "keyring_head": "kop in de sleutelring",
    "sha256": "SHA-256",
    "text_sha256": "SHA-256 van de tekst",
}

# Keys whose values are hashes or anchors: for the specialist, behind the "Details" button.
TECHNICAL_KEYS = frozenset(
    {"anchor", "audit_head", "fingerprint", "keyring_head", "sha256", "text_sha256"}
)

# What the CSV export may carry: identifiers, counts, codes and dates the code writes; no
# names of persons and no free text. Reviewed key by key; a new key stays out until added.
EXPORTED_KEYS = frozenset(
    set(DETAIL_LABELS)
    - {
        "function",  # typed by the signer
        "notes",  # the inspector's notes (a flag today, text in older workspaces)
        "reason",  # a delay reason is free text
        "subject",  # a certificate subject carries a person's name
        "decision",  # typed reference text
        "destination",  # a path can carry a name
    }
)

_CODE_WORDS = {
    "forbidden": "geen bevoegdheid",
    "involved": "betrokken bij het ambtsbericht (art. 2.5)",
    "not_designated": "geen geldige aanwijzing",
    "wrong_location": "niet op de juiste locatie",
    "four_eyes": "vier-ogenprincipe",
    "invalid_state": "niet in deze fase",
}
_ROLE_WORDS = {
    "aivd_officer": "AIVD-behandelaar",
    "aivd_signer": "AIVD-ondertekenaar",
    "ind_liaison": "IND-liaison",
    "ind_inspector": "IND-inzagemedewerker",
    "admin": "functioneel beheerder",
}
# Small words of the readable details: yes, no, none, new.
_WORDS = ("ja", "nee", "geen", "nieuw")
_HEX = re.compile(r"(\d+:)?[0-9a-f]{32,}")
# A moment the code wrote (``attempted_at``, ``ended_at``): stored as UTC ISO 8601, shown in
# Amsterdam time like the trail's own column (docs/translations.md), never as raw UTC.
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")


def parse_details(details: str | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(details, Mapping):
        return dict(details)
    try:
        data = json.loads(details)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _value_text(key: str, value: Any, *, exported: bool = False) -> str:
    if isinstance(value, bool):
        return translate(_WORDS[0] if value else _WORDS[1])
    if isinstance(value, list | tuple):
        return ", ".join(_value_text(key, v, exported=exported) for v in value) or translate(
            _WORDS[2]
        )
    if isinstance(value, Mapping):
        return ", ".join(
            f"{_key_text(k)} {_value_text(k, v, exported=exported)}" for k, v in value.items()
        )
    text = str(value)
    if isinstance(value, str) and _MOMENT.fullmatch(text.strip()):
        when = timefmt.parse_stored(text)
        if when is not None:
            # The CSV keeps a machine-readable moment, with Amsterdam's offset like its own
            # time column; the window and the list read it as the trail's table style.
            return timefmt.iso_local(when) if exported else timefmt.table_datetime_seconds(when)
    if key == "code":
        return translate(_CODE_WORDS.get(text, text))
    if key == "roles":
        return translate(_ROLE_WORDS.get(text, text))
    if key in ("classification", "clearance"):
        return text.replace("_", " ")
    return text


def _key_text(key: str) -> str:
    label = DETAIL_LABELS.get(key)
    return key.replace("_", " ") if label is None else translate(label)


def _is_technical(key: str, value: Any) -> bool:
    return key in TECHNICAL_KEYS or (isinstance(value, str) and _HEX.fullmatch(value) is not None)


@dataclass(frozen=True)
class ReadableDetails:
    plain: str  # "rollen: IND-inzagemedewerker; machtiging: ongerubriceerd"
    technical: str  # "SHA-256: ab12…" (one per line), for the "Details" button


def readable_details(
    details: str | Mapping[str, Any], *, exported_only: bool = False
) -> ReadableDetails:
    """The details as a person reads them. Empty values (None) are left out: "anker: geen"
    says nothing an auditor needs. ``exported_only`` keeps only ``EXPORTED_KEYS``."""
    data = parse_details(details)
    plain: list[str] = []
    technical: list[str] = []
    for key in sorted(data):
        value = data[key]
        if value is None or value == "" or (exported_only and key not in EXPORTED_KEYS):
            continue
        line = f"{_key_text(key)}: {_value_text(key, value, exported=exported_only)}"
        (technical if _is_technical(key, value) else plain).append(line)
    return ReadableDetails("; ".join(plain), "\n".join(technical))
