"""The living agreement: the version in force, what changed, proposing and acknowledging."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from twofold.domain.agreement import SECTIONS, AgreementVersion, Change
from twofold.ui import i18n, ops, theme
from twofold.ui.labels import label
from twofold.ui.review import review_signed
from twofold.ui.widgets import LazyPage, error_label, heading, named, note, two_panes


def render(version: AgreementVersion, changes: dict[str, list[Change]] | None) -> str:
    """The agreement as HTML; with ``changes``, added words green, removed struck out."""
    c = theme.current()
    parts = []
    for key, title, hint in SECTIONS:
        parts.append(f"<h3>{html.escape(label(title))}</h3>")
        if changes is not None:
            spans = []
            for change in changes.get(key, []):
                text = html.escape(change.text).replace("\n", "<br>")
                if change.kind == "added":
                    spans.append(f'<span style="background:{c.ok}; color:white">{text}</span>')
                elif change.kind == "removed":
                    spans.append(
                        f'<span style="color:{c.warning}; text-decoration:line-through">{text}</span>'
                    )
                else:
                    spans.append(text)
            parts.append(f"<p>{''.join(spans) or '<i>(empty)</i>'}</p>")
        else:
            text = version.sections.get(key, "")
            parts.append(
                f"<p>{html.escape(text).replace(chr(10), '<br>') if text else '<i>' + html.escape(hint) + '</i>'}</p>"
            )
    return "".join(parts)


class ProposeDialog(QDialog):
    def __init__(self, base: AgreementVersion | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposeAgreementDialog")
        self.setWindowTitle(self.tr("Propose a new version"))
        self.fields: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        for key, title, hint in SECTIONS:
            field = named(
                QPlainTextEdit(base.sections.get(key, "") if base else ""),
                f"section_{key}",
                label(title),
            )
            field.setPlaceholderText(label(hint))
            field.setTabChangesFocus(True)  # Tab moves on; it never types into the terms
            field.setMinimumHeight(90)
            self.fields[key] = field
            form.addRow(label(title), field)
        self.note = named(QLineEdit(), "agreementNote", self.tr("What changed and why"))
        self.note.setPlaceholderText(self.tr("What changed and why (optional)"))
        form.addRow(self.tr("Note"), self.note)
        self.message = error_label("agreementMessage", self.tr("Problem"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Propose this version"))
        ok.setObjectName("proposeAgreement")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "Your partner sees the changes word by word and acknowledges them. "
                    "Until then the version before stays in force."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 620)

    def sections(self) -> dict[str, str]:
        return {key: field.toPlainText() for key, field in self.fields.items()}


class AgreementPage(LazyPage):
    refresh_on = frozenset({"practice", "timeline"})

    def __init__(self) -> None:
        super().__init__()
        self.versions: list[AgreementVersion] = []
        self.list = named(QListWidget(), "agreementVersions", self.tr("Versions of the agreement"))
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setMinimumWidth(230)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view = named(QTextBrowser(), "agreementText", self.tr("The agreement"))
        self.show_changes = named(
            QCheckBox(self.tr("Show changes from the version before")),
            "showChanges",
            self.tr("Show changes"),
        )
        self.propose = named(
            QPushButton(self.tr("Propose changes…")), "primary", self.tr("Propose a new version")
        )
        self.acknowledge = named(
            QPushButton(self.tr("Acknowledge this version")),
            "acknowledgeAgreement",
            self.tr("Acknowledge this version"),
        )
        self.status = note("")
        self.propose.clicked.connect(self._propose)
        self.acknowledge.clicked.connect(self._acknowledge)
        self.show_changes.toggled.connect(self._show)
        self.list.currentRowChanged.connect(lambda _row: self._show())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(heading(self.tr("Versions"), 3))
        left_layout.addWidget(self.list, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.status)
        right_layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addWidget(self.show_changes)
        row.addStretch(1)
        row.addWidget(self.acknowledge)
        right_layout.addLayout(row)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Our agreement"), 2))
        top.addStretch(1)
        top.addWidget(self.propose)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(two_panes(left, right, "agreementSplitter"), 1)

    def reload(self) -> None:
        self._stale = False
        self.list.clear()
        self.view.clear()
        self.versions = [] if self.session is None else self.session.agreement.versions()
        if self.session is None:
            return
        current = self.session.agreement.in_force()
        labels = self.session.partner_labels
        for version in reversed(self.versions):
            if current is not None and version.version_id == current.version_id:
                state = self.tr("in force")
            elif current is not None and version.number < current.number:
                state = self.tr("earlier")
            else:
                waiting = [labels.get(p, "?") for p in labels if p not in version.acknowledged_by]
                state = (
                    self.tr("waiting for {names}").format(names=self.tr(" and ").join(waiting))
                    if waiting
                    else self.tr("in force")
                )
            item = QListWidgetItem(
                self.tr("Version {number} — {state}\n{when}").format(
                    number=version.number,
                    state=state,
                    when=i18n.date_text(version.proposed_at.astimezone(), "%d %b %Y"),
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, version.version_id)
            self.list.addItem(item)
        if self.versions:
            self.list.setCurrentRow(0)
        else:
            self.status.setText(
                self.tr(
                    "No agreement yet. Propose a first version together: what each of you "
                    "takes care of, your boundaries, and how a lapse is repaired."
                )
            )
        self._show()

    def _selected(self) -> AgreementVersion | None:
        item = self.list.currentItem()
        if item is None:
            return None
        version_id = item.data(Qt.ItemDataRole.UserRole)
        return next((v for v in self.versions if v.version_id == version_id), None)

    def _show(self) -> None:
        version = self._selected()
        if version is None or self.session is None:
            self.acknowledge.setEnabled(False)
            return
        labels = self.session.partner_labels
        author = labels.get(version.author, "?")
        acked = ", ".join(labels.get(p, "?") for p in labels if p in version.acknowledged_by)
        self.status.setText(
            self.tr("Version {number}, proposed by {author}. Acknowledged by {acked}.").format(
                number=version.number, author=author, acked=acked
            )
            + (self.tr(" Note: {note}").format(note=version.note) if version.note else "")
        )
        changes = (
            self.session.agreement.changes(version.version_id)
            if self.show_changes.isChecked()
            else None
        )
        self.view.setHtml(render(version, changes))
        self.acknowledge.setEnabled(self.session.partner_id not in version.acknowledged_by)

    def _propose(self) -> None:
        if self.session is None:
            return
        agreement = self.session.agreement
        dialog = ProposeDialog(agreement.latest(), self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            sections = dialog.sections()
            parts = [(label(title), sections.get(key, "")) for key, title, _ in SECTIONS]
            parts = [(c, t) for c, t in parts if t.strip()]
            if dialog.note.text().strip():
                parts.append((self.tr("What changed and why"), dialog.note.text()))
            if not review_signed(
                self,
                self.session,
                self.tr("A new version of our agreement"),
                parts,
                self.tr("Sign and propose"),
                explanation=self.tr(
                    "This is exactly what joins the shared ledger, signed with your key. "
                    "{partner} sees the changes word by word and acknowledges them; until "
                    "then the version before stays in force."
                ),
            ):
                continue  # back to the terms, every word kept
            if ops.run_inline(
                dialog,
                dialog.message,
                lambda: agreement.propose(dialog.sections(), dialog.note.text()),
                action="agreement.propose",
                changed=[ops.PRACTICE, ops.TIMELINE],
            ):
                break

    def _acknowledge(self) -> None:
        version = self._selected()
        if version is None or self.session is None:
            return
        agreement = self.session.agreement
        terms = [(label(title), version.sections.get(key, "")) for key, title, _ in SECTIONS]
        if not review_signed(
            self,
            self.session,
            self.tr("Acknowledge version {number} of our agreement").format(number=version.number),
            [(c, t) for c, t in terms if t.strip()],
            self.tr("Sign: acknowledge"),
            required=False,
            back_text=self.tr("Not now"),
            explanation=self.tr(
                "Your signature says you have read these terms and hold to them; "
                "{partner} sees that you acknowledged them. It cannot be taken back: a "
                "new version can change the terms."
            ),
        ):
            return
        ops.run_op(
            self,
            self.tr("Not acknowledged"),
            lambda: agreement.acknowledge(version.version_id),
            action="agreement.acknowledge",
            changed=[ops.PRACTICE, ops.TIMELINE],
        )
        self.reload()
