"""What a refusal quotes of the user's own input: never a terminal escape sequence, and the
option the user actually gave."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.helpers import populate


def test_an_escape_sequence_in_an_argument_is_quoted_escaped(as_staff: Any) -> None:
    # ESC [2J would clear the terminal of whoever reads the message.
    result = as_staff("officier", "request", "show", "12\x1b[2J")
    assert result.code == 2
    message = result.json["error"]["message"]
    assert "\x1b" not in message
    assert "12\\x1b[2J" in message


def test_a_long_argument_is_cut_in_the_message(as_staff: Any) -> None:
    result = as_staff("officier", "request", "show", "9" * 25 + "x" * 100)
    assert result.code == 2
    message = result.json["error"]["message"]
    assert "9" * 25 + "x" * 14 + "…" in message and "x" * 16 not in message


def test_a_bad_change_file_is_named_as_such(as_staff: Any, workspace: Any, tmp_path: Path) -> None:
    populate(workspace)
    result = as_staff("liaison", "covenant", "amend", "--change-file", str(tmp_path))
    assert result.code == 2
    message = result.json["error"]["message"]
    assert "--change-file" in message and "--text-file" not in message
