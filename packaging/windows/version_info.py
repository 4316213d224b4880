"""The Windows version resource, filled from the package version by twofold.spec."""

from __future__ import annotations

from PyInstaller.utils.win32.versioninfo import (
    FixedFileInfo,
    StringFileInfo,
    StringStruct,
    StringTable,
    VarFileInfo,
    VarStruct,
    VSVersionInfo,
)


def version_info(version: str) -> VSVersionInfo:
    numbers = tuple(int(part) for part in [*version.split("."), "0", "0", "0"][:4])
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            StringFileInfo(
                [
                    StringTable(
                        "040904B0",
                        [
                            StringStruct("CompanyName", "The Twofold developers"),
                            StringStruct("FileDescription", "Twofold"),
                            StringStruct("FileVersion", version),
                            StringStruct("InternalName", "twofold"),
                            StringStruct("LegalCopyright", "GPL-3.0-or-later"),
                            StringStruct("OriginalFilename", "twofold.exe"),
                            StringStruct("ProductName", "Twofold"),
                            StringStruct("ProductVersion", version),
                        ],
                    )
                ]
            ),
            VarFileInfo([VarStruct("Translation", [1033, 1200])]),
        ],
    )
