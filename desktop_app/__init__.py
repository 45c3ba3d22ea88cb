"""Convenantwerkplek: the AIVD-IND covenant workstation."""

__version__ = "0.1.0"
