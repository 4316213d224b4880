"""The review before signing (issue 14): what joins the shared ledger, exactly as it
will be written, who signs it and that the partner will read it, with a way back to
edit and a clear confirm. The outbox's "Share with …" dialog is one of these; every
practice action that signs the partner's words in one step (check-ins, setbacks,
repair steps, counter-measures, wins, appreciations, chapters, values, session notes)
asks through ``review_signed`` before it writes."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.text import is_right_to_left
from twofold.services.session import Session
from twofold.ui.widgets import heading, named, note


def names(session: Session) -> tuple[str, str]:
    """(who signs, who will read): the unlocked partner and the other one."""
    others = [label for pid, label in session.partner_labels.items() if pid != session.partner_id]
    return session.partner_label, others[0] if others else ""


class SignedReviewDialog(QDialog):
    """The one review step: a summary, who signs and who reads, what the caller
    says about it, the body (exactly what will be written), then the way back and
    the confirm. Enter stays on the safe way back; Tab reaches the confirm."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        object_name: str,
        title: str,
        summary: str,
        signer: str,
        partner: str,
        explanation: str,
        body: QWidget,
        confirm_text: str,
        back_text: str,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.summary = heading(summary, 2)  # its objectName styles it as a heading
        self.summary.setWordWrap(True)
        self.summary.setAccessibleDescription(self.tr("Summary"))
        who = (
            self.tr("Signed by you, {signer}. {partner} will read it.")
            if partner
            else self.tr("Signed by you, {signer}.")
        ).format(signer=signer, partner=partner)
        self.signer = named(QLabel(who), f"{object_name}Signer", self.tr("Who signs it"))
        self.signer.setObjectName("heading3")
        self.signer.setWordWrap(True)
        self.signer.setTextFormat(Qt.TextFormat.PlainText)
        self.body = body
        buttons = QDialogButtonBox()
        self.confirm = named(
            buttons.addButton(confirm_text, QDialogButtonBox.ButtonRole.AcceptRole),
            f"{object_name}Confirm",
            confirm_text,
        )
        self.back = named(
            buttons.addButton(back_text, QDialogButtonBox.ButtonRole.RejectRole),
            f"{object_name}Back",
            back_text,
        )
        self.confirm.setObjectName("primary")  # styled as the one action of the dialog
        self.back.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.signer)
        layout.addWidget(note(explanation))
        layout.addWidget(body, 1)
        layout.addWidget(buttons)
        # Tab goes from what will be written to the confirm, then the way back (the
        # button box's own order can leave the accept button out of the chain, and
        # with the app's style sheet Qt's chain skipped it again: the button box lays
        # itself out anew when styled), so Tab follows this order.
        self.confirm.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        QWidget.setTabOrder(body, self.confirm)
        QWidget.setTabOrder(self.confirm, self.back)
        self._tab_order: list[QWidget] = [body, self.confirm, self.back]

    def focusNextPrevChild(self, next: bool) -> bool:
        focused = self.focusWidget()
        chain = [w for w in self._tab_order if w.isVisible() and w.isEnabled()]
        if focused not in chain:
            return super().focusNextPrevChild(next)
        step = 1 if next else -1
        chain[(chain.index(focused) + step) % len(chain)].setFocus(
            Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        )
        return True


def text_body(parts: Sequence[tuple[str, str]], object_name: str, accessible: str) -> QTextBrowser:
    """What will be written, as read-only text a keyboard and a screen reader reach:
    each part under its caption, in its own direction, line breaks kept."""
    e = html.escape
    blocks = []
    for caption, text in parts:
        direction = "rtl" if is_right_to_left(text) else "ltr"
        words = e(text).replace("\n", "<br>") if text else "<i>—</i>"
        blocks.append(f"<p><b>{e(caption)}</b></p><p dir='{direction}'>{words}</p>")
    view = named(QTextBrowser(), object_name, accessible)
    view.setHtml("".join(blocks))
    view.setOpenLinks(False)
    view.setTabChangesFocus(True)
    return view


class PracticeReview(SignedReviewDialog):
    def __init__(
        self,
        parent: QWidget | None,
        session: Session,
        what: str,
        parts: Sequence[tuple[str, str]],
        confirm_text: str,
        *,
        sealed: bool = False,
        explanation: str | None = None,
        back_text: str | None = None,
    ) -> None:
        signer, partner = names(session)
        partner_name = partner or QCoreApplication.translate("PracticeReview", "your partner")
        if explanation is not None:
            explanation = explanation.format(partner=partner_name)
        elif sealed:
            explanation = QCoreApplication.translate(
                "PracticeReview",
                "Your answers are sealed now: only a fingerprint of them joins the shared "
                "ledger, signed with your key. {partner} reads them, exactly as below, once "
                "you have both answered or the period is over. Sealed answers cannot be "
                "changed; you can withdraw them.",
            ).format(partner=partner_name)
        else:
            explanation = QCoreApplication.translate(
                "PracticeReview",
                "This is exactly what joins the shared ledger, signed with your key; "
                "{partner} will read it on the timeline. You can withdraw it later: its "
                "words are removed, and a signed note that you withdrew it stays.",
            ).format(partner=partner_name)
        super().__init__(
            parent,
            object_name="reviewDialog",
            title=QCoreApplication.translate("PracticeReview", "Review before signing"),
            summary=what,
            signer=signer,
            partner=partner,
            explanation=explanation,
            body=text_body(
                parts,
                "reviewText",
                QCoreApplication.translate(
                    "PracticeReview", "Exactly what {partner} will read"
                ).format(partner=partner_name),
            ),
            confirm_text=confirm_text,
            back_text=back_text or QCoreApplication.translate("PracticeReview", "Back to edit"),
        )
        self.resize(560, 420)


def review_signed(
    parent: QWidget | None,
    session: Session,
    what: str,
    parts: Sequence[tuple[str, str]],
    confirm_text: str,
    *,
    sealed: bool = False,
    required: bool = True,
    explanation: str | None = None,
    back_text: str | None = None,
) -> bool:
    """Show what will be signed and ask; True to go on and write it. Texts are shown
    as they will be stored (trimmed). When ``required`` and every text is empty there
    is nothing to review: True, so the action itself says what is missing.
    ``explanation`` (with ``{partner}``) replaces the default words on what happens
    next, for what cannot be withdrawn; ``back_text`` the way back where there is
    nothing to edit."""
    cleaned = [(caption, text.strip()) for caption, text in parts]
    if required and not any(text for _, text in cleaned):
        return True
    dialog = PracticeReview(
        parent,
        session,
        what,
        cleaned,
        confirm_text,
        sealed=sealed,
        explanation=explanation,
        back_text=back_text,
    )
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def reviewer(
    session: Session, what: str, caption: str, confirm_text: str, *, required: bool = True
) -> Callable[[QWidget, str], bool]:
    """The review of a one-field dialog (``widgets.ask_text(review=…)``)."""

    def ask(parent: QWidget, text: str) -> bool:
        return review_signed(
            parent, session, what, [(caption, text)], confirm_text, required=required
        )

    return ask
