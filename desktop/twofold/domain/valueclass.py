"""Value classes: what ``@dataclass(frozen=True, slots=True)`` gives, without its cost
at import.

``dataclasses`` writes each class's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
``__setattr__`` and ``__delattr__`` as source text and compiles them when the module is
imported: about 1 ms per class, and the ``dataclasses`` module itself imports
``inspect`` (``ast``, ``dis``, ``tokenize``). A command such as ``twofold search`` imported
32 such classes: a quarter of its start (issue 17). Here every class shares the same
few methods, which read the field names the decorator keeps on the class; nothing is
compiled.

    @valueclass
    class Pin:
        id: str
        public_key: str = ""

    @valueclass(frozen=False)
    class Report:
        checks: list[str] = field(default_factory=list)

What a class gets, as with ``@dataclass(frozen=True, slots=True)`` (or ``slots=True``
only, with ``frozen=False``): ``__slots__``; ``__init__`` taking the fields in order,
positionally or by name, with defaults and default factories, then ``__post_init__``
if the class has one; ``__repr__`` (``Pin(id='a', public_key='')``); ``__eq__`` (same
class, equal fields); ``__hash__`` of the fields when frozen (unhashable otherwise);
assigning or deleting a field of a frozen instance raises ``FrozenInstanceError`` (an
``AttributeError``); ``__match_args__``; pickling and ``copy``. A method the class
defines itself is kept. Fields of a value class it derives from come first.
``ClassVar`` annotations are not fields.

The ``dataclasses`` module still sees a value class as a dataclass
(``dataclasses.fields``, ``replace``, ``asdict``, ``is_dataclass``): that view is built on
first use, so only a caller who asks pays for it. ``replace`` and ``fields_of`` here
need no ``dataclasses`` at all.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported
if TYPE_CHECKING:
    from typing import Any, TypeVar

if TYPE_CHECKING:
    from typing import dataclass_transform, overload

    T = TypeVar("T")
    C = TypeVar("C", bound=type)
else:

    def dataclass_transform(**_: object) -> Callable[[Any], Any]:
        return lambda decorator: decorator


MISSING: Any = type("MISSING", (), {"__repr__": lambda self: "MISSING", "__slots__": ()})()


class FrozenInstanceError(AttributeError):
    """A field of a frozen value was assigned or deleted."""


class _Factory:
    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def field(*, default_factory: Callable[[], T]) -> T:
    """A field whose default is made anew for each instance (``default_factory``)."""
    return _Factory(default_factory)  # type: ignore[return-value]


# --- the shared methods ----------------------------------------------------------------


# A class made this many times gets its own compiled ``__init__`` (as dataclasses
# writes): twice as fast per instance, for the classes a process makes thousands of
# (a full verify makes one event per ledger row), and never paid by a short command.
_SPECIALISE_AFTER = 50
_made: dict[type, int] = {}


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    cls = type(self)
    made = _made.get(cls, 0) + 1
    _made[cls] = made
    if made == _SPECIALISE_AFTER and cls.__dict__.get("__init__") is _init:
        type.__setattr__(cls, "__init__", _compiled_init(cls))
    names: tuple[str, ...] = cls.__value_fields__
    if len(args) > len(names):
        raise TypeError(
            f"{cls.__name__}() takes {len(names)} positional arguments but {len(args)} were given"
        )
    put = object.__setattr__
    for name, given in zip(names, args, strict=False):
        put(self, name, given)
    if len(args) < len(names) or kwargs:
        defaults: dict[str, Any] = cls.__value_defaults__
        for name in names[len(args) :]:
            if name in kwargs:
                put(self, name, kwargs.pop(name))
                continue
            default = defaults.get(name, MISSING)
            if default is MISSING:
                raise TypeError(f"{cls.__name__}() missing required argument: {name!r}")
            put(self, name, default.make() if type(default) is _Factory else default)
        if kwargs:
            name = next(iter(kwargs))
            if name in names:
                raise TypeError(f"{cls.__name__}() got multiple values for argument {name!r}")
            raise TypeError(f"{cls.__name__}() got an unexpected keyword argument {name!r}")
    post_init = getattr(self, "__post_init__", None)
    if post_init is not None:
        post_init()


def _compiled_init(cls: type) -> Callable[..., None]:
    """The ``__init__`` dataclasses would write for ``cls``: same parameters, same
    defaults and factories, same ``__post_init__`` call."""
    names: tuple[str, ...] = cls.__value_fields__  # type: ignore[attr-defined]
    defaults: dict[str, Any] = cls.__value_defaults__  # type: ignore[attr-defined]
    scope: dict[str, Any] = {"__value_put__": object.__setattr__, "__value_missing__": MISSING}
    params, body = ["__value_self__"], []
    for i, name in enumerate(names):
        default = defaults.get(name, MISSING)
        if default is MISSING:
            params.append(name)
        elif type(default) is _Factory:
            scope[f"__value_factory{i}__"] = default.make
            params.append(f"{name}=__value_missing__")
            body.append(f" if {name} is __value_missing__: {name} = __value_factory{i}__()")
        else:
            scope[f"__value_default{i}__"] = default
            params.append(f"{name}=__value_default{i}__")
        body.append(f" __value_put__(__value_self__, {name!r}, {name})")
    if hasattr(cls, "__post_init__"):
        body.append(" __value_self__.__post_init__()")
    source = f"def __init__({', '.join(params)}):\n" + "\n".join(body or [" pass"])
    exec(source, scope)  # noqa: S102  (our own text; field names are identifiers)
    made: Callable[..., None] = scope["__init__"]
    made.__qualname__ = f"{cls.__qualname__}.__init__"
    return made


def _repr(self: Any) -> str:
    cls = type(self)
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in cls.__value_fields__)
    return f"{cls.__qualname__}({shown})"


def _eq(self: Any, other: object) -> Any:
    cls: Any = type(self)
    values = cls.__value_getter__
    if other.__class__ is not cls:
        return NotImplemented
    return values(self) == values(other)


def _hash(self: Any) -> int:
    cls: Any = type(self)
    return hash(cls.__value_getter__(self))


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: Any) -> list[Any]:
    return [getattr(self, name) for name in type(self).__value_fields__]


def _setstate(self: Any, state: list[Any]) -> None:
    for name, value in zip(type(self).__value_fields__, state, strict=True):
        object.__setattr__(self, name, value)  # also for a frozen value


def _no_getter(_: Any) -> tuple[()]:
    return ()


class _DataclassView:
    """``__dataclass_fields__`` on first use: the ``dataclasses`` module's description
    of the fields (built from a twin dataclass, then kept on the class)."""

    def __get__(self, instance: object, owner: type) -> dict[str, Any]:
        import dataclasses
        from typing import Any  # each field's type there, as before (not imported at start)

        defaults = owner.__value_defaults__  # type: ignore[attr-defined]
        specs: list[Any] = []
        for name in owner.__value_fields__:  # type: ignore[attr-defined]
            default = defaults.get(name, MISSING)
            if default is MISSING:
                specs.append((name, Any))
            elif type(default) is _Factory:
                specs.append((name, Any, dataclasses.field(default_factory=default.make)))
            else:
                specs.append((name, Any, dataclasses.field(default=default)))
        twin = dataclasses.make_dataclass(owner.__name__, specs)
        fields: dict[str, Any] = twin.__dataclass_fields__  # type: ignore[attr-defined]
        type.__setattr__(owner, "__dataclass_fields__", fields)
        return fields


# --- the decorator ---------------------------------------------------------------------


def _is_classvar(annotation: object) -> bool:
    if isinstance(annotation, str):
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    return "ClassVar" in repr(annotation)


def _make(cls: C, frozen: bool) -> C:
    names: list[str] = []
    defaults: dict[str, Any] = {}
    base: Any
    for base in reversed(cls.__mro__[1:]):
        if "__value_fields__" in base.__dict__:
            for name in base.__value_fields__:
                if name not in names:
                    names.append(name)
            defaults.update(base.__value_defaults__)
    namespace = dict(cls.__dict__)
    own: list[str] = []
    annotations = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 (no inspect)
    for name, annotation in annotations.items():
        if _is_classvar(annotation):
            continue
        if name in namespace:
            defaults[name] = namespace.pop(name)
        elif name in defaults:
            del defaults[name]
        if name not in names:
            names.append(name)
            own.append(name)
    required_after_default = [
        name
        for i, name in enumerate(names)
        if name not in defaults and any(n in defaults for n in names[:i])
    ]
    if required_after_default:
        raise TypeError(
            f"{cls.__name__}: field {required_after_default[0]!r} without a default "
            "follows one with a default"
        )
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    namespace["__slots__"] = tuple(own)
    namespace["__value_fields__"] = tuple(names)
    namespace["__value_defaults__"] = defaults
    namespace["__value_getter__"] = attrgetter(*names) if names else _no_getter
    namespace["__match_args__"] = tuple(names)
    namespace["__dataclass_fields__"] = _DataclassView()
    namespace.setdefault("__init__", _init)
    namespace.setdefault("__repr__", _repr)
    namespace.setdefault("__eq__", _eq)
    if frozen:
        namespace.setdefault("__hash__", _hash)
        for method, shared in (("__setattr__", _frozen_setattr), ("__delattr__", _frozen_delattr)):
            if method in namespace:
                raise TypeError(f"{cls.__name__} is frozen: it cannot define {method}")
            namespace[method] = shared
        namespace.setdefault("__getstate__", _getstate)
        namespace.setdefault("__setstate__", _setstate)
    elif "__hash__" not in cls.__dict__ or cls.__dict__["__hash__"] is None:
        namespace["__hash__"] = None  # mutable and compared by value: unhashable
    made: C = type(cls)(cls.__name__, cls.__bases__, namespace)
    return made


if TYPE_CHECKING:  # the two ways to call it, for type checkers only

    @overload
    def valueclass(cls: C, /) -> C: ...

    @overload
    def valueclass(*, frozen: bool = True) -> Callable[[C], C]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def valueclass(cls: C | None = None, /, *, frozen: bool = True) -> C | Callable[[C], C]:
    """Make ``cls`` a value class (see the module's docstring)."""
    if cls is None:
        return lambda given: _make(given, frozen)
    return _make(cls, frozen)


def fields_of(cls: type) -> tuple[tuple[str, bool], ...]:
    """A value class's fields in order, each with whether it has a default."""
    made: Any = cls
    defaults: dict[str, Any] = made.__value_defaults__
    return tuple((name, name in defaults) for name in made.__value_fields__)


def is_valueclass(cls: type) -> bool:
    return "__value_fields__" in cls.__dict__


def replace(value: T, /, **changes: Any) -> T:
    """A copy of ``value`` with ``changes`` (as ``dataclasses.replace``)."""
    cls: Any = type(value)
    for name in cls.__value_fields__:
        if name not in changes:
            changes[name] = getattr(value, name)
    copy: T = cls(**changes)
    return copy
