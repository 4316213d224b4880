"""Data that ships in resources/: prompts, feelings, the common-password list."""

from __future__ import annotations

import functools
import json
import random

from twofold.domain.checkins import CheckinKind, Prompt, PromptSet
from twofold.domain.passphrase import Strength, estimate
from twofold.domain.records import RecordKind
from twofold.resources import resource


@functools.cache
def prompts() -> dict[str, tuple[str, ...]]:
    data = json.loads(resource("prompts.json").read_text("utf-8"))
    return {str(kind): tuple(str(p) for p in items) for kind, items in data.items()}


def prompt_for(kind: RecordKind, rng: random.Random | None = None) -> str:
    options = prompts().get(str(kind)) or prompts()["reflection"]
    return (rng or random.Random()).choice(options)


@functools.cache
def feelings() -> tuple[str, ...]:
    data = json.loads(resource("feelings.json").read_text("utf-8"))
    return tuple(str(f) for group in data.values() for f in group)


@functools.cache
def _common_passwords() -> frozenset[str]:
    lines = resource("common-passwords.txt").read_text("utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line and not line.startswith("#"))


def passphrase_strength(passphrase: str, names: tuple[str, ...] = ()) -> Strength:
    return estimate(passphrase, _common_passwords(), names)


@functools.cache
def checkin_prompts() -> dict[CheckinKind, PromptSet]:
    data = json.loads(resource("checkins.json").read_text("utf-8"))
    return {
        CheckinKind(kind): PromptSet(
            CheckinKind(kind),
            str(spec["title"]),
            str(spec["about"]),
            tuple(Prompt(str(p["id"]), str(p["text"])) for p in spec["prompts"]),
        )
        for kind, spec in data.items()
    }
