"""The light table of commands: name, help text and the module that implements it.

``werkplek --help`` lists every command from this table alone; only the invoked command's
module is imported (its parser and handlers, and through them the services it needs). A module
under ``desktop_app.cli.commands`` defines ``register(sub, handlers)`` for the commands this
table assigns to it. Order is the order of ``--help``.
"""

from __future__ import annotations

from typing import NamedTuple


class Command(NamedTuple):
    name: str
    help: str
    modules: tuple[str, ...]
    # Sub-commands that live in another module than the group's own (loaded only for them).
    sub_modules: tuple[tuple[str, str], ...] = ()


COMMANDS: tuple[Command, ...] = (
    Command("init", "een nieuwe werkplek aanmaken", ("workspace",)),
    Command("version", "versie tonen", ("version",)),
    Command("user", "gebruikers beheren", ("user",)),
    Command("passwd", "eigen wachtwoord wijzigen", ("user",)),
    Command("designate", "aanwijzing door de Hoofddirecteur IND vastleggen", ("user",)),
    Command("designation", "aanwijzing beëindigen of intrekken, geschiedenis (beheer)", ("user",)),
    Command("audit", "audittrail", ("audit",)),
    Command("backup", "versleutelde back-up maken", ("backup",)),
    Command("restore", "back-up terugzetten met de herstelsleutel", ("backup",)),
    Command(
        "rebind", "werkplek opnieuw aan de sleutelring koppelen (herstelsleutel)", ("workspace",)
    ),
    Command("workspace", "de werkplek zelf: sleutels vervangen (beheer)", ("workspace",)),
    Command("request", "naslagverzoeken", ("request",)),
    Command("provision", "verstrekkingenregister", ("provision",)),
    Command("stats", "cijfers voor het periodiek overleg", ("stats",)),
    Command("consultation", "periodiek overleg van de hoofden (art. 3.2)", ("consultation",)),
    Command("calendar", "gelijkgestelde dagen en sluitingsdagen (beheer)", ("calendar",)),
    Command("settings", "instellingen van de werkplek (beheer)", ("settings",)),
    Command("retention", "bewaartermijnen en vernietiging (Archiefwet)", ("retention",)),
    # print, verify and prints are report sub-commands that need the PDF stack: their module
    # adds them to the group the report module makes, and is imported only for them.
    Command(
        "report",
        "ambtsberichten",
        ("report",),
        (
            ("print", "printing"),
            ("verify", "printing"),
            ("prints", "printing"),
            ("marking", "marking"),
            ("subject", "marking"),
        ),
    ),
    Command("review", "beoordeling door de IND-liaison", ("review",)),
    Command("signing", "het ondertekeningscertificaat van de werkplek", ("signing",)),
    Command("evidence", "onderliggende gegevens bij een ambtsbericht", ("evidence",)),
    Command("inspect", "inzage in onderliggende gegevens (art. 2.5)", ("inspect",)),
    Command(
        "covenant", "het convenantregister, wijziging en opzegging (art. 4 en 5)", ("covenant",)
    ),
    Command("plan", "uitvoeringsplannen (art. 3.3)", ("covenant",)),
    Command("queue", "wat op u wacht (werkvoorraad per rol)", ("queue",)),
)

BY_NAME = {c.name: c for c in COMMANDS}
PACKAGE = "desktop_app.cli.commands"


def modules_for(name: str, subcommand: str | None) -> tuple[str, ...]:
    """The modules to import for ``name [subcommand]``; every module of the group when the
    sub-command is not known (``werkplek report --help``, a typo)."""
    command = BY_NAME[name]
    short = list(command.modules)
    subs = dict(command.sub_modules)
    if subcommand is not None and subcommand in subs:
        short.append(subs[subcommand])
    elif subcommand is None:
        short.extend(dict.fromkeys(subs.values()))
    return tuple(f"{PACKAGE}.{m}" for m in short)


def all_modules(name: str) -> tuple[str, ...]:
    command = BY_NAME[name]
    short = dict.fromkeys([*command.modules, *dict(command.sub_modules).values()])
    return tuple(f"{PACKAGE}.{m}" for m in short)
