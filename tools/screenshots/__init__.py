"""Screenshots for the README (dev tooling, not part of the shipped package): ``make
screenshots`` runs ``python -m tools.screenshots docs/screenshots`` on a virtual X screen; the
section scripts (``tools.screenshots.requests``, ``.reports``, ``.inspection``) shoot one
section each."""
