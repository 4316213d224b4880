"""The one canonical encoding every signature and hash covers (ledger events, key
slots). Its own module so that reading the key slots, before the unlock screen
paints, does not import the ledger's types (``domain.ledger`` re-exports it)."""

from __future__ import annotations

import json

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported
if TYPE_CHECKING:
    from typing import Any


def canonical_json(value: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def json_strings(value: Any) -> list[str]:
    """Every string inside a decoded JSON value (dicts' values, lists' items, nested),
    not its keys: the words a payload or a card's fields can show."""
    found: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            stack += item.values()
        elif isinstance(item, list):
            stack += item
    return found
