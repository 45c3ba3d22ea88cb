"""English mode for the core: every Dutch message the code can show has an English entry, and
the catalogue turns real messages (with their run-time parts) into English.

When this fails after you added or changed a message: run ``python tools/extract_messages.py``
and fill in the new "" entries in desktop_app/domain/messages_en.py (docs/translations.md)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from desktop_app.domain import messages
from desktop_app.domain.errors import Forbidden
from desktop_app.domain.messages_en import CATALOGUE
from desktop_app.domain.roles import Role, require_any_role

TOOL = Path(__file__).resolve().parents[2] / "tools" / "extract_messages.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extract_messages", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("extract_messages", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def english() -> Iterator[None]:
    messages.set_language("en")
    yield
    messages.set_language("nl")


def test_every_dutch_message_has_an_english_entry() -> None:
    tool = _tool()
    found = tool.messages()
    # The extractor reads the code (not finding nothing): errors, CLI lines, actions, labels.
    assert "De limiet ligt tussen 1 en 100000." in found
    assert "U mag '{0}' niet uitvoeren; daarvoor is de rol {1} nodig." in found
    assert "audittrail bekijken" in found and "Account toegevoegd" in found
    gaps = {key: sorted(where)[:2] for key, where in tool.missing(found, CATALOGUE).items()}
    assert gaps == {}, (
        f"{len(gaps)} Dutch message(s) without English: run tools/extract_messages.py and fill"
        f" in desktop_app/domain/messages_en.py: {gaps}"
    )


def test_the_extractor_sees_texts_that_reach_people_indirectly() -> None:
    """A private refusal derived from an error class, a module-level text constant, and the
    ``line`` a list command gives ``listed`` are all catalogued (each was missed once, and its
    English went missing with it)."""
    import ast

    tool = _tool()
    trees = {
        "domain/errors.py": ast.parse(
            "class AppError(Exception): ...\nclass InvalidInput(AppError): ..."
        ),
        "services/x.py": ast.parse(
            "class _Refused(InvalidInput): ...\nclass _Deeper(_Refused): ..."
        ),
    }
    assert {"_Refused", "_Deeper", "InvalidInput"} <= tool._error_names(trees)
    module = ast.parse(
        'WRONG = "Het wachtwoord is onjuist."\n'
        "def _line(r):\n    return f'  {r.id}  {r.n} stuk(ken)'\n"
        "def cmd(ctx):\n"
        "    listed(ctx, a, _line)\n"
        "    listed(ctx, b, line=lambda i: f'  {i.id} gezien')\n"
    )
    assert tool.template(tool._constants(module)["WRONG"]) == ["Het wachtwoord is onjuist."]
    named = ast.parse("WRONG", mode="eval").body  # raised, said or returned by a line by name
    assert tool._text_of(named, tool._constants(module)) == ["Het wachtwoord is onjuist."]
    calls = [n for n in ast.walk(module) if isinstance(n, ast.Call)]
    returned = [tool.template(e) for e in tool._line_functions(module, calls)]
    assert sorted(returned) == [["  {0}  {1} stuk(ken)"], ["  {0} gezien"]]


def test_english_entries_keep_the_run_time_parts() -> None:
    wrong = {
        dutch: text
        for dutch, text in CATALOGUE.items()
        if text and sorted(messages.placeholders(dutch)) != sorted(messages.placeholders(text))
    }
    assert wrong == {}


def test_dutch_mode_changes_nothing() -> None:
    assert messages.language() == "nl"
    assert messages.translate("De limiet ligt tussen 1 en 100000.") == (
        "De limiet ligt tussen 1 en 100000."
    )


def test_plain_and_template_messages(english: None) -> None:
    assert messages.translate("De limiet ligt tussen 1 en 100000.") == (
        "The limit is between 1 and 100000."
    )
    assert messages.translate("Er is geen verzoek met nummer 42.") == (
        "There is no request with number 42."
    )
    # The most specific template wins over a general one with the same beginning.
    assert messages.translate("--data-dir: '/tmp/x' is geen map.") == (
        "--data-dir: '/tmp/x' is not a folder."
    )
    # Braces that are part of the text survive.
    assert messages.translate(
        "Het JSON-bestand moet een lijst van verzoeken zijn ([{...}, {...}])."
    ) == ("The JSON file must be a list of requests ([{...}, {...}]).")
    # Unknown text stays as it is (Dutch rather than nothing).
    assert messages.translate("Een heel nieuwe melding.") == "Een heel nieuwe melding."


def test_a_real_refusal_with_its_action_and_roles(english: None) -> None:
    with pytest.raises(Forbidden) as caught:
        require_any_role({Role.AIVD_OFFICER}, {Role.ADMIN}, "audittrail bekijken")
    assert messages.translate(caught.value.message) == (
        "You may not 'view the audit trail'; that requires the role Administrator."
    )
    with pytest.raises(Forbidden) as caught:
        require_any_role({Role.ADMIN}, {Role.AIVD_OFFICER, Role.IND_LIAISON}, "uitstel melden")
    assert messages.translate(caught.value.message) == (
        "You may not 'report a delay'; that requires the role AIVD officer, IND liaison."
    )


def test_language_choice() -> None:
    assert messages.set_language("EN") == "en"
    assert messages.set_language("fr") == "nl"
    assert messages.language_from_environment("en") == "en"
    assert messages.language_from_environment(None) in ("nl", "en")


def test_the_audit_trail_reads_english_in_english_mode(english: None) -> None:
    from desktop_app.domain import audit_labels as al

    assert al.action_label("user.add") == "Account added"
    assert al.result_label("denied") == "refused"
    assert al.object_label("report:12") == "report 12"
    assert al.object_label("report:new") == "new report"
    details = al.readable_details({"roles": ["ind_inspector"], "ok": True, "clearance": "x"})
    assert details.plain == "clearance: x; in order: yes; roles: IND inspector"


def test_an_english_label_filters_too(english: None) -> None:
    from desktop_app.domain import audit_labels as al

    assert al.action_filter("account added") == al.ActionFilter(("user.add",), None)


def test_a_date_part_reads_english(english: None) -> None:
    """The core writes timefmt.prose_date (Dutch, for print and storage); a sentence that reaches
    a person in English mode names the date in English."""
    assert messages.translate("2 december 2026 staat niet in de kalender.") == (
        "2 December 2026 is not in the calendar."
    )
    assert messages.translate("In orde bevonden op 1 juli 2026, 14:05.") == (
        "Found in order on 1 July 2026, 14:05."
    )
    assert messages.translate("Aanwijzing HD-IND 2026/017, geldig tot en met 31 mei 2027.") == (
        "Designation HD-IND 2026/017, valid up to and including 31 May 2027."
    )
    # A date alone, as the window may pass it.
    assert messages.translate("8 maart 2019") == "8 March 2019"
    # A date in a part that is no date stays as it was (a person's text is data).
    assert messages.translate("Er is geen verzoek met nummer 2 maart 2019.") == (
        "There is no request with number 2 March 2019."
    )
    assert messages.translate("Er is geen verzoek met nummer op 2 maart 2019.") == (
        "There is no request with number op 2 maart 2019."
    )


def test_dutch_mode_keeps_dutch_dates() -> None:
    assert messages.translate("2 december 2026 staat niet in de kalender.") == (
        "2 december 2026 staat niet in de kalender."
    )
    assert messages.translate("8 maart 2019") == "8 maart 2019"


def test_the_covenant_status_and_a_classification_duration(english: None) -> None:
    """Both stay Dutch where they are made (the JSON, the PDF's marking) and read English where
    a front end translates them, a phrase inside a sentence too."""
    import datetime as dt

    from desktop_app.domain import covenant
    from desktop_app.domain.classification import ClassificationDuration, duration_text

    starts, ends = dt.date(2019, 3, 8), dt.date(2027, 6, 8)
    cases = {
        dt.date(2019, 3, 1): "signed, in force from 8 March 2019",
        dt.date(2026, 12, 2): "in force since 8 March 2019",
    }
    for today, text in cases.items():
        assert messages.translate(covenant.status_text(starts, None, today)) == text
    dutch = covenant.status_text(starts, ends, dt.date(2026, 12, 2))
    assert dutch == "opgezegd per 8 juni 2027"
    assert messages.translate(dutch) == "terminated as of 8 June 2027"
    ended = covenant.status_text(starts, ends, dt.date(2027, 6, 8))
    assert messages.translate(ended) == "ended as of 8 June 2027 (terminated)"
    assert messages.translate(f"  in werking met ingang van 8 maart 2019; nu: {dutch}") == (
        "  in force from 8 March 2019; now: terminated as of 8 June 2027"
    )
    until = ClassificationDuration(until=dt.date(2036, 12, 31))
    assert until.text == "tot en met 31 december 2036"
    assert messages.translate(until.text) == "up to and including 31 December 2036"
    event = ClassificationDuration(event="afronding van het onderzoek")
    assert messages.translate(event.text) == "until: afronding van het onderzoek"
    assert messages.translate(duration_text(None)) == "not recorded"
    assert messages.translate(f"AIVD-2026-0001: rubriceringsduur {until.text}") == (
        "AIVD-2026-0001: classification duration up to and including 31 December 2036"
    )


def test_a_name_or_number_part_is_not_read_as_a_phrase(english: None) -> None:
    """Only a part that begins with catalogued words is looked up as a phrase: "3 dagen
    geleden" as somebody's text inside a sentence stays as it is."""
    assert messages.translate("3 dagen geleden") == "3 days ago"
    assert messages.translate("Er is geen verzoek met nummer 3 dagen geleden.") == (
        "There is no request with number 3 dagen geleden."
    )
