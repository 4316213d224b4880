"""The living agreement: propose a new version, acknowledge, see what is in force and
what changed from one version to the next."""

from __future__ import annotations

import uuid

from twofold.domain.agreement import (
    AgreementVersion,
    Change,
    check_sections,
    in_force,
    word_diff,
)
from twofold.domain.errors import NotAllowed, NotFound
from twofold.domain.events import AgreementAcknowledged, AgreementProposed
from twofold.vault import practice_store
from twofold.vault.vault import OpenVault, now


class AgreementService:
    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault

    def _partners(self) -> frozenset[str]:
        return frozenset(p.id for p in self._vault.keyslots.partners)

    def versions(self) -> list[AgreementVersion]:
        return practice_store.agreement_versions(self._vault.connection)

    def in_force(self) -> AgreementVersion | None:
        return in_force(self.versions(), self._partners())

    def latest(self) -> AgreementVersion | None:
        versions = self.versions()
        return versions[-1] if versions else None

    def propose(self, sections: dict[str, str], note: str = "") -> str:
        """A new version; proposing it is its author's acknowledgement."""
        cleaned = check_sections(sections)
        latest = self.latest()
        if latest is not None and latest.sections == cleaned:
            raise NotAllowed("Nothing changed from the latest version.")
        version_id = uuid.uuid4().hex
        with self._vault.write("The agreement"):
            self._vault.ledger.record(AgreementProposed(version_id, cleaned, note.strip()), now())
        return version_id

    def acknowledge(self, version_id: str) -> None:
        version = next((v for v in self.versions() if v.version_id == version_id), None)
        if version is None:
            raise NotFound("There is no such version of the agreement.")
        if self._vault.partner_id in version.acknowledged_by:
            raise NotAllowed("You have already acknowledged this version.")
        with self._vault.write("The acknowledgement"):
            self._vault.ledger.record(AgreementAcknowledged(version_id), now())

    def changes(self, version_id: str) -> dict[str, list[Change]]:
        """Per section, the word-level changes from the previous version."""
        versions = self.versions()
        index = next((i for i, v in enumerate(versions) if v.version_id == version_id), None)
        if index is None:
            raise NotFound("There is no such version of the agreement.")
        before = versions[index - 1].sections if index > 0 else {}
        after = versions[index].sections
        return {key: word_diff(before.get(key, ""), after.get(key, "")) for key in after}
