"""Finding the files in ``resources/`` from a checkout, an installed wheel or the
frozen app: the one place that knows the three layouts."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "twofold" / "resources"
    packaged = Path(__file__).with_name("resources")
    if packaged.is_dir():  # installed wheel: resources/ is force-included here
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"  # a source checkout


def resource(*parts: str) -> Path:
    path = resource_root().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"Twofold's resource {'/'.join(parts)} is missing ({path}).")
    return path
