"""Overleg: the heads' periodic consultations (art. 3.2) with their frozen figures."""

from desktop_app.gui.consultations.page import ConsultationsPage

__all__ = ["ConsultationsPage"]
