"""Build a smaller ICU data library for the bundle: PySide6's libicudata carries the data of
every locale (31 MB); Qt in this application needs only the core tables and the Dutch and
English locales (7 MB).

usage: python tools/icu_trim.py LIBICUDATA OUTPUT_DIR   -> prints the new library's path

The data is a package of items (``icupkg -l``). Removed: the other locales' data in every tree,
the legacy code-page converters (``*.cnv``: the application reads and writes UTF-8 only; the
algorithmic converters need no data) and the transliterators (Qt never uses them). Kept: root,
``nl*`` and ``en*``, the normalisation, property, break-iterator and time-zone tables. The
result is assembled into a library with the same soname and data symbol, so libicuuc loads it
as before. Needs ``icupkg`` (Debian: icu-devtools), ``objcopy`` and ``gcc`` (binutils, gcc):
``make bundle`` installs them.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LOCALES = re.compile(r"^(root|en|nl)(_.*)?\.res$")
# A locale's data file: ll, lll, with script, region, variant (de__PHONEBOOK, es_.res ...).
LOCALE = re.compile(
    r"^[a-z]{2,3}(_[A-Z][a-z]{3})?(_([A-Z]{2}|[0-9]{3}))?(_[A-Z]+)?_?(_[A-Z]+)?\.res$"
)

ASSEMBLY = """\
    .section .rodata
    .globl {symbol}
    .type {symbol}, @object
    .balign 16
{symbol}:
    .incbin "{data}"
    .size {symbol}, .-{symbol}
    .section .note.GNU-stack,"",@progbits
"""


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def data_symbol(library: Path) -> tuple[str, int, int]:
    """(name, address, size) of the ``icudtNN_dat`` symbol."""
    for line in _run("nm", "-D", "-S", "--defined-only", str(library)).splitlines():
        parts = line.split()
        if len(parts) == 4 and re.fullmatch(r"icudt\d+_dat", parts[3]):
            return parts[3], int(parts[0], 16), int(parts[1], 16)
    raise SystemExit(f"{library}: no icudtNN_dat symbol")


def rodata_address(library: Path) -> int:
    for line in _run("readelf", "-S", "-W", str(library)).splitlines():
        fields = line.replace("[", " ").replace("]", " ").split()
        if ".rodata" in fields:
            at = fields.index(".rodata")
            return int(fields[at + 2], 16)
    raise SystemExit(f"{library}: no .rodata section")


def removed_items(items: list[str]) -> list[str]:
    removed = []
    for item in items:
        tree, _, name = item.rpartition("/")
        unused_tree = tree == "translit" or (not tree and name.endswith(".cnv"))
        other_locale = LOCALE.match(name) and not KEEP_LOCALES.match(name)
        if unused_tree or other_locale:
            removed.append(item)
    return removed


def trim(library: Path, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    symbol, address, size = data_symbol(library)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rodata = work / "rodata.bin"
        _run("objcopy", "-O", "binary", "--only-section=.rodata", str(library), str(rodata))
        start = address - rodata_address(library)
        # icupkg takes the package name (its items' prefix) from the file name.
        package = symbol.removesuffix("_dat") + ("l" if sys.byteorder == "little" else "b")
        (work / "in").mkdir()
        full = work / "in" / f"{package}.dat"
        full.write_bytes(rodata.read_bytes()[start : start + size])
        items = [i for i in _run("icupkg", "-l", str(full)).split() if i]
        remove_list = work / "remove.txt"
        remove_list.write_text("\n".join(removed_items(items)) + "\n")
        trimmed = work / f"{package}.dat"
        _run("icupkg", "-r", str(remove_list), str(full), str(trimmed))
        source = work / "icudata.S"
        source.write_text(ASSEMBLY.format(symbol=symbol, data=trimmed))
        target = out_dir / library.name
        _run(
            "gcc",
            "-shared",
            "-nostdlib",
            f"-Wl,-soname,{library.name}",
            "-o",
            str(target),
            str(source),
        )
    return target


if __name__ == "__main__":
    print(trim(Path(sys.argv[1]), Path(sys.argv[2])))
