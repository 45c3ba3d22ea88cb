"""Use cases shared by the window and the command line: one call, one transaction, one audit
entry. Rules are enforced here or below, never in widgets."""
