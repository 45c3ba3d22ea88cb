"""One module per command group; ``desktop_app.cli.registry`` says which module serves which
command, and only that module is imported for a call."""
