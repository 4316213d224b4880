"""``valueclass`` behaves as ``@dataclass(frozen=True, slots=True)`` (or ``slots=True``)
did for the classes that use it, before and after a class gets its compiled
``__init__`` (issue 17: the command line's start no longer compiles dataclasses)."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import subprocess
import sys
from typing import ClassVar

import pytest

from twofold.domain import valueclass as vc
from twofold.domain.valueclass import FrozenInstanceError, field, valueclass


@valueclass
class Point:
    x: int
    y: int = 0
    tags: tuple[str, ...] = ()
    unit: ClassVar[str] = "mm"

    def moved(self, dx: int) -> Point:
        return vc.replace(self, x=self.x + dx)


@valueclass
class Labelled(Point):
    label: str = ""


@valueclass(frozen=False)
class Report:
    name: str
    checks: list[str] = field(default_factory=list)


@valueclass
class Checked:
    low: int
    high: int

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError("low above high")


@dataclasses.dataclass(frozen=True, slots=True)
class Twin:
    x: int
    y: int = 0
    tags: tuple[str, ...] = ()


def behaves_as_a_frozen_dataclass() -> None:
    p = Point(1, 2, ("a",))
    twin = Twin(1, 2, ("a",))
    assert repr(p) == repr(twin).replace("Twin", "Point")
    assert (p.x, p.y, p.tags) == (1, 2, ("a",))
    assert Point(1) == Point(1, 0, ()) == Point(x=1) == Point(y=0, x=1)
    assert Point(1) != Point(2) and Point(1) != Twin(1)  # type: ignore[comparison-overlap]
    assert Point(1).__eq__(Twin(1)) is NotImplemented
    assert hash(Point(1, 2)) == hash(Point(1, 2))
    assert len({Point(1), Point(1), Point(2)}) == 2
    assert Point.unit == "mm" and vc.fields_of(Point) == (("x", False), ("y", True), ("tags", True))
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'x'"):
        p.x = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del p.y
    with pytest.raises(AttributeError):
        p.other = 1  # type: ignore[attr-defined]
    assert not hasattr(p, "__dict__") and vars(Point)["__slots__"] == ("x", "y", "tags")
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, 2, (), 4)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, x=1)  # type: ignore[misc]
    with pytest.raises(TypeError):
        Point(1, z=3)  # type: ignore[call-arg]
    assert p.moved(2) == Point(3, 2, ("a",)) and p == Point(1, 2, ("a",))
    # inherited fields first, then the subclass's own
    assert Labelled(1, 2, (), "l") == Labelled(x=1, y=2, label="l")
    assert repr(Labelled(1, label="l")) == "Labelled(x=1, y=0, tags=(), label='l')"
    assert Labelled.__match_args__ == ("x", "y", "tags", "label")
    match Labelled(4, 5):
        case Labelled(x, y):
            assert (x, y) == (4, 5)
        case _:
            pytest.fail("no match")
    # a fresh default per instance, a mutable class compares but does not hash
    first, second = Report("a"), Report("a")
    first.checks.append("x")
    assert second.checks == [] and first != second and Report("b", ["x"]) == Report("b", ["x"])
    first.name = "renamed"
    assert first.name == "renamed"
    with pytest.raises(TypeError):
        hash(first)
    with pytest.raises(ValueError, match="low above high"):
        Checked(3, 1)
    assert Checked(1, 3).high == 3
    # pickling, copying, and the dataclasses module's view of it
    assert pickle.loads(pickle.dumps(p)) == p  # noqa: S301 (our own bytes)
    assert copy.copy(p) == p and copy.deepcopy(p) == p
    assert dataclasses.is_dataclass(p)
    assert [f.name for f in dataclasses.fields(Point)] == ["x", "y", "tags"]
    assert dataclasses.replace(p, y=9) == Point(1, 9, ("a",))
    assert dataclasses.asdict(Report("r", ["c"])) == {"name": "r", "checks": ["c"]}


def test_a_value_class_behaves_as_the_dataclass_it_replaces() -> None:
    behaves_as_a_frozen_dataclass()


def test_it_still_does_once_its_classes_have_their_compiled_init() -> None:
    for _ in range(vc._SPECIALISE_AFTER + 1):
        Point(1)
        Labelled(1)
        Report("r")
        Checked(1, 2)
    for cls in (Point, Labelled, Report, Checked):
        assert cls.__dict__["__init__"] is not vc._init, cls
    behaves_as_a_frozen_dataclass()


def test_a_required_field_after_a_default_is_refused_as_dataclasses_do() -> None:
    with pytest.raises(TypeError, match="'b' without a default"):

        @valueclass
        class Wrong:
            a: int = 0
            b: int  # type: ignore[misc]


def test_a_frozen_value_class_cannot_define_its_own_setattr() -> None:
    with pytest.raises(TypeError, match="frozen"):

        @valueclass
        class Wrong:
            a: int

            def __setattr__(self, name: str, value: object) -> None: ...


def test_importing_value_classes_does_not_import_dataclasses() -> None:
    script = (
        "import sys\n"
        "from twofold.domain import ledger, records, search\n"
        "from twofold.vault import keyslots, trust\n"
        "assert 'dataclasses' not in sys.modules, 'dataclasses'\n"
        "assert 'inspect' not in sys.modules, 'inspect'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
