"""After ``pyinstaller build.spec`` (``make bundle``): what the bundle weighs, how fast
``werkplek version`` answers, whether every shared library in it finds what it links to, and
whether the PDF and signature stack loads (``report verify``), and whether the bundled window
starts and signs in to a demo workspace.

usage: python tools/bundle_check.py [dist/werkplek]

Exit 1 when the build left out a library something still links to, or the window check
fails; the size and the time are
printed against their aims (150 MB, 1 s) with a warning when over, since the time depends on
the machine's load.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZE_AIM_MB = 150
VERSION_AIM_S = 1.0
RUNS = 5


def size_mb(folder: Path) -> float:
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    return total / 1_000_000


def version_seconds(exe: Path) -> float:
    """The median of a few runs (the first warms the file cache)."""
    subprocess.run([exe, "version"], check=True, capture_output=True, timeout=60)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([exe, "version"], check=True, capture_output=True, timeout=60)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def library_problems(folder: Path) -> tuple[list[str], list[str]]:
    """``ldd`` of every shared object, the bundle's folders searched first (as the bootloader
    arranges). Returns (dropped, absent): libraries resolved from the system that PyInstaller
    would have bundled (so the build dropped something still needed), and libraries this
    build machine does not have at all (``make system-deps-window`` installs them; the
    target machine then needs them too)."""
    from PyInstaller.depend.dylib import include_library

    internal = folder / "_internal"
    dirs = [str(internal), str(internal / "PySide6" / "Qt" / "lib")]
    env = {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join(dirs)}
    dropped: set[str] = set()
    absent: set[str] = set()
    host = host_libraries()
    for lib in sorted(internal.rglob("*.so*")):
        if not lib.is_file() or lib.is_symlink():
            continue
        for name, path in _ldd(lib, env):
            if path == "not found":
                absent.add(name)
            elif (
                path.startswith("/")
                and not path.startswith(str(folder.resolve()))
                and include_library(path)
                and name not in host
            ):
                dropped.add(f"{name} (needed by {lib.relative_to(internal)})")
    return sorted(dropped), sorted(absent)


def _ldd(lib: Path | str, env: dict[str, str] | None = None) -> list[tuple[str, str]]:
    out = subprocess.run(
        ["ldd", str(lib)], capture_output=True, text=True, env=env, check=False, timeout=60
    ).stdout
    pairs = []
    for line in out.splitlines():
        name, _, target = line.strip().partition(" => ")
        pairs.append((name, target.split(" (")[0].strip()))
    return pairs


def host_libraries() -> set[str]:
    """The libraries left to the workstation on purpose (tools/host_libraries.txt) and what
    they link to on this machine: those come with them from the host."""
    listed = Path(__file__).with_name("host_libraries.txt").read_text().splitlines()
    names = {line.strip() for line in listed if line.strip() and not line.startswith("#")}
    found = set(names)
    for name in names:
        for dir_ in ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/lib"):
            path = Path(dir_) / name
            if path.exists():
                found.update(dep for dep, target in _ldd(path) if target.startswith("/"))
                break
    return found


def window_check(exe: Path) -> tuple[bool, str]:
    """The bundled window, offscreen, on a demo workspace; Qt's settings go to a temporary
    folder so the check leaves nothing in the user's configuration."""
    with tempfile.TemporaryDirectory(prefix="werkplek-bundle-check-") as config:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": config}
        env.pop("WERKPLEK_LOG", None)
        done = subprocess.run(
            [exe, "--selftest-window"],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
    if done.returncode == 0:
        return True, done.stdout.strip()
    return False, "\n".join((done.stdout + done.stderr).strip().splitlines()[-10:])


def pdf_check(exe: Path) -> tuple[bool, str]:
    """``report verify`` of an unsigned PDF loads the PDF and signature stack (pyHanko, its
    validation, lxml, Pillow): it must answer "not valid" (exit 4), not fail to import."""
    from reportlab.pdfgen import canvas

    with tempfile.TemporaryDirectory(prefix="werkplek-bundle-check-") as folder:
        pdf = Path(folder) / "niet-ondertekend.pdf"
        page = canvas.Canvas(str(pdf))
        page.drawString(72, 720, "niet ondertekend")
        page.save()
        done = subprocess.run(
            [exe, "--json", "report", "verify", str(pdf)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    try:
        verdict = json.loads(done.stdout)
    except ValueError:
        verdict = {}
    ok = done.returncode == 4 and verdict.get("valid") is False and bool(verdict.get("reason"))
    return ok, (verdict.get("reason") or (done.stdout + done.stderr).strip()[-500:])


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "dist/werkplek")
    exe = folder / "werkplek"
    failed = False

    size = size_mb(folder)
    over = " (over the aim!)" if size > SIZE_AIM_MB else ""
    print(f"bundle size: {size:.0f} MB (aim <= {SIZE_AIM_MB} MB){over}")

    seconds = version_seconds(exe)
    over = " (over the aim on this machine now)" if seconds > VERSION_AIM_S else ""
    print(f"werkplek version: {seconds:.2f} s, median of {RUNS} (aim <= {VERSION_AIM_S} s){over}")

    build = folder / "_internal" / "resources" / "build.txt"
    if build.is_file():
        print(f"build: {build.read_text(encoding='utf-8').strip()}")
    else:
        failed = True
        print("build FAILED: resources/build.txt is missing (Help › Over names the build)")

    dropped, absent = library_problems(folder)
    if dropped:
        failed = True
        print("libraries the build left out but something needs:\n  " + "\n  ".join(dropped))
    else:
        print("libraries: everything the bundle links to is in it or left to the system")
    if absent:
        print(
            "not on this build machine (make system-deps-window), so not in the bundle: "
            + ", ".join(absent)
        )

    ok, output = pdf_check(exe)
    print(("report verify (unsigned PDF): " if ok else "report verify FAILED:\n") + output)
    failed = failed or not ok

    ok, output = window_check(exe)
    print(("window: " if ok else "window check FAILED:\n") + output)
    failed = failed or not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
