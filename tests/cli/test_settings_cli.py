"""`werkplek settings list|set` (an extension): the same service as the window's settings."""

from __future__ import annotations

from typing import Any

from support.helpers import ADMIN_PW, STAFF, populate


def test_list_then_set_and_the_new_value_is_in_force(
    as_user: Any, as_staff: Any, workspace: Any
) -> None:
    listed = as_staff("beheer", "settings", "list")
    assert listed.code == 0
    items = {i["key"]: i for i in listed.json["items"]}
    assert {"idle_minutes", "inspection_idle_minutes", "warn_from_day"} <= set(items)
    assert items["idle_minutes"] | {"label": None} == {
        "key": "idle_minutes",
        "label": None,
        "value": 5,
        "default": 5,
        "minimum": 1,
        "maximum": 120,
        "unit": "minuten",
        "kind": "int",
    }
    changed = as_staff("beheer", "settings", "set", "warn_from_day", "6")
    assert changed.code == 0 and changed.json["value"] == 6
    again = as_staff("beheer", "settings", "list")
    assert {i["key"]: i["value"] for i in again.json["items"]}["warn_from_day"] == 6
    human = as_user("beheer", "settings", "list", secrets=[ADMIN_PW], json_mode=False)
    assert "warn_from_day = 6" in human.out


def test_refusals_are_sentences_with_the_contract_codes(
    as_user: Any, as_staff: Any, workspace: Any
) -> None:
    populate(workspace)
    cases = [
        (("beheer", "idle_minutes", "0"), ADMIN_PW, "invalid_input", 2),
        (("beheer", "idle_minutes", "999999999999"), ADMIN_PW, "invalid_input", 2),
        (("beheer", "bestaat_niet", "3"), ADMIN_PW, "not_found", 2),
        (("officier", "idle_minutes", "30"), STAFF["officier"][0], "forbidden", 1),
    ]
    for (user, key, value), password, code, exit_code in cases:
        result = as_user(user, "settings", "set", key, value, secrets=[password])
        assert result.code == exit_code, result.out
        assert result.json["error"]["code"] == code
        assert result.json["error"]["message"].endswith(".")
    listed = as_staff("beheer", "settings", "list")
    assert {i["key"]: i["value"] for i in listed.json["items"]}["idle_minutes"] == 5


def test_text_settings_by_cli_lines_by_bar_and_per_signer(
    as_user: Any, as_staff: Any, workspace: Any
) -> None:
    populate(workspace)
    changed = as_staff(
        "beheer", "settings", "set", "ind_addressee", "IND|Postbus 17|9560 AA Ter Apel"
    )
    assert changed.code == 0 and changed.json["value"] == "IND\nPostbus 17\n9560 AA Ter Apel"
    assert changed.json["kind"] == "text" and changed.json["maximum_lines"] == 6
    fn = as_staff("beheer", "settings", "set", "signer_function:tekenaar", "directeur Inlichtingen")
    assert fn.code == 0 and fn.json["account"] == "tekenaar"
    listed = as_staff("beheer", "settings", "list")
    items = {i["key"]: i for i in listed.json["items"]}
    assert items["signer_function:tekenaar"]["value"] == "directeur Inlichtingen"
    bad = as_staff("beheer", "settings", "set", "ind_addressee", "")
    assert bad.code == 2 and bad.json["error"]["code"] == "invalid_input"
    human = as_user("beheer", "settings", "list", secrets=[ADMIN_PW], json_mode=False)
    assert "ind_addressee = IND | Postbus 17 | 9560 AA Ter Apel" in human.out
