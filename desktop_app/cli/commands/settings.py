"""settings list|set (an extension: the workspace's business settings, declared once in
domain.settings; the window's settings screen uses the same service)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop_app.cli.context import Commands
from desktop_app.cli.payloads import listed
from desktop_app.domain.settings import IntSetting
from desktop_app.services import settings as settings_service

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def cmd_settings_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        views = settings_service.list_settings(session)
    return listed(ctx, views, _setting_line)


def _setting_line(view: settings_service.SettingView) -> str:
    s = view.spec
    if isinstance(s, IntSetting):
        return f"{view.key} = {view.value}  ({s.label}; {s.minimum}–{s.maximum} {s.unit})"
    shown_value = " | ".join(str(view.value).split("\n"))
    return f"{view.key} = {shown_value}  ({view.label}; tekst)"


def cmd_settings_set(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        view = settings_service.change(session, ns.key, ns.value)
    ctx.say(f"{view.key} = {' | '.join(str(view.value).split(chr(10)))}")
    return view.as_dict()


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    ss = Commands(sub, handlers, "settings")
    ss.add("list", cmd_settings_list)
    p = ss.add("set", cmd_settings_set)
    p.add_argument("key")
    p.add_argument("value")
