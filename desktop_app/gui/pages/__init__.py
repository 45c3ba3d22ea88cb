"""Pages of the main window's stack, one per section."""
