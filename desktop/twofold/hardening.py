"""What the process does about local exposure before it touches a vault.

* files it creates are owner-only whatever the caller's umask (the vault code also
  creates each file with mode 0600 itself; this covers everything else, e.g. Qt's);
* no core dumps: one would hold both keys and private text in plain sight
  (``RLIMIT_CORE`` 0 everywhere, and ``PR_SET_DUMPABLE`` 0 on Linux, which also keeps
  other processes of the same user from attaching a debugger).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable

TYPE_CHECKING = False
if TYPE_CHECKING:
    import ctypes

PR_GET_DUMPABLE = 3
PR_SET_DUMPABLE = 4


def harden_process() -> None:
    os.umask(0o077)
    disable_core_dumps()


def disable_core_dumps() -> None:
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        _prctl(PR_SET_DUMPABLE, 0)


def dumpable() -> int | None:
    """Linux's dumpable flag (1 = core dumps and ptrace allowed), None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    return _prctl(PR_GET_DUMPABLE, 0)


def _prctl(option: int, value: int) -> int | None:
    try:
        return int(_libc_prctl()(option, value, 0, 0, 0))
    except (OSError, AttributeError):
        return None


def _libc_prctl() -> Callable[..., int]:
    """glibc's ``prctl``. Through cffi's C backend, which the key derivation's bindings
    have loaded already (``import ctypes`` alone was ~7 M instructions, ~3 ms of every
    command's start); through ctypes if that is not there."""
    try:
        import _cffi_backend as backend

        library = backend.load_library("libc.so.6")
        int_type = backend.new_primitive_type("int")
        ulong = backend.new_primitive_type("unsigned long")
        signature = backend.new_function_type((int_type, ulong, ulong, ulong, ulong), int_type)
        function: Callable[..., int] = library.load_function(signature, "prctl")
        return function
    except (ImportError, AttributeError, OSError):  # pragma: no cover - no cffi backend
        prctl: Callable[..., int] = _ctypes_libc().prctl
        return prctl


def _ctypes_libc() -> ctypes.CDLL:
    """glibc by its soname; ``find_library`` only if that fails (it runs ``ldconfig``
    in a subprocess: 10 ms of every command's start)."""
    import ctypes

    try:
        return ctypes.CDLL("libc.so.6", use_errno=True)
    except OSError:
        from ctypes.util import find_library

        return ctypes.CDLL(find_library("c"), use_errno=True)
