"""Reading projection rows that the other partner may have edited.

``shared.db`` is readable and writable by both partners with the vault key: anyone
with a SQLCipher tool can put a value there that Twofold never writes (a date that
does not parse, words where a number belongs, bytes where words belong, JSON of
another shape). A row like that is left out of what a page shows, alone; the rows
around it are shown as usual, and the full check (``verify``, which compares every
projection row with its signed event) names it, which the window shows in its
banner. It never stops a page from opening or the command line with a bug."""

from __future__ import annotations

from collections.abc import Callable, Iterable

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported (the
if TYPE_CHECKING:  # command-line search's start, tests/unit/test_cli_start.py)
    from typing import Any, TypeVar

    T = TypeVar("T")

# What converting a stored value of the wrong type or shape raises (``int("x")``,
# ``date.fromisoformat(b"")``, an enum's unknown value, ``json.loads`` of words, a
# missing key, a tuple of the wrong length).
UNREADABLE: tuple[type[Exception], ...] = (
    TypeError,
    ValueError,
    KeyError,
    IndexError,
    OverflowError,
    AttributeError,
)


# Rows left out since the process started (any connection, any thread: an int's
# increment under the GIL). The window compares it with the count at unlock to say at
# once that something is left out, before the full check (minutes on a long ledger)
# names what.
_left_out = [0]


def note_left_out() -> None:
    _left_out[0] += 1


def left_out() -> int:
    return _left_out[0]


def readable(rows: Iterable[Any], convert: Callable[[Any], T]) -> list[T]:
    """``convert`` of every row it can read; the rest are left out (and counted)."""
    out: list[T] = []
    for row in rows:
        try:
            out.append(convert(row))
        except UNREADABLE:
            note_left_out()
    return out
