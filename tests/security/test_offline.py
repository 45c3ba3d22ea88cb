"""CFG-3 / SIG-8: the suite runs with networking blocked; prove the block is really active."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture
def attempts() -> Iterator[list[Any]]:
    """The conftest's record of blocked attempts; entries this test causes are removed again."""
    record: list[Any] = socket.socket.__init__.__globals__["SOCKET_ATTEMPTS"]
    before = len(record)
    yield record
    del record[before:]


@pytest.mark.parametrize("family", [socket.AF_INET, socket.AF_INET6])
def test_cfg3_network_sockets_are_refused(family: int, attempts: list[Any]) -> None:
    before = len(attempts)
    with pytest.raises(AssertionError, match="network"):
        socket.socket(family, socket.SOCK_STREAM)
    assert len(attempts) == before + 1


def test_cfg3_connection_helpers_are_refused(attempts: list[Any]) -> None:
    with pytest.raises(AssertionError):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(AssertionError):
        socket.getaddrinfo("example.org", 443)


def test_cfg3_local_ipc_still_works() -> None:
    a, b = socket.socketpair(socket.AF_UNIX)
    try:
        a.sendall(b"x")
        assert b.recv(1) == b"x"
    finally:
        a.close()
        b.close()


def test_cfg3_whole_foundation_flow_opens_no_socket(
    workspace: Any, cli: Any, tmp_path: Any, attempts: list[Any]
) -> None:
    before = len(attempts)
    root = str(workspace.root)
    pw = "beheer-wachtwoord-1\n"
    for args in (
        ["user", "list"],
        ["audit", "verify"],
        ["backup", "--out", str(tmp_path / "b.bak")],
    ):
        result = cli(
            "--json", "--data-dir", root, "--user", "beheer", "--password-stdin", *args, stdin=pw
        )
        assert result.code == 0, result.out
    assert len(attempts) == before
