"""Issue 13, Accounts: editing, deactivating, resetting a password, role separation, password
rules, ending and revoking designations. Every change audited with old and new value, never a
secret; every refusal changes nothing."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from support.helpers import ADMIN_PW, password_of, populate

from desktop_app.domain import accounts
from desktop_app.domain.classification import Classification
from desktop_app.domain.designations import current_designation
from desktop_app.domain.errors import AccountLocked, AuthFailed, Forbidden, InvalidInput
from desktop_app.domain.roles import ROLE_CONFLICT, Role, role_conflict, validate_role_set
from desktop_app.services import users
from desktop_app.services.permissions import AccountStep, account_actions
from desktop_app.storage import users as users_repo

C = Classification


def _entries(session: Any, action: str) -> list[tuple[str, str, dict[str, Any]]]:
    with session.reading() as conn:
        rows = conn.execute(
            "SELECT object, result, details FROM audit WHERE action = ? ORDER BY seq", (action,)
        ).fetchall()
    return [(r[0], r[1], json.loads(r[2])) for r in rows]


def _view(session: Any, name: str) -> users.UserView:
    return users.user_view(session, name)


@pytest.fixture
def staffed(workspace: Any) -> Any:
    populate(workspace)
    return workspace


# --- domain rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "roles",
    [
        {Role.AIVD_OFFICER, Role.IND_INSPECTOR},
        {Role.AIVD_OFFICER, Role.IND_LIAISON},
        {Role.AIVD_SIGNER, Role.IND_INSPECTOR},
        {Role.AIVD_SIGNER, Role.IND_LIAISON},
        {Role.AIVD_OFFICER, Role.AIVD_SIGNER, Role.IND_LIAISON},
        {Role.ADMIN, Role.IND_INSPECTOR},
    ],
)
def test_role_sets_that_break_the_separation(roles: set[Role]) -> None:
    with pytest.raises(InvalidInput):
        validate_role_set(roles)
    assert role_conflict(roles) is not None


@pytest.mark.parametrize(
    "roles",
    [
        {Role.AIVD_OFFICER, Role.AIVD_SIGNER},
        {Role.IND_LIAISON, Role.IND_INSPECTOR},
        {Role.ADMIN},
        {Role.IND_INSPECTOR},
    ],
)
def test_role_sets_within_one_service(roles: set[Role]) -> None:
    assert validate_role_set(roles) == frozenset(roles)
    assert role_conflict(roles) is None


@pytest.mark.parametrize(
    ("password", "fragment"),
    [
        ("kort-9tkn", "ten minste 10"),
        ("j.jansen12", "niet gelijk zijn aan de naam"),
        ("Wachtwoord123", "bekend als zwak"),
        ("qwertyuiop", "bekend als zwak"),
        ("1234567890", "bekend als zwak"),
        ("aaaaaaaaaaaa", "bekend als zwak"),
    ],
)
def test_password_rules(password: str, fragment: str) -> None:
    with pytest.raises(InvalidInput, match=fragment):
        accounts.validate_password(password, "j.jansen12")


def test_the_rule_text_names_every_rule() -> None:
    text = accounts.password_rules()
    assert f"{accounts.MIN_PASSWORD} tekens" in text
    assert "gebruikersnaam" in text and "zwak" in text
    assert accounts.validate_password("paars-olifant-17", "j.jansen") == "paars-olifant-17"


# --- editing ----------------------------------------------------------------------------------


def test_edit_changes_name_roles_clearance_and_audits_old_and_new(staffed: Any) -> None:
    with staffed.session("beheer") as s:
        record = users.edit_user(
            s,
            "officier",
            full_name="Olga  Officier-Nieuw",
            roles=[Role.AIVD_OFFICER, Role.AIVD_SIGNER],
            clearance=C.STG_ZEER_GEHEIM,
        )
        assert record.full_name == "Olga Officier-Nieuw"
        assert record.roles == {Role.AIVD_OFFICER, Role.AIVD_SIGNER}
        assert record.clearance is C.STG_ZEER_GEHEIM
        [(obj, result, details)] = _entries(s, "user.edit")
    assert (obj, result) == ("user:officier", "ok")
    assert details == {
        "full_name": {"old": "Officier Testpersoon", "new": "Olga Officier-Nieuw"},
        "roles": {"old": ["aivd_officer"], "new": ["aivd_officer", "aivd_signer"]},
        "clearance": {"old": "stg_geheim", "new": "stg_zeer_geheim"},
    }
    # The edited account works with its new roles at its next sign-in.
    with staffed.session("officier", password_of("officier")) as s:
        assert s.user.roles == {Role.AIVD_OFFICER, Role.AIVD_SIGNER}


def test_edit_only_what_is_given(staffed: Any) -> None:
    with staffed.session("beheer") as s:
        users.edit_user(s, "liaison", clearance=C.STG_GEHEIM)
        [(_, _, details)] = _entries(s, "user.edit")
        record = _view(s, "liaison").record
    assert details == {"clearance": {"old": "stg_confidentieel", "new": "stg_geheim"}}
    assert record.roles == {Role.IND_LIAISON}


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"roles": [Role.AIVD_OFFICER, Role.IND_LIAISON]}, "AIVD-rol"),
        ({"roles": [Role.ADMIN, Role.AIVD_OFFICER]}, "need-to-know"),
        ({"roles": []}, "ten minste één rol"),
        ({"full_name": "  "}, "volledige naam"),
        ({"clearance": C.STG_GEHEIM}, "niets gewijzigd"),
    ],
)
def test_edit_refusals_change_nothing(staffed: Any, kwargs: dict[str, Any], fragment: str) -> None:
    with staffed.session("beheer") as s:
        before = _view(s, "officier").record
        with pytest.raises(InvalidInput, match=fragment):
            users.edit_user(s, "officier", **kwargs)
        assert _view(s, "officier").record == before
        assert _entries(s, "user.edit") == []


def test_only_the_administrator_edits_and_the_refusal_is_audited(staffed: Any) -> None:
    with staffed.session("officier", password_of("officier")) as s:
        with pytest.raises(Forbidden):
            users.edit_user(s, "liaison", full_name="Iemand Anders")
        with pytest.raises(Forbidden):
            users.deactivate_user(s, "liaison")
        with pytest.raises(Forbidden):
            users.reset_password(s, "liaison", "een-nieuw-wachtwoord")
        with pytest.raises(Forbidden):
            users.end_designation(s, "inspecteur", decision_ref="X-1")
        assert [r for _, r, _ in _entries(s, "user.edit")] == ["denied"]
        assert [r for _, r, _ in _entries(s, "user.deactivate")] == ["denied"]
        assert [r for _, r, _ in _entries(s, "user.reset_password")] == ["denied"]
        assert [r for _, r, _ in _entries(s, "designation.end")] == ["denied"]


def test_the_last_administrator_keeps_the_role(staffed: Any) -> None:
    with staffed.session("beheer") as s:
        with pytest.raises(InvalidInput, match="enige actieve functioneel beheerder"):
            users.edit_user(s, "beheer", roles=[Role.AIVD_OFFICER])
        users.add_user(s, name="beheer2", password="tweede-beheer-ww", roles=[Role.ADMIN])
        users.edit_user(s, "beheer2", full_name="Tweede Beheerder")
        with pytest.raises(InvalidInput, match="eigen account"):
            users.deactivate_user(s, "beheer")
        users.deactivate_user(s, "beheer2")


# --- role conflicts from before the rule ------------------------------------------------------


def _legacy(session: Any, name: str, roles: set[Role]) -> None:
    with session.transaction("test.legacy_user", f"user:{name}", keys=True) as tx:
        users_repo.insert(
            tx.conn, name, "Dirk Dubbel", frozenset(roles), C.STG_GEHEIM, "2025-01-01T00:00:00Z"
        )
        tx.keys.set_user(tx.secret, session.dek, name, "dubbel-wachtwoord-1")


def test_a_legacy_conflict_is_reported_and_resolved_only_by_an_edit(
    staffed: Any, caplog: Any
) -> None:
    with staffed.session("beheer") as s:
        _legacy(s, "dubbel", {Role.AIVD_OFFICER, Role.IND_INSPECTOR})
        conflicts = users.role_conflicts(s)
        assert [v.record.name for v in conflicts] == ["dubbel"]
        assert conflicts[0].conflict == ROLE_CONFLICT
        # An edit that keeps the combination is refused, also when it only touches the name.
        with pytest.raises(InvalidInput, match="AIVD-rol"):
            users.edit_user(s, "dubbel", full_name="Dirk D. Dubbel")
        with pytest.raises(InvalidInput, match="AIVD-rol"):
            users.edit_user(s, "dubbel", roles=[Role.AIVD_OFFICER, Role.IND_LIAISON])
    # Opening the workspace reports it in the log (nothing is changed).
    caplog.set_level("WARNING", logger="desktop_app.services.workspace")
    with staffed.session("beheer") as s:
        assert any("dubbel" in r.getMessage() for r in caplog.records)
        assert _view(s, "dubbel").record.roles == {Role.AIVD_OFFICER, Role.IND_INSPECTOR}
        users.edit_user(s, "dubbel", roles=[Role.IND_INSPECTOR])
        assert users.role_conflicts(s) == []
        [(_, _, details)] = _entries(s, "user.edit")
    assert details["roles"] == {"old": ["aivd_officer", "ind_inspector"], "new": ["ind_inspector"]}


# --- deactivating -----------------------------------------------------------------------------


def test_a_deactivated_account_cannot_sign_in_and_stays_in_the_list(staffed: Any) -> None:
    with staffed.session("beheer") as s:
        record = users.deactivate_user(s, "liaison")
        assert record.active is False
        view = _view(s, "liaison")
        assert view.record.active is False
        [(obj, _, details)] = _entries(s, "user.deactivate")
        assert (obj, details) == ("user:liaison", {"active": {"old": True, "new": False}})
        with pytest.raises(InvalidInput, match="gedeactiveerd"):
            users.deactivate_user(s, "liaison")
        with pytest.raises(InvalidInput, match="gedeactiveerd"):
            users.reset_password(s, "liaison", "een-nieuw-wachtwoord")
    with pytest.raises(AuthFailed):
        staffed.session("liaison", password_of("liaison"))
    # The key slot is gone: the old password no longer opens the data key at all.
    keyfile = staffed.session("beheer").__enter__()
    try:
        kf = keyfile.keyfile
        w = keyfile.workstation_secret()
        assert not kf.has_user(w, "liaison")
        assert "liaison" not in kf.read_escrow(keyfile.dek)
    finally:
        keyfile.close()


def test_activate_again_with_a_new_initial_password(staffed: Any) -> None:
    with staffed.session("beheer") as s:
        users.deactivate_user(s, "liaison")
        with pytest.raises(InvalidInput, match="bekend als zwak"):
            users.activate_user(s, "liaison", "wachtwoord123")
        users.activate_user(s, "liaison", "weer-terug-ww-1")
        view = _view(s, "liaison")
        assert view.record.active and view.initial_password
        with pytest.raises(InvalidInput, match="is actief"):
            users.activate_user(s, "liaison", "weer-terug-ww-2")
    with staffed.session("liaison", "weer-terug-ww-1") as s:
        assert users.must_change_password(s)


# --- initial passwords ------------------------------------------------------------------------


def test_a_new_account_has_an_initial_password_until_its_own_is_chosen(workspace: Any) -> None:
    with workspace.session("beheer") as s:
        users.add_user(s, name="nieuw", password="begin-wachtwoord-1", roles=[Role.AIVD_OFFICER])
        assert _view(s, "nieuw").initial_password
        assert not _view(s, "beheer").initial_password
        assert not users.must_change_password(s)
    with workspace.session("nieuw", "begin-wachtwoord-1") as s:
        assert users.must_change_password(s)
        users.change_password(s, "begin-wachtwoord-1", "mijn-eigen-ww-1")
        assert not users.must_change_password(s)
        [(_, _, details)] = _entries(s, "user.passwd")
        assert details == {"initial_password": {"old": True, "new": False}}


def test_reset_password_makes_it_initial_and_audits_no_secret(staffed: Any) -> None:
    new_pw = "opnieuw-ingesteld-7"
    with staffed.session("beheer") as s:
        users.reset_password(s, "officier", new_pw)
        [(obj, _, details)] = _entries(s, "user.reset_password")
        assert obj == "user:officier"
        # populate's accounts still had the password given at creation.
        assert details == {"initial_password": {"old": True, "new": True}}
        with s.reading() as conn:
            dump = "\n".join(str(r) for r in conn.execute("SELECT * FROM audit").fetchall())
        assert new_pw not in dump
        with pytest.raises(InvalidInput, match="passwd"):
            users.reset_password(s, "beheer", "eigen-nieuw-wachtwoord")
        with pytest.raises(InvalidInput, match="niet gelijk zijn aan de naam"):
            users.reset_password(s, "officier", "Officier  ")
    with pytest.raises(AuthFailed):
        staffed.session("officier", password_of("officier"))
    with staffed.session("officier", new_pw) as s:
        assert users.must_change_password(s)


# --- permissions on one account ---------------------------------------------------------------


def test_deblokkeren_only_for_a_locked_account(staffed: Any) -> None:
    for _ in range(3):
        with pytest.raises((AuthFailed, AccountLocked)):
            staffed.session("liaison", "fout-wachtwoord")
    with staffed.session("beheer") as s:
        locked = account_actions(s, _view(s, "liaison"))
        assert locked[AccountStep.UNLOCK].allowed
        free = account_actions(s, _view(s, "officier"))
        assert not free[AccountStep.UNLOCK].allowed
        assert free[AccountStep.UNLOCK].reason == "Het account officier is niet geblokkeerd."
        own = account_actions(s, _view(s, "beheer"))
        assert not own[AccountStep.DEACTIVATE].allowed
        assert not own[AccountStep.RESET_PASSWORD].allowed
        assert own[AccountStep.EDIT].allowed
        users.deactivate_user(s, "officier")
        gone = account_actions(s, _view(s, "officier"))
        assert gone[AccountStep.ACTIVATE].allowed and not gone[AccountStep.DEACTIVATE].allowed
        assert not gone[AccountStep.RESET_PASSWORD].allowed


# --- designations -----------------------------------------------------------------------------


def test_end_a_designation_early(staffed: Any, clock: Any) -> None:
    today = clock.today()
    with staffed.session("beheer") as s:
        users.designate(s, name="inspecteur", decision_ref="HD-IND 2026/020")
        # populate gave one already; two are current, the one lasting longest is picked.
        ended = users.end_designation(
            s,
            "inspecteur",
            decision_ref="HD-IND 2026/031",
            until=today + dt.timedelta(days=10),
            designation_id=2,
        )
        assert ended.valid_until == today + dt.timedelta(days=10)
        [(obj, _, details)] = _entries(s, "designation.end")
        assert obj == "designation:2"
        assert details == {
            "user": "inspecteur",
            "decision": "HD-IND 2026/031",
            "designation": "HD-IND 2026/020",
            "until": {"old": None, "new": (today + dt.timedelta(days=10)).isoformat()},
        }
        with pytest.raises(InvalidInput, match="terugwerkende kracht"):
            users.end_designation(
                s,
                "inspecteur",
                decision_ref="X-2",
                until=today - dt.timedelta(days=1),
                designation_id=2,
            )
        with pytest.raises(InvalidInput, match="eerdere einddatum"):
            users.end_designation(
                s,
                "inspecteur",
                decision_ref="X-2",
                until=today + dt.timedelta(days=20),
                designation_id=2,
            )
        with pytest.raises(InvalidInput, match="kenmerk"):
            users.end_designation(s, "inspecteur", decision_ref=" ", designation_id=2)
        assert len(_entries(s, "designation.end")) == 1
        history = users.designation_history(s, "inspecteur")
    by_id = {int(h.record.id): h for h in history}
    assert [c.kind for c in by_id[2].changes] == ["ended"]
    assert by_id[2].changes[0].decision_ref == "HD-IND 2026/031"
    assert by_id[2].current and not by_id[2].revoked


def test_a_revoked_designation_no_longer_allows_inspection(staffed: Any, clock: Any) -> None:
    with staffed.session("beheer") as s:
        users.revoke_designation(s, "inspecteur", decision_ref="HD-IND 2026/099")
        with pytest.raises(InvalidInput, match="geen lopende aanwijzing"):
            users.revoke_designation(s, "inspecteur", decision_ref="HD-IND 2026/100")
        [history] = users.designation_history(s, "inspecteur")
        assert history.revoked and not history.current
        assert history.as_dict()["changes"][0]["decision"] == "HD-IND 2026/099"
        assert history.record.valid_until == clock.today() - dt.timedelta(days=1)
        # What the inspection rules read: no current designation from today on.
        with s.reading() as conn:
            uid = users_repo.by_name(conn, "inspecteur").id  # type: ignore[union-attr]
            assert current_designation(users_repo.designations(conn, uid), clock.today()) is None


def test_revoking_one_that_has_not_begun(staffed: Any, clock: Any) -> None:
    start = clock.today() + dt.timedelta(days=5)
    with staffed.session("beheer") as s:
        users.revoke_designation(s, "inspecteur", decision_ref="HD-IND 2026/099")
        users.designate(s, name="inspecteur", decision_ref="HD-IND 2026/050", valid_from=start)
        with pytest.raises(InvalidInput, match="nog niet ingegaan"):
            users.end_designation(s, "inspecteur", decision_ref="HD-IND 2026/051")
        revoked = users.revoke_designation(s, "inspecteur", decision_ref="HD-IND 2026/051")
        assert revoked.valid_until is not None and revoked.valid_until < revoked.valid_from
    clock.advance(dt.timedelta(days=6))
    with staffed.session("beheer") as s:
        assert not any(h.current for h in users.designation_history(s, "inspecteur"))


def test_a_deactivated_inspector_cannot_be_designated(staffed: Any) -> None:
    with staffed.session("beheer") as s:
        users.deactivate_user(s, "inspecteur")
        with pytest.raises(InvalidInput, match="gedeactiveerd"):
            users.designate(s, name="inspecteur", decision_ref="HD-IND 2026/060")


def test_admin_password_is_never_in_the_user_list(staffed: Any) -> None:
    with staffed.session("beheer") as s:
        dump = json.dumps([v.as_dict() for v in users.list_users(s)])
    assert ADMIN_PW not in dump and "initial_password" in dump
