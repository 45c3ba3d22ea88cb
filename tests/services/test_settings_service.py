"""services.settings: anyone reads the values in force, only the administrator changes them,
each change one audited transaction with the old and the new value."""

from __future__ import annotations

from typing import Any

import pytest
from support.helpers import populate

from desktop_app.domain.errors import Forbidden, InvalidInput, NotFound
from desktop_app.domain.settings import (
    IDLE_MINUTES,
    INSPECTION_IDLE_MINUTES,
    SENDER_BLOCK,
    SIGNER_FUNCTION,
    WARN_FROM_DAY,
)
from desktop_app.services import requests as request_service
from desktop_app.services import settings
from desktop_app.services.inspections import idle_minutes
from desktop_app.storage import audit


def _last_audit(session: Any) -> Any:
    with session.reading() as conn:
        return audit.recent(conn, 1)[0]


def test_defaults_then_a_change_is_audited_with_old_and_new(workspace: Any) -> None:
    populate(workspace)
    with workspace.session("beheer") as admin:
        values = {v.key: v.value for v in settings.list_settings(admin)}
        # init stores idle_minutes explicitly; the others read as their defaults.
        assert {k: values[k] for k in ("idle_minutes", "inspection_idle_minutes")} == {
            "idle_minutes": 5,
            "inspection_idle_minutes": 10,
        }
        assert values["warn_from_day"] == 8
        view = settings.change(admin, "inspection_idle_minutes", "3")
        assert view.value == 3 and view.as_dict()["maximum"] == 60
        entry = _last_audit(admin)
        assert (entry.action, entry.object, entry.result) == (
            "settings.inspection_idle_minutes",
            "setting:inspection_idle_minutes",
            "ok",
        )
        assert '"from":null' in entry.details and '"to":3' in entry.details
        settings.change(admin, "warn_from_day", 6)
    with workspace.session("officier") as officer:
        assert settings.value(officer, INSPECTION_IDLE_MINUTES) == 3
        assert request_service.warn_from_day(officer) == 6
        with officer.reading() as conn:
            assert idle_minutes(conn) == 3


def test_refusals_change_nothing(workspace: Any) -> None:
    populate(workspace)
    with workspace.session("officier") as officer:
        with pytest.raises(Forbidden):
            settings.change(officer, "idle_minutes", "60")
        entry = _last_audit(officer)
        assert (entry.action, entry.result) == ("settings.idle_minutes", "denied")
    with workspace.session("beheer") as admin:
        for bad in ("0", "121", "zestig"):
            with pytest.raises(InvalidInput):
                settings.change(admin, "idle_minutes", bad)
        with pytest.raises(NotFound):
            settings.change(admin, "onbekend", "1")
        assert settings.value(admin, IDLE_MINUTES) == 5
        assert settings.value(admin, WARN_FROM_DAY) == 8


def test_text_settings_and_one_signer_function_per_signer_account(workspace: Any) -> None:
    populate(workspace)
    with workspace.session("beheer") as admin:
        views = {v.key: v for v in settings.list_settings(admin)}
        assert views["sender_block"].value == SENDER_BLOCK.default
        assert views["default_copies"].value == 1
        # One line per account holding aivd_signer, none for the others.
        signer_keys = [k for k in views if k.startswith("signer_function:")]
        assert signer_keys == ["signer_function:tekenaar"]
        assert views["signer_function:tekenaar"].value == ""
        assert views["signer_function:tekenaar"].as_dict()["account"] == "tekenaar"
        view = settings.change(admin, "sender_block", "Postbus 20010|2500 EA Den Haag|NL")
        assert view.value == "Postbus 20010\n2500 EA Den Haag\nNL"
        entry = _last_audit(admin)
        assert (entry.action, entry.object) == ("settings.sender_block", "setting:sender_block")
        settings.change(admin, "signer_function:tekenaar", "directeur Inlichtingen")
        entry = _last_audit(admin)
        assert entry.object == "setting:signer_function:tekenaar"
        assert '"to":"directeur Inlichtingen"' in entry.details
        # Per account only, and only for a signer.
        with pytest.raises(NotFound, match="per account"):
            settings.change(admin, "signer_function", "directeur")
        with pytest.raises(NotFound, match="ondertekenaar"):
            settings.change(admin, "signer_function:officier", "directeur")
        with pytest.raises(NotFound):
            settings.change(admin, "sender_block:tekenaar", "x")
        with pytest.raises(InvalidInput):
            settings.change(admin, "ind_addressee", "")
        with pytest.raises(InvalidInput):
            settings.change(admin, "default_copies", "51")
    with workspace.session("tekenaar") as signer:
        assert settings.text_value(signer, SIGNER_FUNCTION, signer.user.id) == (
            "directeur Inlichtingen"
        )
        with pytest.raises(Forbidden):
            settings.change(signer, "signer_function:tekenaar", "hoofd")
        assert settings.text_value(signer, SENDER_BLOCK).endswith("\nNL")
