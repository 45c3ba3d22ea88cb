"""Check (and with --install, install) the system packages the application and its tests need
on Linux.

Qt's wheels bring Qt itself, but load a few libraries from the system: EGL/GL and fontconfig
for any window (also offscreen, for the tests), the xcb family to open a window on X11.
With --keyring: the programs the end-to-end tests run (tests/e2e), a D-Bus session bus and
GNOME Keyring as the Secret Service, so that `make test` exercises a real keyring.
With --bundle: what `make bundle` runs besides PyInstaller (tools/icu_trim.py: icupkg, objcopy,
readelf, gcc), plus the window's libraries for its check.
With --screenshots: a virtual X screen (`xvfb-run`) for `make screenshots`, plus the window's
libraries.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

# soname -> Debian package
OFFSCREEN = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libdbus-1.so.3": "libdbus-1-3",
}
WINDOW = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}
# program -> Debian package (tests/e2e start a private bus and keyring per "workstation")
KEYRING_PROGRAMS = {
    "dbus-daemon": "dbus",
    "dbus-send": "dbus",
    "gnome-keyring-daemon": "gnome-keyring",
}
# program -> Debian package (make bundle: the trimmed ICU data library, the dependency walk)
BUNDLE_PROGRAMS = {
    "icupkg": "icu-devtools",
    "objcopy": "binutils",
    "readelf": "binutils",
    "nm": "binutils",
    "gcc": "gcc",
    "ldd": "libc-bin",
}
# program -> Debian package (make screenshots: a real window on a virtual X screen)
SCREENSHOT_PROGRAMS = {
    "xvfb-run": "xvfb",
    "xauth": "xauth",
}
# Fonts for the PDF previews and screenshots are bundled in resources/fonts; nothing else here.


def _known_libraries() -> str:
    try:
        return subprocess.run(
            ["ldconfig", "-p"], capture_output=True, text=True, check=False
        ).stdout
    except OSError:
        return ""


def missing(wanted: dict[str, str], programs: dict[str, str] | None = None) -> list[str]:
    known = _known_libraries()
    packages = {pkg for soname, pkg in wanted.items() if soname not in known}
    packages |= {pkg for prog, pkg in (programs or {}).items() if shutil.which(prog) is None}
    return sorted(packages)


def main(argv: list[str]) -> int:
    if not sys.platform.startswith("linux"):
        return 0
    wanted = dict(OFFSCREEN)
    if "--window" in argv or "--bundle" in argv or "--screenshots" in argv:
        wanted.update(WINDOW)
    programs = KEYRING_PROGRAMS if "--keyring" in argv else {}
    if "--bundle" in argv:
        programs = {**programs, **BUNDLE_PROGRAMS}
    if "--screenshots" in argv:
        programs = {**programs, **SCREENSHOT_PROGRAMS}
    packages = missing(wanted, programs)
    if not packages:
        return 0
    command = "apt-get install -y " + " ".join(packages)
    if "--install" in argv and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Systeempakketten installeren: {' '.join(packages)}")
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        result = subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=False)
        if result.returncode == 0 and not missing(wanted, programs):
            return 0
    print(
        "Er ontbreken systeempakketten (voor Qt, de sleutelring, de bundel of de "
        f"schermafbeeldingen). Installeer ze met:\n    sudo {command}",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
