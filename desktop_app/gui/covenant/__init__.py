"""Convenant: the covenant register (art. 5), amendments and termination (art. 4), the
non-public annex and the implementation plans (art. 3.3)."""

from desktop_app.gui.covenant.page import CovenantPage

__all__ = ["CovenantPage"]
