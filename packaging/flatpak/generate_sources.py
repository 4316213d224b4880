"""Write python-deps.json (the Flatpak module installing Twofold's runtime
dependencies) from uv.lock: the same versions and hashes the project tests.

    python3 packaging/flatpak/generate_sources.py

Wheels are chosen for the Flatpak runtime's Python (3.12) on x86_64 and aarch64.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNTIME_PYTHON = "cp312"
ARCHES = ("x86_64", "aarch64")


def runtime_packages(lock: dict) -> list[dict]:
    by_name = {p["name"]: p for p in lock["package"]}
    wanted, todo = set(), ["twofold"]
    while todo:
        name = todo.pop()
        for dep in by_name[name].get("dependencies", []):
            marker = dep.get("marker", "")
            if "win32" in marker or "darwin" in marker or dep["name"] in wanted:
                continue
            wanted.add(dep["name"])
            todo.append(dep["name"])
    return [by_name[n] for n in sorted(wanted)]


def pick(wheels: list[dict], arch: str) -> dict | None:
    def fits(url: str) -> bool:
        name = url.rsplit("/", 1)[1]
        tags = name[:-4].split("-")[-3:]
        python, abi, platform = tags
        python_ok = python in (RUNTIME_PYTHON, "py3", "py2.py3") or (
            abi == "abi3" and python <= RUNTIME_PYTHON
        )
        platform_ok = platform == "any" or (
            re.match(r"manylinux", platform) and platform.endswith(arch)
        )
        return bool(python_ok and platform_ok)

    fitting = [w for w in wheels if fits(w["url"])]
    return fitting[0] if fitting else None


def main() -> int:
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    sources = []
    for package in runtime_packages(lock):
        for arch in ARCHES:
            wheel = pick(package.get("wheels", []), arch)
            if wheel is None:
                print(f"no {arch} wheel for {package['name']}", file=sys.stderr)
                return 1
            algo, digest = wheel["hash"].split(":", 1)
            source = {"type": "file", "url": wheel["url"], algo: digest, "only-arches": [arch]}
            if "none-any" in wheel["url"]:
                source.pop("only-arches")
                if source in sources:
                    continue
            sources.append(source)
    module = {
        "name": "python-deps",
        "buildsystem": "simple",
        "build-commands": [
            'pip3 install --no-index --find-links="file://${PWD}" --prefix=/app --no-deps *.whl'
        ],
        "sources": sources,
    }
    target = ROOT / "packaging" / "flatpak" / "python-deps.json"
    target.write_text(json.dumps(module, indent=2) + "\n")
    print(f"wrote {target.relative_to(ROOT)} ({len(sources)} wheels)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
