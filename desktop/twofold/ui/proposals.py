"""One click from a counter-measure or a session outcome to a commitment or an
agreement change: the dialogs open filled in; nothing is saved until confirmed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from twofold.services.session import Session
from twofold.ui import ops


def propose_commitment(
    parent: QWidget, session: Session, title: str, detail: str, *, cosign: bool = False
) -> bool:
    """``cosign``: both are here (a joint session); the other partner may accept on the
    spot with their own passphrase, else the commitment waits as a proposal."""
    from twofold.ui.commitments_page import CommitmentDialog

    dialog = CommitmentDialog(session, parent, cosign=cosign)
    dialog.title.setText(title)
    dialog.detail.setPlainText(detail)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        session.commitments.make(
            dialog.title.text(),
            dialog.cadence_value(),
            owner=str(dialog.owner.currentData()),
            detail=dialog.detail.toPlainText(),
            hard_day=dialog.hard_day.text(),
            other_passphrase=dialog.cosign_passphrase(),
        )
    except Exception as exc:
        ops.report_failure(
            parent,
            QCoreApplication.translate("proposals", "Not saved"),
            exc,
            action="proposals.commitment",
        )
        return False
    ops.announce([ops.PRACTICE, ops.TIMELINE])
    return True


def propose_agreement_change(parent: QWidget, session: Session, text: str, why: str) -> bool:
    from twofold.ui.agreement_page import ProposeDialog

    dialog = ProposeDialog(session.agreement.latest(), parent)
    lapses = dialog.fields["lapses"]
    lapses.setPlainText((lapses.toPlainText() + "\n" + text).strip())
    dialog.note.setText(why)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        session.agreement.propose(dialog.sections(), dialog.note.text())
    except Exception as exc:
        ops.report_failure(
            parent,
            QCoreApplication.translate("proposals", "Not proposed"),
            exc,
            action="proposals.agreement",
        )
        return False
    ops.announce([ops.PRACTICE, ops.TIMELINE])
    return True
