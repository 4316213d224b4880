"""Render resources/icons/twofold.svg to the PNG sizes desktops and installers use.

uv run python packaging/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "twofold.svg"))
    out = ROOT / "packaging" / "linux" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = out / f"twofold-{size}.png"
        image.save(str(target))
        print(target.relative_to(ROOT))
    # Installers want their own formats; Qt's image plugins write both.
    big = QImage(str(out / "twofold-256.png"))
    for target in (
        ROOT / "packaging" / "windows" / "twofold.ico",
        ROOT / "packaging" / "macos" / "twofold.icns",
    ):
        if not big.save(str(target)):
            print(f"could not write {target.name}", file=sys.stderr)
            return 1
        print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
