"""The living agreement: responsibilities, boundaries, and how a lapse is raised and
repaired. Every change is a new version; a version is in force once both partners
have acknowledged it (proposing one counts as its author's acknowledgement)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import datetime

from twofold.domain.errors import InvalidInput

SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("responsibilities", "Responsibilities", "What each of us takes care of, concretely."),
    (
        "boundaries",
        "Boundaries",
        "Our non-negotiables, and the practical behaviours that express them.",
    ),
    ("lapses", "When a lapse happens", "How a lapse is raised, repaired and put behind us."),
)
MAX_SECTION = 20_000


@dataclass(frozen=True, slots=True)
class AgreementVersion:
    version_id: str
    number: int  # 1, 2, 3 … in the order proposed
    author: str
    proposed_at: datetime
    sections: dict[str, str]
    note: str
    acknowledged_by: frozenset[str]

    def in_force_for(self, partners: frozenset[str]) -> bool:
        return partners <= self.acknowledged_by


@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # "same", "added", "removed"
    text: str


def check_sections(sections: dict[str, str]) -> dict[str, str]:
    cleaned = {key: sections.get(key, "").strip() for key, _, _ in SECTIONS}
    if not any(cleaned.values()):
        raise InvalidInput("The agreement is empty: write at least one section.")
    for key, title, _ in SECTIONS:
        if len(cleaned[key]) > MAX_SECTION:
            raise InvalidInput(f"“{title}” is too long; keep each section under 20,000 characters.")
    return cleaned


_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(before: str, after: str) -> list[Change]:
    """Word-level changes from ``before`` to ``after``, whitespace kept with its words."""
    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    changes: list[Change] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            changes.append(Change("same", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            changes.append(Change("removed", "".join(old[i1:i2])))
        if j2 > j1:
            changes.append(Change("added", "".join(new[j1:j2])))
    return [c for c in changes if c.text]


def in_force(versions: list[AgreementVersion], partners: frozenset[str]) -> AgreementVersion | None:
    """The newest version both have acknowledged."""
    for version in sorted(versions, key=lambda v: v.number, reverse=True):
        if version.in_force_for(partners):
            return version
    return None
