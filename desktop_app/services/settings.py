"""Reading and changing the workspace's business settings (declared in ``domain.settings``).

Anyone signed in reads the values in force (the window needs its idle lock); only the
administrator changes them, one audited transaction each, with the old and the new value.

A per-account setting (``TextSetting.per_account``, the function each signer signs in) is
listed once per account holding the role, under the key ``KEY:ACCOUNT``; its value is stored
under the account's id (``KEY:ID``), so it stays with the account.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.errors import NotFound
from desktop_app.domain.roles import ADMIN_ONLY
from desktop_app.domain.settings import (
    SETTINGS,
    IntSetting,
    Setting,
    TextSetting,
    account_key,
    setting,
    split_key,
)
from desktop_app.domain.text import shown
from desktop_app.services.session import Session
from desktop_app.storage import users as repo
from desktop_app.storage.db import Connection


@dataclass(frozen=True)
class SettingView:
    spec: Setting
    value: int | str
    account: str | None = None  # the account of a per-account setting
    account_full_name: str | None = None

    @property
    def key(self) -> str:
        return self.spec.key if self.account is None else account_key(self.spec, self.account)

    @property
    def label(self) -> str:
        if self.account is None:
            return self.spec.label
        return f"{self.spec.label} — {self.account_full_name or self.account} ({self.account})"

    def as_dict(self) -> dict[str, object]:
        s = self.spec
        out: dict[str, object] = {"key": self.key, "label": self.label, "value": self.value}
        if isinstance(s, IntSetting):
            out |= {
                "default": s.default,
                "minimum": s.minimum,
                "maximum": s.maximum,
                "unit": s.unit,
                "kind": "int",
            }
        else:
            out |= {
                "default": s.default,
                "max_length": s.max_length,
                "minimum_lines": s.minimum_lines,
                "maximum_lines": s.maximum_lines,
                "kind": "text",
            }
            if self.account is not None:
                out["account"] = self.account
        return out


def _stored_key(spec: Setting, user_id: int | None) -> str:
    return spec.key if user_id is None else f"{spec.key}:{int(user_id)}"


def read(conn: Connection, spec: IntSetting) -> int:
    """The value in force, inside a use case's own transaction or read."""
    return spec.read(repo.get_setting(conn, spec.key))


def read_text(conn: Connection, spec: TextSetting, user_id: int | None = None) -> str:
    """A text setting's value in force (of ``user_id`` for a per-account one)."""
    return spec.read(repo.get_setting(conn, _stored_key(spec, user_id)))


def value(session: Session, spec: IntSetting) -> int:
    with session.reading() as conn:
        return read(conn, spec)


def text_value(session: Session, spec: TextSetting, user_id: int | None = None) -> str:
    with session.reading() as conn:
        return read_text(conn, spec, user_id)


def _views(conn: Connection) -> list[SettingView]:
    out: list[SettingView] = []
    accounts = repo.all_users(conn)
    for spec in SETTINGS:
        if isinstance(spec, IntSetting):
            out.append(SettingView(spec, read(conn, spec)))
        elif spec.per_account is None:
            out.append(SettingView(spec, read_text(conn, spec)))
        else:
            for user in accounts:
                if spec.per_account in user.roles:
                    out.append(
                        SettingView(spec, read_text(conn, spec, user.id), user.name, user.full_name)
                    )
    return out


def list_settings(session: Session) -> list[SettingView]:
    with session.reading() as conn:
        return _views(conn)


def change(session: Session, key: str, entered: str | int) -> SettingView:
    base, account = split_key(key)
    spec = setting(base)
    per_account = isinstance(spec, TextSetting) and spec.per_account is not None
    if per_account != (account is not None):
        if account is None:
            raise NotFound(
                f"'{spec.key}' geldt per account: gebruik {spec.key}:ACCOUNT "
                f"(bijvoorbeeld {spec.key}:tekenaar)."
            )
        raise NotFound(f"Er is geen instelling '{shown(key)}'.")
    view_key = spec.key if account is None else account_key(spec, account)
    with session.transaction(f"settings.{spec.key}", f"setting:{view_key}") as tx:
        session.require(ADMIN_ONLY, "instellingen wijzigen")
        user_id: int | None = None
        full_name: str | None = None
        if account is not None:
            assert isinstance(spec, TextSetting) and spec.per_account is not None
            user = repo.by_name(tx.conn, account)
            if user is None or spec.per_account not in user.roles:
                raise NotFound(
                    f"Er is geen account '{shown(account)}' met de rol {spec.per_account.label_nl}."
                )
            user_id, full_name = int(user.id), user.full_name
        new = spec.parse(entered)
        stored_key = _stored_key(spec, user_id)
        old = repo.get_setting(tx.conn, stored_key)
        repo.set_setting(tx.conn, stored_key, spec.store(new))  # type: ignore[arg-type]
        tx.details = {"from": old, "to": new}
    return SettingView(spec, new, account, full_name)
