"""Connections to FalkorDB that stop reading an answer past a size, before it is decoded.

The row cap bounds how many rows the store sends, not how large one row is: a single value
can be as large as the store lets one query grow (hundreds of MB), and the client would
decode all of it into Python objects several times that size. These connections count the
bytes of each answer as they arrive and give up at ``max_reply_bytes``: the connection is
dropped (the rest of the answer is never read) and ``ReplyTooLarge`` is raised.
"""

from __future__ import annotations

import socket
from typing import Any

from redis.connection import Connection, UnixDomainSocketConnection


class ReplyTooLarge(Exception):
    """The answer to one command passed the connection's byte budget."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the answer passed {limit // 2**20} MB")
        self.limit = limit


class _CountingSocket(socket.socket):
    """A socket that raises once more than ``left`` bytes have been received."""

    limit = 0
    left = 0

    def _count(self, received: int) -> int:
        if self.limit:
            self.left -= received
            if self.left < 0:
                raise ReplyTooLarge(self.limit)
        return received

    def recv(self, bufsize: int, flags: int = 0) -> bytes:
        data = super().recv(bufsize, flags)
        if not flags & socket.MSG_PEEK:
            self._count(len(data))
        return data

    def recv_into(self, buffer: Any, nbytes: int = 0, flags: int = 0) -> int:
        received = super().recv_into(buffer, nbytes, flags)
        return received if flags & socket.MSG_PEEK else self._count(received)


def _counting(sock: socket.socket, limit: int) -> _CountingSocket:
    timeout = sock.gettimeout()
    counted = _CountingSocket(sock.family, sock.type, sock.proto, fileno=sock.detach())
    counted.settimeout(timeout)
    counted.limit = counted.left = limit
    return counted


class _Budget:
    """Gives each command's answer a fresh budget (mixed into the two connection kinds)."""

    max_reply_bytes = 0
    _sock: Any

    def _wrap(self, sock: socket.socket) -> socket.socket:
        return _counting(sock, self.max_reply_bytes) if self.max_reply_bytes else sock

    def _refill(self) -> None:
        if isinstance(self._sock, _CountingSocket):
            self._sock.left = self._sock.limit


class CappedConnection(_Budget, Connection):
    def __init__(self, *, max_reply_bytes: int = 0, **kwargs: Any) -> None:
        super().__init__(**kwargs)  # type: ignore[no-untyped-call]
        self.max_reply_bytes = max_reply_bytes

    def _connect(self) -> socket.socket:
        return self._wrap(super()._connect())  # type: ignore[no-untyped-call]

    def send_packed_command(self, command: Any, check_health: bool = True) -> None:
        self._refill()
        super().send_packed_command(command, check_health)  # type: ignore[no-untyped-call]


class CappedUnixConnection(_Budget, UnixDomainSocketConnection):
    def __init__(self, *, max_reply_bytes: int = 0, **kwargs: Any) -> None:
        super().__init__(**kwargs)  # type: ignore[no-untyped-call]
        self.max_reply_bytes = max_reply_bytes

    def _connect(self) -> socket.socket:
        return self._wrap(super()._connect())  # type: ignore[no-untyped-call]

    def send_packed_command(self, command: Any, check_health: bool = True) -> None:
        self._refill()
        super().send_packed_command(command, check_health)  # type: ignore[no-untyped-call]
