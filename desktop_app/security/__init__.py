"""Key material: key slots, workstation binding, recovery key, signing keys."""
