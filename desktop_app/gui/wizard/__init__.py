"""The workspace's life before a sign-in: the first-start wizard, restoring a backup and
re-binding to a new keyring secret (dialogs over services.first_start / admin / workspace)."""
