"""KdfParams.calibrated() lands inside its band (0.3-1 s for the 0.5 s target) on slow,
fast and noisy machines, within the caps and never under the strong minimum.

No KDF runs here and nothing is timed: a simulated machine answers each derivation
with its wall-clock and CPU time. Its quiet time is proportional to memory × passes
(what Argon2 does), its threads run ``speedup`` times faster than one (never more
than its cores), and ``load`` slows the wall clock of chosen derivations (another
process, the memory's first touch) while the CPU time stays what it was."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from twofold.vault import crypto
from twofold.vault.crypto import (
    MAX_CALIBRATED_MEMORY_KIB,
    MAX_CALIBRATION_RUNS,
    MAX_ITERATIONS,
    KdfParams,
)

LOW, HIGH = 0.3, 1.0  # the band for the 0.5 s target (DESIGN.md §6, the benchmark's row)


class Machine:
    def __init__(
        self,
        seconds_256: float,
        speedup: float = 1.75,
        cores: int = 2,
        load: Callable[[int], float] = lambda _: 1.0,
    ) -> None:
        self.per_kib_pass = seconds_256 / (256 * 1024 * 3)  # 256 MiB, t=3 when quiet
        self.speedup = speedup
        self.cores = cores
        self.load = load
        self.asked: list[KdfParams] = []

    def quiet(self, params: KdfParams) -> float:
        return self.per_kib_pass * params.memory_kib * params.iterations

    def one(self, params: KdfParams) -> tuple[float, float]:
        quiet = self.quiet(params)
        slowed = self.load(len(self.asked))
        self.asked.append(params)
        return quiet * slowed, quiet * self.speedup

    def calibrate(self, monkeypatch: pytest.MonkeyPatch) -> KdfParams:
        monkeypatch.setattr(crypto, "_test_floor", False)
        monkeypatch.setattr(crypto, "_one", self.one)
        monkeypatch.setattr(crypto, "_cores", lambda: self.cores)
        chosen = KdfParams.calibrated(target_seconds=0.5)
        assert len(self.asked) <= MAX_CALIBRATION_RUNS
        assert chosen.meets(KdfParams.strong_minimum())
        assert chosen.memory_kib <= MAX_CALIBRATED_MEMORY_KIB
        assert chosen.iterations <= MAX_ITERATIONS
        chosen.check_readable()  # what keyslots will accept when it reads the slot back
        return chosen


def first(n: int, factor: float) -> Callable[[int], float]:
    """The first ``n`` derivations slowed ``factor`` times (the start of a process)."""
    return lambda i: factor if i < n else 1.0


def every_other(factor: float) -> Callable[[int], float]:
    return lambda i: factor if i % 2 == 0 else 1.0


def always(factor: float) -> Callable[[int], float]:
    return lambda _: factor


MIB = 1024


def test_this_host_quiet_settles_on_256_mib_in_five_derivations(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """This 2-core host: 64 MiB 0.1 s, 256 MiB 0.4 s (CPU time 1.75 × the wall)."""
    machine = Machine(0.40)
    assert machine.calibrate(monkeypatch) == KdfParams(256 * MIB, 3, 4)
    mib = [p.memory_kib // MIB for p in machine.asked]
    assert mib == [64, 64, 128, 256, 256]  # the floor twice (warm-up), 256's faster of two


def test_a_slow_start_no_longer_settles_one_doubling_short(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What the benchmark saw: the first derivations of its process slowed (both of
    128 MiB's over 0.3 s), and the vault settled on 128 MiB, 0.21 s. The wall clock
    alone still would; the CPU time does not."""
    machine = Machine(0.40, load=first(4, 1.8))
    assert machine.calibrate(monkeypatch) == KdfParams(256 * MIB, 3, 4)
    assert LOW <= machine.quiet(KdfParams(256 * MIB, 3, 4)) <= HIGH
    assert machine.quiet(KdfParams(128 * MIB, 3, 4)) < LOW  # what it used to settle on


def test_another_process_all_along_still_settles_on_what_the_machine_affords(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    machine = Machine(0.40, load=always(1.7))
    assert machine.calibrate(monkeypatch) == KdfParams(256 * MIB, 3, 4)


def test_a_slow_machine_keeps_the_strong_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    """64 MiB, t=3 takes 1.6 s: over the band, but never anything weaker; and no
    step back from the floor costs more derivations."""
    machine = Machine(6.4)
    assert machine.calibrate(monkeypatch) == KdfParams.strong_minimum()
    assert len(machine.asked) == 2


def test_a_fast_machine_raises_the_passes_at_the_memory_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """1 GiB, t=3 in 0.16 s: the memory is at its cap and the passes go up into the
    band, in one step (the per-pass time says how many)."""
    machine = Machine(0.04)
    chosen = machine.calibrate(monkeypatch)
    assert chosen.memory_kib == MAX_CALIBRATED_MEMORY_KIB
    assert chosen.iterations > 3
    assert LOW <= machine.quiet(chosen) <= HIGH
    assert len([p for p in machine.asked if p.iterations > 3]) == 1


def test_the_caps_hold_on_a_machine_faster_than_the_band(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """1 GiB, t=10 in 0.2 s: under the band, but the caps are where calibration stops."""
    machine = Machine(0.015)
    chosen = machine.calibrate(monkeypatch)
    assert chosen == KdfParams(MAX_CALIBRATED_MEMORY_KIB, MAX_ITERATIONS, 4)
    assert machine.quiet(chosen) < LOW


def test_threads_that_do_not_run_side_by_side_are_caught_by_the_wall_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Four cores by the affinity mask, one by a CPU quota: the CPU time spread over
    four cores says a quarter of what a derivation takes: 1 GiB, 1.6 s. The CPU time
    itself (no derivation ran faster) says it is over the band: one step back."""
    machine = Machine(0.40, speedup=1.0, cores=4)
    chosen = machine.calibrate(monkeypatch)
    assert chosen == KdfParams(512 * MIB, 3, 4)
    assert LOW <= machine.quiet(chosen) <= HIGH


@pytest.mark.parametrize("seconds_256", [0.045, 0.09, 0.13, 0.2, 0.29, 0.4, 0.55, 0.8, 1.1, 1.5])
@pytest.mark.parametrize(
    ("speedup", "cores"), [(1.0, 1), (1.75, 2), (2.0, 2), (2.6, 4), (3.6, 4), (1.0, 4)]
)
@pytest.mark.parametrize(
    "load",
    [always(1.0), first(2, 2.5), first(5, 1.9), every_other(1.6), always(1.4)],
    ids=["quiet", "slow-first-two", "slow-first-five", "every-other", "busy-all-along"],
)
def test_the_band_is_reached_on_every_machine(
    monkeypatch: pytest.MonkeyPatch,
    seconds_256: float,
    speedup: float,
    cores: int,
    load: Callable[[int], float],
) -> None:
    """From 64 MiB at 11 ms to 64 MiB at 0.38 s, one to four cores, quiet or not: the
    chosen settings take 0.3-1 s on the quiet machine. (A CPU quota under a load all
    along can step back once too often: the wall clock is all it has then.)"""
    machine = Machine(seconds_256, speedup, cores, load)
    chosen = machine.calibrate(monkeypatch)
    assert LOW <= machine.quiet(chosen) <= HIGH, (chosen, machine.quiet(chosen))


def test_a_zero_target_is_the_strong_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    machine = Machine(0.40)
    monkeypatch.setattr(crypto, "_test_floor", False)
    monkeypatch.setattr(crypto, "_one", machine.one)
    assert KdfParams.calibrated(target_seconds=0.0) == KdfParams.strong_minimum()


def test_memory_the_machine_cannot_give_ends_the_doubling(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A machine with 64 MiB to spare: 128 MiB fails to allocate. The calibration
    keeps 64 MiB, asks for nothing bigger, and reaches the band with more passes."""
    machine = Machine(0.6)
    one = machine.one

    def small(params: KdfParams) -> tuple[float, float]:
        if params.memory_kib > 64 * MIB:
            machine.asked.append(params)
            raise MemoryError("Not enough memory for the key derivation.")
        return one(params)

    monkeypatch.setattr(machine, "one", small)
    chosen = machine.calibrate(monkeypatch)
    assert chosen.memory_kib == 64 * MIB and chosen.iterations > 3
    assert LOW <= machine.quiet(chosen) <= HIGH
    assert [p.memory_kib // MIB for p in machine.asked] == [64, 64, 128, 64]


def test_a_machine_without_memory_for_the_floor_is_told_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Never a weaker setting: the strong minimum's own MemoryError reaches the caller."""

    def none(params: KdfParams) -> tuple[float, float]:
        raise MemoryError("Not enough memory for the key derivation (64 MiB).")

    monkeypatch.setattr(crypto, "_test_floor", False)
    monkeypatch.setattr(crypto, "_one", none)
    with pytest.raises(MemoryError, match="64 MiB"):
        KdfParams.calibrated()
