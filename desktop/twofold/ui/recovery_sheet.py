"""The printable recovery sheet: print dialog or save as PDF."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtWidgets import QFileDialog, QWidget

from twofold.ui import i18n


def sheet_html(partner: str, code: str, vault: Path) -> str:
    e = html.escape
    return QCoreApplication.translate(
        "recovery_sheet",
        """
    <h1>Twofold recovery sheet</h1>
    <p><b>For:</b> {partner}<br><b>Made:</b> {when}<br>
    <b>Vault folder:</b> {vault}</p>
    <p style="font-size:20pt; font-family:monospace; letter-spacing:2px;
              border:2px solid #333; padding:12px;">{code}</p>
    <p>This code opens <b>{partner}'s private journal</b> if the passphrase is forgotten.
    In Twofold choose <i>Forgot your passphrase?</i> on the unlock screen and type it.
    You will then set a new passphrase and receive a new code; this one stops working.</p>
    <p><b>Keep it somewhere only {partner} can reach</b>: not in the same place as the
    computer, not in a photo on a shared phone. Anyone with this code can read this journal.</p>
    <p><b>If both the passphrase and this code are lost, the private journal cannot be
    opened by anyone, including us.</b> The shared ledger stays open to the other partner.</p>
    """,
    ).format(
        partner=e(partner),
        when=i18n.date_text(datetime.now(), "%d %B %Y"),
        vault=e(str(vault)),
        code=e(code),
    )


def _document(partner: str, code: str, vault: Path) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(sheet_html(partner, code, vault))
    return document


def save_pdf(path: Path, partner: str, code: str, vault: Path) -> Path:
    from PySide6.QtPrintSupport import QPrinter  # printing loads only when used

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setOutputFileName(str(path))
    _document(partner, code, vault).print_(printer)
    return path


def ask_and_save_pdf(parent: QWidget, partner: str, code: str, vault: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("recovery_sheet", "Save {partner}'s recovery sheet").format(
            partner=partner
        ),
        str(
            Path.home()
            / QCoreApplication.translate(
                "recovery_sheet", "Twofold recovery sheet - {partner}.pdf"
            ).format(partner=partner)
        ),
        QCoreApplication.translate("recovery_sheet", "PDF (*.pdf)"),
    )
    return save_pdf(Path(name), partner, code, vault) if name else None


def print_sheet(parent: QWidget, partner: str, code: str, vault: Path) -> bool:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("recovery_sheet", "Print {partner}'s recovery sheet").format(
            partner=partner
        )
    )
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    _document(partner, code, vault).print_(printer)
    return True
