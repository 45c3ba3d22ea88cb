"""Help: the user guide per role, the shortcut overview and "Over" (issue 12)."""

from desktop_app.gui.help.dialogs import (
    HelpDialog,
    about_dialog,
    build_text,
    guide_dialog,
    shortcuts_dialog,
)

__all__ = ["HelpDialog", "about_dialog", "build_text", "guide_dialog", "shortcuts_dialog"]
