"""Screenshots for issue 15 (out and in, leaving) on a real demo vault, offscreen:
the report dialog, the PDF's first two pages (pdftoppm), the import preview, the
journal export dialog and the leave flow.

uv run python tools/screenshots_export.py [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fixtures.import_samples import day_one_entry, write_day_one_zip
from tools.screenshots import pump, save, wait_for

from twofold.services.demo import create_demo
from twofold.ui.app import demo_hint, make_application
from twofold.ui.main_window import MainWindow


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    app = make_application()
    demo = create_demo(tmp / "demo")
    window = MainWindow(demo.folder, QSettings(), hint=demo_hint(demo))
    window.resize(1200, 780)
    window.show()
    page = window.unlock_page
    page.passphrase.setText(demo.passphrases["Alex"])
    page.try_unlock()
    wait_for(app, lambda: window.session is not None)
    pump(app, 0.5)

    from twofold.ui.export_dialogs import ImportDialog, JournalExportDialog, ReportDialog

    report = window.open_report()
    assert isinstance(report, ReportDialog)
    for i in range(min(2, report.private.count())):
        report.private.item(i).setCheckState(report.private.item(i).checkState().Checked)
    report.passphrase.setText(demo.passphrases["Sam"])
    pump(app)
    save(report, args.out, "export-report-dialog")
    pdf = tmp / "report.pdf"
    report.start_export(pdf)
    wait_for(app, lambda: "Saved to" in report.message.text(), 120)
    pump(app)
    save(report, args.out, "export-report-saved")
    report.close()
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:
        subprocess.run(
            [pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), str(tmp / "page")],
            check=True,
        )
        for number, name in ((1, "export-report-pdf-page1"), (2, "export-report-pdf-page2")):
            found = sorted(tmp.glob(f"page-*{number}.png"))
            if found:
                shutil.copy(found[0], args.out / f"{name}.png")
                print(args.out / f"{name}.png")

    journal_export = window.open_journal_export()
    assert isinstance(journal_export, JournalExportDialog)
    pump(app)
    save(journal_export, args.out, "export-journal-dialog")
    journal_export.close()

    start = datetime.now(UTC) - timedelta(days=900)
    entries = [
        day_one_entry(
            f"{i:032X}",
            start + timedelta(days=i * 3),
            f"Day One entry {i}",
            photos=1 if i % 5 == 0 else 0,
        )
        for i in range(1, 240)
    ]
    entries.append(day_one_entry(f"{3:032X}", start, "Day One entry 3"))
    entries.append(day_one_entry("F" * 32, start, ""))
    source = write_day_one_zip(tmp / "Export - Journal.zip", entries=entries)
    importer = window.open_import()
    assert isinstance(importer, ImportDialog)
    importer.load(source)
    wait_for(app, lambda: importer.go.isEnabled(), 60)
    pump(app)
    save(importer, args.out, "import-preview")
    importer.close()

    from twofold.ui.ending_dialog import LeaveDialog

    dialog = window.open_leave()
    assert isinstance(dialog, LeaveDialog)
    dialog.shred_passphrase.setText(demo.passphrases["Alex"])
    dialog.shred_confirm.setText("delete my journal")
    pump(app)
    save(dialog, args.out, "leave-delete-journal")
    dialog.tabs.setCurrentIndex(1)
    dialog.copy.setChecked(True)
    dialog.copy_path.setText(str(tmp / "twofold-shared-history.pdf"))
    dialog.leave_passphrase.setText(demo.passphrases["Sam"])
    dialog.leave_confirm.setText("leave")
    pump(app)
    save(dialog, args.out, "leave-vault")
    dialog._leave()
    wait_for(app, lambda: bool(window.ending_message), 400)
    print(window.ending_message.splitlines()[0])
    pump(app, 0.5)
    box = next(w for w in app.topLevelWidgets() if w.objectName() == "endingDone")
    save(box, args.out, "leave-done")
    window.lock()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
