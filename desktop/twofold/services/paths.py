"""Where things live by default (platformdirs), overridable everywhere."""

from __future__ import annotations

from pathlib import Path

APP = "Twofold"


def default_vault_folder() -> Path:
    import platformdirs  # imported when needed: it costs ~15 ms at launch

    return Path(platformdirs.user_data_dir(APP, appauthor=False)) / "vault"


def default_backup_folder(vault_folder: Path) -> Path:
    """Beside the vault, not inside it: a backup must survive the vault folder."""
    return vault_folder.parent / f"{vault_folder.name}-backups"
