"""Bad text through the services (issue 15): a NUL, a lone surrogate, a bidi override or a
zero-width character is refused as InvalidInput naming the field, before anything is written;
nothing crashes on the way to storage."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import InvalidInput, InvalidState
from desktop_app.domain.queries import RequestQuery
from desktop_app.domain.roles import Role
from desktop_app.services import calendar as calendar_service
from desktop_app.services import printing, users
from desktop_app.services import provisions as provision_service
from desktop_app.services import reports as report_service
from desktop_app.services import requests as request_service
from desktop_app.services.session import Session

PASSWORDS = {"officier": "officier-wachtwoord", "inspecteur": "inspecteur-wachtwoord"}
SURROGATE = "\udcff"  # what surrogateescape makes of a non-UTF-8 byte in argv
RLO = "\u202e"
ZWSP = "\u200b"


@pytest.fixture
def ws(workspace: Any) -> Any:
    with workspace.session() as admin:
        users.add_user(
            admin,
            name="officier",
            password=PASSWORDS["officier"],
            roles=[Role.AIVD_OFFICER],
            clearance=Classification.STG_GEHEIM,
        )
        users.add_user(
            admin,
            name="inspecteur",
            password=PASSWORDS["inspecteur"],
            roles=[Role.IND_INSPECTOR],
        )
    return workspace


def refused(act: Any, field: str) -> InvalidInput:
    with pytest.raises(InvalidInput) as info:
        act()
    assert info.value.field == field
    assert info.value.exit_code == 2
    info.value.message.encode("utf-8")  # a message never carries what it refuses
    return info.value


def _requests(s: Session) -> int:
    return len(request_service.request_ids(s, RequestQuery()))


@pytest.mark.parametrize(
    "name", [f"Jan{SURROGATE}", "Jan\x00Jansen", f"Jan{RLO}Jansen", f"Jan{ZWSP}Jansen", "A\x1b[2J"]
)
def test_a_bad_subject_name_is_refused_before_storage(ws: Any, name: str) -> None:
    with ws.session("officier", PASSWORDS["officier"]) as s:
        refused(
            lambda: request_service.add_request(
                s, subject_name=name, v_number="0123456789", purpose="asylum"
            ),
            "subject_name",
        )
        assert _requests(s) == 0


def test_joiners_a_script_needs_are_stored(ws: Any) -> None:
    with ws.session("officier", PASSWORDS["officier"]) as s:
        record = request_service.add_request(
            s, subject_name="می\u200cخواهم", v_number="0123456789", purpose="asylum"
        )
        assert record.subject_name == "می\u200cخواهم"


def test_a_bad_json_import_stores_nothing(ws: Any) -> None:
    good = {
        "subject_name": "A",
        "v_number": "0123456789",
        "purpose": "asylum",
        "received": "2026-01-05",
    }
    documents = {
        "duplicate key": f'[{json.dumps(good)}, {{"v_number": "1", "v_number": "2"}}]',
        "surrogate": json.dumps([good, {**good, "subject_name": "\ud800"}]),
        "huge number": f'[{json.dumps(good)}, {{"v_number": {"1" * 5000}}}]',
    }
    with ws.session("officier", PASSWORDS["officier"]) as s:
        for doc in documents.values():
            err = refused(
                lambda doc=doc: request_service.import_requests(s, doc.encode(), ".json"),
                err_field(doc),
            )
            assert err.row == 2
        deep = ("[" * 100_000).encode()
        refused(lambda: request_service.import_requests(s, deep, ".json"), "file")
        assert _requests(s) == 0


def err_field(doc: str) -> str:
    return "subject_name" if "ud800" in doc else "v_number"


def test_notify_delay_on_a_closed_request_is_invalid_state(ws: Any) -> None:
    with ws.session("officier", PASSWORDS["officier"]) as s:
        record = request_service.add_request(
            s, subject_name="A", v_number="0123456789", purpose="asylum"
        )
        request_service.start_request(s, record.id)
        request_service.close_no_data(s, record.id, reason="geen gegevens")
        with pytest.raises(InvalidState) as info:
            request_service.notify_delay(s, record.id, reason="te laat")
        assert info.value.code == "invalid_state"
        assert "al afgesloten" in info.value.message
        assert request_service.get_request(s, record.id).delay_notice is None


def test_account_names_and_designations(ws: Any) -> None:
    with ws.session() as admin:
        for full_name in (f"Olga{RLO}Officier", f"Olga{SURROGATE}", "Olga\x00"):
            refused(
                lambda full_name=full_name: users.add_user(
                    admin,
                    name="olga",
                    password="olga-wachtwoord",
                    roles=[Role.AIVD_OFFICER],
                    full_name=full_name,
                ),
                "full_name",
            )
        stored = users.add_user(
            admin,
            name="olga",
            password="olga-wachtwoord",
            roles=[Role.AIVD_OFFICER],
            full_name="C\u0327elik  Olga",
        )
        assert stored.full_name == "Çelik Olga"  # NFC, one space
        refused(
            lambda: users.add_user(
                admin, name="piet", password=f"wachtwoord{SURROGATE}", roles=[Role.AIVD_OFFICER]
            ),
            "password",
        )
        for ref in (f"HD-IND{RLO}2026/1", f"HD-IND{SURROGATE}", "HD\x00IND"):
            refused(
                lambda ref=ref: users.designate(admin, name="inspecteur", decision_ref=ref),
                "decision",
            )
        refused(lambda: printing.set_signer_function(admin, "olga", "directeur\x1b[8m"), "function")
        refused(
            lambda: calendar_service.add_day(
                admin, dt.date(2026, 12, 28), kind="closure", description="sluiting\x00"
            ),
            "description",
        )
        assert users.list_designations(admin) == []


REPORT = "Onderwerp: betrokkene A\n\nAanleiding\nVerzoek.\n\nConclusie\nGeen bezwaar.\n"


def test_report_texts_titles_and_provisions(ws: Any) -> None:
    with ws.session("officier", PASSWORDS["officier"]) as s:
        refused(lambda: report_service.draft_report(s, text=REPORT, title=f"Over{RLO}A"), "title")
        refused(lambda: report_service.draft_report(s, text=REPORT + "\x00"), "text")
        refused(lambda: report_service.draft_report(s, text=REPORT + SURROGATE), "text")
        # Free text keeps what quoting right-to-left text needs; the title taken from it drops
        # the invisible characters a typed title may not hold.
        saved = report_service.draft_report(
            s, text=REPORT.replace("betrokkene A", f"betrokkene {RLO}A")
        )
        assert saved.report.title == "betrokkene A"
        refused(
            lambda: provision_service.add_provision(
                s, direction="aivd_to_ind", description="gegevens\x00"
            ),
            "description",
        )
        refused(
            lambda: provision_service.add_provision(
                s, direction="aivd_to_ind", description="gegevens", provided_by=f"Olga{ZWSP}"
            ),
            "provided_by",
        )
        added = provision_service.add_provision(
            s, direction="aivd_to_ind", description="gegevens", date=dt.date(2026, 1, 5)
        )
        assert added.description == "gegevens"
