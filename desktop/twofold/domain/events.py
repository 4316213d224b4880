"""Typed ledger events: one frozen value class per event kind (DESIGN §3).

A service builds an event (``CommitmentChecked(...)``) and hands it to the ledger,
which signs ``to_payload()``; projectors and ``verify`` read it back with
``decode(kind, payload)``. The payload shapes are the signed format (docs/FORMAT.md):
field names are payload keys, dates are ISO strings, enums their values, so events
signed before this module existed decode unchanged.

This module holds the base, the registry and the genesis (which every unlock reads).
The other kinds live in ``event_types`` and are built on first use: importing them
all cost a command-line search some 90 ms it never needed. ``events.CommitmentMade``,
``from twofold.domain.events import CommitmentMade``, ``EVENT_TYPES`` and
``decode`` all load them when asked (``__getattr__`` below).

A new feature adds its kind to ``EventKind``, a value class in ``event_types``
registered with ``@event``, and a projector under ``vault/projectors/``.
"""

from __future__ import annotations

import functools
import sys
import types
from collections.abc import Mapping
from datetime import date
from enum import Enum

from twofold.domain.ledger import EventKind
from twofold.domain.valueclass import fields_of, valueclass

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported
if TYPE_CHECKING:
    from typing import Any, ClassVar, Self, TypeVar

if TYPE_CHECKING:
    from twofold.domain.commitments import Cadence
    from twofold.domain.event_types import (
        AgreementAcknowledged,
        AgreementProposed,
        AppreciationRecorded,
        CheckinRevealed,
        CheckinSealed,
        CheckinSubmitted,
        CommitmentAccepted,
        CommitmentAcknowledged,
        CommitmentAmended,
        CommitmentChecked,
        CommitmentConcern,
        CommitmentDeclined,
        CommitmentEnded,
        CommitmentMade,
        ConsentAdopted,
        ExportAgreed,
        ExportMade,
        ItemWithdrawn,
        KeysChanged,
        ObjectiveProgress,
        ObjectiveSet,
        PaceSet,
        PartnerLeft,
        ReflectionRetracted,
        ReflectionShared,
        RenegotiationAccepted,
        RenegotiationDeclined,
        RenegotiationProposed,
        RequestAnswered,
        RequestRaised,
        RolesAccepted,
        RolesProposed,
        SafetyPlanUpdated,
        SessionClosed,
        SessionCosigned,
        SessionNote,
        SessionOpened,
        SessionOutcome,
        SessionSummaryAgreed,
        SetbackCountermeasure,
        SetbackLogged,
        SetbackStepTaken,
        StoryChapter,
        ValuesSet,
        WinRecorded,
    )


# Everything this module offers; all but the base and the genesis is built on first use.
__all__ = [
    "EVENT_TYPES",
    "AgreementAcknowledged",
    "AgreementProposed",
    "AppreciationRecorded",
    "CheckinRevealed",
    "CheckinSealed",
    "CheckinSubmitted",
    "CommitmentAccepted",
    "CommitmentAcknowledged",
    "CommitmentAmended",
    "CommitmentChecked",
    "CommitmentConcern",
    "CommitmentDeclined",
    "CommitmentEnded",
    "CommitmentMade",
    "ConsentAdopted",
    "EventData",
    "ExportAgreed",
    "ExportMade",
    "GenesisPartner",
    "ItemWithdrawn",
    "KeysChanged",
    "ObjectiveProgress",
    "ObjectiveSet",
    "PaceSet",
    "PartnerLeft",
    "ReflectionRetracted",
    "ReflectionShared",
    "RenegotiationAccepted",
    "RenegotiationDeclined",
    "RenegotiationProposed",
    "RequestAnswered",
    "RequestRaised",
    "RolesAccepted",
    "RolesProposed",
    "SafetyPlanUpdated",
    "SessionClosed",
    "SessionCosigned",
    "SessionNote",
    "SessionOpened",
    "SessionOutcome",
    "SessionSummaryAgreed",
    "SetbackCountermeasure",
    "SetbackLogged",
    "SetbackStepTaken",
    "StoryChapter",
    "ValuesSet",
    "VaultCountersigned",
    "VaultCreated",
    "WinRecorded",
    "decode",
    "event",
]
_HERE = {"EVENT_TYPES", "EventData", "GenesisPartner", "VaultCountersigned", "VaultCreated"}
_LAZY = frozenset(__all__) - _HERE - {"decode", "event"}  # the classes of ``event_types``


class EventData:
    """Base of every typed event. Subclasses are frozen value classes (``valueclass``)
    with a ``kind``."""

    kind: ClassVar[EventKind]

    def to_payload(self) -> dict[str, Any]:
        return {name: _encode(getattr(self, name)) for name, _ in fields_of(type(self))}

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Self:
        """Raises ``ValueError``/``KeyError``/``TypeError`` for a payload that does not
        fit its kind."""
        if not isinstance(payload, Mapping):
            raise TypeError("an event payload is a JSON object")
        owner: type = cls
        hints = _hints(owner)
        values: dict[str, Any] = {}
        for name, has_default in fields_of(cls):
            if name in payload:
                values[name] = _decode(hints[name], payload[name], name)
            elif not has_default:
                raise KeyError(f"the payload has no {name!r}")
        return cls(**values)


if TYPE_CHECKING:
    E = TypeVar("E", bound=type[EventData])
_REGISTERED: dict[EventKind, type[EventData]] = {}  # complete once ``_all()`` ran

if TYPE_CHECKING:
    EVENT_TYPES: dict[EventKind, type[EventData]]  # every kind's class (``__getattr__``)


def event(cls: E) -> E:
    """Register a typed event by its kind (one class per kind)."""
    if cls.kind in _REGISTERED:
        raise ValueError(f"{cls.kind} is registered twice")
    _REGISTERED[cls.kind] = cls
    return cls


def _all() -> dict[EventKind, type[EventData]]:
    """The registry with every kind in it: ``event_types`` is imported (once)."""
    import twofold.domain.event_types  # noqa: F401  (importing registers them)

    return _REGISTERED


def decode(kind: str, payload: Mapping[str, Any]) -> EventData:
    """The typed event for a stored (kind, payload); ``ValueError`` for an unknown kind."""
    key = EventKind(kind)
    cls = _REGISTERED.get(key) or _all().get(key)
    if cls is None:
        raise ValueError(f"no typed event is registered for {kind}")
    return cls.from_payload(payload)


if not TYPE_CHECKING:  # mypy sees the names imported above, and nothing else

    def __getattr__(name: str) -> Any:
        """``EVENT_TYPES`` and the classes of ``event_types``, built on first use."""
        if name == "EVENT_TYPES":
            return _all()
        if name in _LAZY:
            from twofold.domain import event_types

            return getattr(event_types, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _cadence() -> type[Cadence]:
    from twofold.domain.commitments import Cadence

    return Cadence


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """The fields' types, as ``typing.get_type_hints`` gives them. Annotations of
    builtin types and generics (``str``, ``tuple[GenesisPartner, ...]``) are evaluated
    in their module here: decoding the genesis, which every unlock reads, then needs no
    ``typing`` (~15 M instructions of a command's start). Anything else is typing's
    (tests/unit/test_events.py holds the two to the same answer for every kind)."""
    try:
        return _plain_hints(cls)
    except Exception:
        return typing_hints(cls)


def typing_hints(cls: type) -> dict[str, Any]:
    """``typing.get_type_hints``, told the names this module imports for type checkers
    only (``EventData.kind`` is a ``ClassVar``)."""
    import typing

    names = {"Any": typing.Any, "ClassVar": typing.ClassVar, "Self": typing.Self}
    return typing.get_type_hints(cls, localns=names)


def _plain_hints(cls: type) -> dict[str, Any]:
    # each class's own annotations (inspect.get_annotations would import inspect)
    own = [(c, c.__dict__.get("__annotations__", {})) for c in cls.__mro__]  # noqa: RUF063
    hints: dict[str, Any] = {}
    for name, _ in fields_of(cls):
        owner, annotations = next((c, a) for c, a in own if name in a)
        annotation = annotations[name]
        value = (
            eval(annotation, dict(vars(sys.modules[owner.__module__])))  # noqa: S307 - our source
            if isinstance(annotation, str)
            else annotation
        )
        plain = isinstance(value, type) and not isinstance(value, types.GenericAlias)
        if not plain and not (isinstance(value, types.GenericAlias) and _plain_args(value)):
            raise TypeError(f"{name}: not a plain type")
        hints[name] = value
    return hints


def _plain_args(alias: types.GenericAlias) -> bool:
    return all(
        a is Ellipsis
        or (isinstance(a, types.GenericAlias) and _plain_args(a))
        or (isinstance(a, type) and not isinstance(a, types.GenericAlias))
        for a in alias.__args__
    )


def _origin_and_args(hint: Any) -> tuple[Any, tuple[Any, ...]]:
    """``typing.get_origin``/``get_args``, without typing for builtin generics."""
    if type(hint) is types.GenericAlias:
        return hint.__origin__, hint.__args__
    if isinstance(hint, type):  # a class: no origin, no arguments
        return None, ()
    import typing

    return typing.get_origin(hint), typing.get_args(hint)


def _encode(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, GenesisPartner):
        return {"id": value.id, "label": value.label, "public_key": value.public_key}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, _cadence()):  # last: only a commitment's events hold one
        return value.to_json()
    return value


def _decode(hint: Any, value: Any, name: str) -> Any:
    origin, args = _origin_and_args(hint)
    if hint is str or hint is int or hint is bool:
        if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
            raise TypeError(f"{name!r} should be {hint.__name__}")
        return value
    if hint is date:
        return date.fromisoformat(_str(value, name))
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(_str(value, name))
    if hint is GenesisPartner:
        if not isinstance(value, Mapping):
            raise TypeError(f"{name!r} should be an object")
        return GenesisPartner(
            _str(value["id"], "id"), _str(value["label"], "label"), _str(value["public_key"], "key")
        )
    if origin is tuple:
        if not isinstance(value, list):
            raise TypeError(f"{name!r} should be a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v, name) for v in value)
        if len(args) != len(value):
            raise ValueError(f"{name!r} should have {len(args)} parts")
        return tuple(_decode(a, v, name) for a, v in zip(args, value, strict=True))
    if origin is dict or _is_any(hint):
        if origin is dict and not isinstance(value, Mapping):
            raise TypeError(f"{name!r} should be an object")
        return value
    if hint is _cadence():  # last: only a commitment's events hold one
        if not isinstance(value, Mapping):
            raise TypeError(f"{name!r} should be an object")
        return _cadence().from_json(dict(value))
    raise TypeError(f"{name!r} has a type the ledger cannot decode ({hint})")


def _is_any(hint: Any) -> bool:
    typing = sys.modules.get("typing")  # ``Any`` comes from typing, loaded if it is one
    return typing is not None and hint is typing.Any


def _str(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name!r} should be text")
    return value


# --- the genesis -------------------------------------------------------------------


@valueclass
class GenesisPartner:
    id: str
    label: str
    public_key: str  # hex of the Ed25519 public key

    @property
    def key(self) -> bytes:
        return bytes.fromhex(self.public_key)


@event
@valueclass
class VaultCreated(EventData):
    kind: ClassVar[EventKind] = EventKind.VAULT_CREATED
    vault: str
    partners: tuple[GenesisPartner, ...]


@event
@valueclass
class VaultCountersigned(EventData):
    kind: ClassVar[EventKind] = EventKind.VAULT_COUNTERSIGNED
    genesis: str  # hex digest of the first event
