"""pyHanko without its HTTP client: the application never opens a network connection, so the
modules through which pyHanko imports aiohttp (a timestamp client and the certificate/CRL/OCSP
fetchers) are replaced, before pyHanko is imported, by stand-ins that refuse to be used.

pyHanko imports them unconditionally (``pyhanko.sign.timestamps`` and
``pyhanko.sign.validation.ades``) although nothing here timestamps or fetches: validation runs
with ``allow_fetching=False`` against the trust roots we hand it. Without this, aiohttp alone
cost about 0.4 s of every start that touched signing, and an HTTP stack would be loaded into a
process that must never use one (tests/cli assert that no HTTP client module is imported).
"""

from __future__ import annotations

import sys
import types
from typing import Any, NoReturn

_MODULES = {
    "pyhanko.sign.timestamps.aiohttp_client": ("HTTPTimeStamper", "AIOHttpTimeStamper"),
    "pyhanko_certvalidator.fetchers.aiohttp_fetchers": ("AIOHttpFetcherBackend",),
}


class _NoNetwork:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        _refuse()


def _refuse() -> NoReturn:
    raise RuntimeError("network access is disabled in this application")


def install() -> None:
    for name, classes in _MODULES.items():
        if name in sys.modules:
            continue  # already imported for real (a test that imported pyHanko first)
        stub = types.ModuleType(name, "stand-in: this application makes no network calls")
        for cls in classes:
            setattr(stub, cls, type(cls, (_NoNetwork,), {}))
        stub.__all__ = list(classes)  # type: ignore[attr-defined]
        sys.modules[name] = stub


install()
