"""Render the app's main screens to docs/screenshots/ (offscreen, real demo vault).

uv run python tools/screenshots.py [--theme dark] [--language de] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from twofold.services.demo import create_demo
from twofold.ui import i18n, theme
from twofold.ui.app import demo_hint, make_application
from twofold.ui.labels import label
from twofold.ui.main_window import (
    AGREEMENT,
    CHECKINS,
    COMMITMENTS,
    JOINT,
    OUTBOX,
    PATTERNS,
    PROGRESS,
    SETBACKS,
    TIMELINE,
    TOGETHER,
    WINS,
    MainWindow,
)
from twofold.ui.setup_wizard import SetupWizard


def pump(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def wait_for(app: QApplication, predicate: object, timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > end:
            raise TimeoutError("screen did not appear")
        app.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, out: Path, name: str) -> None:
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--theme", default="light")
    parser.add_argument("--language", default="en", help="en, or de (files get a -de suffix)")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--size", default="1200x780", help="window size, e.g. 1024x640")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.theme == "light" else f"-{args.theme}"
    suffix += "" if args.language == "en" else f"-{args.language}"
    width, height = (int(n) for n in args.size.split("x"))
    if args.size != "1200x780":
        suffix += f"-{args.size}"
    tmp = Path(tempfile.mkdtemp())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    app = make_application()
    i18n.install(app, args.language)
    theme.apply(app, args.theme)
    settings = QSettings()

    wizard = SetupWizard(tmp / "new-vault")
    wizard.resize(760, 600)
    wizard.show()
    pump(app)
    save(wizard, args.out, f"setup-welcome{suffix}")
    wizard.next()
    wizard.first.name.setText("Alex")
    wizard.first.fields.passphrase.setText("lantern harbour velvet orbit")
    wizard.first.fields.confirm.setText("lantern harbour velvet orbit")
    pump(app)
    save(wizard, args.out, f"setup-partner{suffix}")
    wizard.close()

    demo = create_demo(tmp / "demo")
    window = MainWindow(demo.folder, settings, hint=demo_hint(demo))
    window.resize(width, height)
    window.show()
    pump(app)
    save(window, args.out, f"unlock{suffix}")
    page = window.unlock_page
    page.passphrase.setText(demo.passphrases["Alex"])
    page.try_unlock()
    wait_for(app, lambda: window.session is not None)
    pump(app, 0.5)
    window.journal.list.setCurrentIndex(window.journal.model.index(1))
    pump(app)
    save(window, args.out, f"journal{suffix}")
    for key in (OUTBOX, TIMELINE, COMMITMENTS):
        window.go(key)
        pump(app)
        save(window, args.out, f"{key}{suffix}")
    # issue 12: the proposal waiting for Alex, selected
    rows = window.commitments.model.items
    waiting = next((i for i, r in enumerate(rows) if r.mine_to_answer), 0)
    window.commitments.list.setCurrentIndex(window.commitments.model.index(waiting))
    pump(app)
    save(window, args.out, f"commitment-proposal{suffix}")
    window.go(AGREEMENT)
    window.agreement.show_changes.setChecked(True)
    pump(app)
    save(window, args.out, f"agreement{suffix}")
    for key in (CHECKINS, SETBACKS, WINS):
        window.go(key)
        pump(app)
        save(window, args.out, f"{key}{suffix}")
    from twofold.domain.checkins import CheckinKind

    window.go(CHECKINS)
    window.checkins.choose(CheckinKind.WEEKLY)  # Sam's answers sealed; the week's data
    pump(app)
    save(window, args.out, f"checkins-weekly{suffix}")
    from twofold.ui.roles_dialog import RolesDialog
    from twofold.ui.talk_dialog import TalkDialog

    assert window.session is not None
    for name, made in (
        ("talk", TalkDialog(window.session, window)),
        ("roles", RolesDialog(window.session, window)),
    ):
        made.show()
        pump(app)
        save(made, args.out, f"{name}{suffix}")
        made.close()
    window.go(TOGETHER)
    pump(app)
    save(window, args.out, f"together{suffix}")
    # issue 14: the review before signing, for an appreciation and a sealed check-in
    from twofold.ui.review import PracticeReview

    assert window.session is not None
    for name, review in (
        (
            "review-appreciation",
            PracticeReview(
                window,
                window.session,
                app.translate("TogetherPage", "Your appreciation"),
                [
                    (
                        app.translate("TogetherPage", "Appreciation"),
                        "You made tea before my early shift without being asked.",
                    )
                ],
                app.translate("TogetherPage", "Sign and add it"),
            ),
        ),
        (
            "review-checkin",
            PracticeReview(
                window,
                window.session,
                app.translate("Labels", "Daily check-in"),
                [
                    (label(prompt.text), answer)
                    for prompt, answer in zip(
                        window.session.checkins.prompts(CheckinKind.DAILY).prompts,
                        ("Calmer than yesterday.", "A quiet evening.", "Leave work on time."),
                        strict=False,
                    )
                ],
                app.translate("CheckinsPage", "Sign and seal"),
                sealed=True,
            ),
        ),
    ):
        review.show()
        pump(app)
        save(review, args.out, f"{name}{suffix}")
        review.close()
    # issue 16: the long arc, everything shown; then scrolled to the charts further down
    # (those are drawn as they come into view)
    for key, charts in ((PROGRESS, window.progress), (PATTERNS, window.patterns)):
        window.go(key)
        pump(app)
        next(b for b in charts.ranges.buttons() if b.objectName().endswith("RangeAll")).click()
        pump(app)
        save(window, args.out, f"{key}{suffix}")
        bar = charts.scroller.verticalScrollBar()
        bar.setValue(bar.maximum())
        pump(app)
        save(window, args.out, f"{key}-more{suffix}")
    from twofold.ui.safety_dialog import SafetyPlanDialog

    assert window.session is not None
    dialog = SafetyPlanDialog(window.session, window)
    dialog.show()
    pump(app)
    save(dialog, args.out, f"safety-plan{suffix}")
    dialog.close()
    window.lock()
    page.choice("__shared__").setChecked(True)
    page.passphrase.setText(demo.passphrases["Sam"])
    page.try_unlock()
    wait_for(app, lambda: window.session is not None)
    pump(app, 0.5)
    save(window, args.out, f"session{suffix}")
    window.go(JOINT)
    pump(app)
    save(window, args.out, f"joint-agenda{suffix}")  # a strained boundary leads
    from twofold.domain.dialogue import SessionKind

    assert window.session is not None
    from twofold.ui.worker import busy

    wait_for(app, lambda: not busy())  # the check of the ledger at unlock reads it whole
    window.session.joint.open(SessionKind.WEEKLY, demo.passphrases["Alex"])
    window.joint.reload()
    window.joint.timer._start()
    window.joint.timer.advance(47)
    window.session.joint.note(window.joint.current["id"], "We talked about the work trip in March.")  # type: ignore[index]
    window.joint.reload()
    pump(app)
    save(window, args.out, f"joint-session{suffix}")
    from twofold.ui.joint_page import EndSessionDialog

    ending = EndSessionDialog(window.session, window)  # issue 14: one dialog, kept words
    ending.summary.setText("Hard, and good.")
    ending.show()
    pump(app)
    save(ending, args.out, f"end-session{suffix}")
    ending.close()
    window.lock()
    QTimer.singleShot(0, app.quit)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
