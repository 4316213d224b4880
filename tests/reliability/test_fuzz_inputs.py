"""Issue 13: fuzzing the files a person hands the command line — backup archives and
passphrase files. Every input gives a documented exit code and one line; never 70
(a bug); and nothing is written unless the input was a good backup restored whole.

A few hundred examples run by default; the slow suite runs 10,000 of each."""

from __future__ import annotations

import io
import json
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ALEX_PASS, SAM_PASS, TEST_KDF
from tests.unit.test_cli import cli
from twofold.cli import EXIT_BUG
from twofold.services import backups
from twofold.services.session import create_vault, unlock
from twofold.vault.backup import MANIFEST
from twofold.vault.keyslots import FILE_NAME

DOCUMENTED = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
DEFAULT_EXAMPLES = 80
SLOW_EXAMPLES = 10_000
HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]


class World:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.vault = root / "vault"
        create_vault(self.vault, [("Alex", ALEX_PASS), ("Sam", SAM_PASS)], TEST_KDF)
        session = unlock(self.vault, "Alex", ALEX_PASS)
        assert session.journal is not None
        session.journal.write("a private entry for the fuzzer")
        session.lock()
        self.backup = backups.backup_now(self.vault, root / "good.twofold-backup")
        self.good = self.backup.read_bytes()
        self.vault_state = self.state(self.vault)
        self.trials = root / "trials"
        self.trials.mkdir()

    @staticmethod
    def state(folder: Path) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    root = Path(tempfile.mkdtemp(prefix="twofold-fuzz-"))
    try:
        yield World(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _restore(world: World, data: bytes) -> None:
    source = world.trials / "in.twofold-backup"
    source.write_bytes(data)
    target = world.trials / "restored"
    result = cli("restore", source, "--vault", target)
    assert result.code != EXIT_BUG, result.err
    assert result.code in DOCUMENTED, result.err
    if result.code == 0:
        shutil.rmtree(target)  # a backup that is still whole restores; that is fine
    else:
        assert len(result.err.strip().splitlines()) == 1, result.err
        assert not target.exists()
    assert sorted(p.name for p in world.trials.iterdir()) == ["in.twofold-backup"]


# --- mutated real backups -----------------------------------------------------------------

mutations = st.lists(
    st.tuples(
        st.sampled_from(["flip", "cut", "insert", "zero"]),
        st.floats(min_value=0, max_value=1, allow_nan=False),
        st.binary(min_size=1, max_size=8),
    ),
    min_size=1,
    max_size=4,
)


def _mutate(data: bytes, changes: list[tuple[str, float, bytes]]) -> bytes:
    out = bytearray(data)
    for kind, where, payload in changes:
        at = int(where * max(len(out) - 1, 0))
        if kind == "flip" and out:
            out[at] ^= payload[0] or 1
        elif kind == "cut":
            del out[at:]
        elif kind == "insert":
            out[at:at] = payload
        elif kind == "zero":
            out[at : at + len(payload)] = bytes(len(payload))
    return bytes(out)


def _mutated_backups(examples: int) -> Callable[[World], None]:
    @settings(max_examples=examples, deadline=None, suppress_health_check=HEALTH)
    @given(changes=mutations)
    def check(world: World, changes: list[tuple[str, float, bytes]]) -> None:
        _restore(world, _mutate(world.good, changes))

    return check


# --- archives built from scratch ------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
names = st.sampled_from([FILE_NAME, "shared.db", "journal-0.db", "x.db", "../x", MANIFEST, ""])
manifests = st.one_of(
    json_values,
    st.fixed_dictionaries(
        {
            "format": st.sampled_from(["twofold-backup", "other"]),
            "version": st.one_of(st.integers(-2, 3), st.text(max_size=3), st.none()),
            "files": st.one_of(
                json_values,
                st.dictionaries(
                    names, st.one_of(st.text(max_size=70), st.just("0" * 64)), max_size=4
                ),
            ),
            "sizes": st.one_of(json_values, st.dictionaries(names, st.integers(-5, 10**12))),
        }
    ),
)


def _archive(manifest: object, members: dict[str, bytes], raw_manifest: bytes | None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            MANIFEST, raw_manifest if raw_manifest is not None else json.dumps(manifest)
        )
        for name, data in members.items():
            if name and name != MANIFEST:
                archive.writestr(name, data)
    return buffer.getvalue()


def _built_archives(examples: int) -> Callable[[World], None]:
    @settings(max_examples=examples, deadline=None, suppress_health_check=HEALTH)
    @given(
        manifest=manifests,
        members=st.dictionaries(names, st.binary(max_size=64), max_size=4),
        raw=st.one_of(st.none(), st.binary(max_size=64)),
    )
    def check(world: World, manifest: object, members: dict[str, bytes], raw: bytes | None) -> None:
        _restore(world, _archive(manifest, members, raw))

    return check


# --- passphrase files ----------------------------------------------------------------------

passphrase_files = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=60).map(lambda t: t.encode("utf-8")),
    st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\r\n", b""]).flatmap(
        lambda prefix: st.text(max_size=40).map(lambda t: prefix + t.encode("utf-8"))
    ),
)


def _passphrase_files(examples: int) -> Callable[[World], None]:
    @settings(max_examples=examples, deadline=None, suppress_health_check=HEALTH)
    @given(content=passphrase_files)
    def check(world: World, content: bytes) -> None:
        secret = world.trials / "pass"
        secret.write_bytes(content)
        try:
            result = cli(
                "list", "--vault", world.vault, "--as", "Alex", "--passphrase-file", secret
            )
        finally:
            secret.unlink()
        assert result.code in {2, 3}, result.err  # unreadable file, or a wrong passphrase
        assert len(result.err.strip().splitlines()) == 1, result.err
        assert World.state(world.vault) == world.vault_state

    return check


def test_mutated_backups(world: World) -> None:
    _mutated_backups(DEFAULT_EXAMPLES)(world)


def test_archives_built_from_scratch(world: World) -> None:
    _built_archives(DEFAULT_EXAMPLES)(world)


def test_passphrase_files(world: World) -> None:
    _passphrase_files(DEFAULT_EXAMPLES)(world)


@pytest.mark.slow
def test_mutated_backups_at_length(world: World) -> None:
    _mutated_backups(SLOW_EXAMPLES)(world)


@pytest.mark.slow
def test_archives_built_from_scratch_at_length(world: World) -> None:
    _built_archives(SLOW_EXAMPLES)(world)


@pytest.mark.slow
def test_passphrase_files_at_length(world: World) -> None:
    _passphrase_files(SLOW_EXAMPLES)(world)
