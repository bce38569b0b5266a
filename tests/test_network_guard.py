"""The socket guard itself works: a test that tries the network fails loudly."""

import socket

import pytest

from tests.conftest import NetworkBlocked


def test_outbound_connection_is_blocked():
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("198.51.100.7", 80), timeout=1)


def test_loopback_blocked_unless_allowed():
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("127.0.0.1", 9), timeout=1)


def test_loopback_allowed_with_fixture(allow_loopback):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    client = socket.create_connection(("127.0.0.1", port), timeout=1)
    client.close()
    server.close()
