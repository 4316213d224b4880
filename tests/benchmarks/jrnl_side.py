"""jrnl in its own environment, with an encrypted journal of the same reflections."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

PASSWORD = "benchmark jrnl password"


class Jrnl:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.venv = root / "jrnl-venv"
        self.python = self.venv / "bin" / "python"
        self.exe = self.venv / "bin" / "jrnl"

    def install(self) -> str:
        if not self.exe.exists():
            uv = os.environ.get("UV", "uv")
            subprocess.run(
                [uv, "venv", "-q", "--python", sys.executable, str(self.venv)], check=True
            )
            subprocess.run(
                [uv, "pip", "install", "-q", "--python", str(self.python), "jrnl", "keyrings.alt"],
                check=True,
            )
        out = subprocess.run(
            [str(self.exe), "--version"],
            capture_output=True,
            text=True,
            env=self.env(self.root / "x"),
        )
        return out.stdout.splitlines()[0] if out.stdout else "jrnl"

    def env(self, home: Path) -> dict[str, str]:
        base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        return {
            **base,
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "HOME": str(home),
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "NO_COLOR": "1",
        }

    def make_journal(self, home: Path, text: str) -> None:
        """Encrypt with jrnl's own v3 encryption (PBKDF2-SHA256, 100,000 iterations)."""
        (home / "config" / "jrnl").mkdir(parents=True, exist_ok=True)
        journal = home / "journal.txt"
        plain = home / "plain.txt"
        plain.write_text(text)
        (home / "config" / "jrnl" / "jrnl.yaml").write_text(
            textwrap.dedent(f"""\
            colors: {{body: none, date: none, tags: none, title: none}}
            default_hour: 9
            default_minute: 0
            editor: ''
            encrypt: true
            highlight: false
            indent_character: '|'
            journals:
              default:
                journal: {journal}
                encrypt: true
            linewrap: 0
            tagsymbols: '#@'
            template: false
            timeformat: '%Y-%m-%d %H:%M'
            version: v4.6
            """)
        )
        script = textwrap.dedent(f"""
            import keyring
            from pathlib import Path
            from jrnl.encryption.Jrnlv3Encryption import Jrnlv3Encryption
            enc = Jrnlv3Encryption("default", {{"encrypt": True}})
            enc.password = {PASSWORD!r}
            Path({str(journal)!r}).write_bytes(enc.encrypt(Path({str(plain)!r}).read_text()))
            keyring.set_password("jrnl", "default", {PASSWORD!r})
        """)
        subprocess.run([str(self.python), "-c", script], check=True, env=self.env(home))
        plain.unlink()

    def command(self, home: Path, *args: str) -> list[str]:
        return [str(self.exe), *args]

    def kdf_seconds(self) -> float:
        script = textwrap.dedent("""
            import time
            from cryptography.hazmat.primitives import hashes
            from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
            best = []
            for _ in range(5):
                t = time.perf_counter()
                PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=b"0"*16, iterations=100_000).derive(b"pw")
                best.append(time.perf_counter() - t)
            print(sorted(best)[2])
        """)
        out = subprocess.run(
            [str(self.python), "-c", script], capture_output=True, text=True, check=True
        )
        return float(out.stdout.strip())
