"""The addresses a class types into their browsers, printed when the server starts."""

from __future__ import annotations

import contextlib
import ipaddress
import socket

_ALL_INTERFACES = {"0.0.0.0", "::", ""}
_PRIVATE_PROBE = ("10.255.255.255", 1)
"""Any address outside this machine: connecting a UDP socket to it sends nothing."""


def lan_address() -> str | None:
    """This machine's address on the room's network, or None when there is none to be found.

    Connecting a UDP socket only asks the kernel which local address would be used for that
    destination: no packet leaves the machine, so it works with the network unplugged too.
    """
    with (
        contextlib.suppress(OSError),
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe,
    ):
        probe.connect(_PRIVATE_PROBE)
        address = str(probe.getsockname()[0])
        if not ipaddress.ip_address(address).is_loopback and address != "0.0.0.0":
            return address
    return None


def addresses_to_open(host: str, port: int) -> list[str]:
    """The URLs that reach a server listening on ``host``: loopback first, then the room's."""
    if host in _ALL_INTERFACES:
        found = [f"http://127.0.0.1:{port}"]
        lan = lan_address()
        if lan is not None:
            found.append(f"http://{lan}:{port}")
        return found
    shown = f"[{host}]" if ":" in host else host
    return [f"http://{shown}:{port}"]
