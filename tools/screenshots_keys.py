"""Screenshots of issue 11's key screens: the setup hand-over, one partner's own code
page, the notice at unlock after a reset, and the key-change event on the timeline.

    QT_QPA_PLATFORM=offscreen uv run python tools/screenshots_keys.py [--theme dark]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QWizard
from screenshots import pump, save, wait_for

from twofold.services.demo import create_demo
from twofold.services.session import reset_passphrase
from twofold.ui import theme
from twofold.ui.app import make_application
from twofold.ui.main_window import TIMELINE, MainWindow
from twofold.ui.setup_wizard import SetupWizard


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--theme", default="light")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.theme == "light" else f"-{args.theme}"
    tmp = Path(tempfile.mkdtemp())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    app = make_application()
    theme.apply(app, args.theme)

    wizard = SetupWizard(tmp / "new-vault")
    wizard.resize(760, 600)
    wizard.show()
    wizard.next()
    wizard.first.name.setText("Alex")
    wizard.first.fields.passphrase.setText("lantern harbour velvet orbit")
    wizard.first.fields.confirm.setText("lantern harbour velvet orbit")
    wizard.next()
    wizard.second.name.setText("Sam")
    wizard.second.fields.passphrase.setText("cedar meadow quartz harbor")
    wizard.second.fields.confirm.setText("cedar meadow quartz harbor")
    wizard.button(QWizard.WizardButton.CommitButton).click()
    wait_for(app, lambda: wizard.currentPage() is wizard.hand_over[0], timeout=120)
    pump(app)
    save(wizard, args.out, f"setup-handover{suffix}")
    wizard.button(QWizard.WizardButton.CommitButton).click()
    pump(app)
    save(wizard, args.out, f"setup-own-code{suffix}")
    wizard.close()

    demo = create_demo(tmp / "demo")
    session, _ = reset_passphrase(
        demo.folder, "Alex", demo.recovery_codes["Alex"], "harbour lantern copper willow"
    )
    session.lock()
    window = MainWindow(demo.folder, QSettings())
    window.resize(1200, 780)
    window.show()
    pump(app)
    page = window.unlock_page
    page.choice("Alex").setChecked(True)
    page.passphrase.setText("harbour lantern copper willow")
    page.try_unlock()
    wait_for(app, lambda: window.session is not None)
    pump(app, 0.5)
    save(window, args.out, f"unlock-key-notice{suffix}")
    window.go(TIMELINE)
    pump(app, 0.5)
    save(window, args.out, f"timeline-key-change{suffix}")
    window.lock()
    QTimer.singleShot(0, app.quit)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
