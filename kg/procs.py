"""Child processes that never outlive the process that started them.

``kg build --jobs N`` workers and the query processes of ``kg query`` and
``kg serve`` hold hundreds of megabytes; if their owner is killed outright
(``kill -9``: no handler runs, no pool is shut down) they must go too. Two
mechanisms, because neither is enough alone:

* ``PR_SET_PDEATHSIG`` (Linux): the kernel sends SIGKILL when the child's
  *parent* dies. For a child forked from a fork server, the parent is the
  fork server (which exits when its owner does);
* a check right after setting it — the owner may have died between the fork
  and the ``prctl`` call, and then no signal would ever come — plus, where
  the owner is not the direct parent, a watchdog thread (:func:`watch`).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

WATCH_EVERY = 1.0  # seconds between a watchdog's checks


def alive(pid: int) -> bool:
    """True while process ``pid`` runs (a zombie — killed, not yet reaped — counts as dead)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - someone else's process now has the pid
        return False
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True  # no /proc: the signal test above is all we have


def die_with(owner: int) -> None:
    """Ask the kernel to SIGKILL this process when its parent dies; exit now if ``owner`` is gone."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - not glibc
            pass
    if not alive(owner):
        os._exit(1)


def _watch(owner: int) -> None:  # pragma: no cover - runs in a child's thread
    while alive(owner):
        time.sleep(WATCH_EVERY)
    os._exit(1)


def watch(owner: int) -> None:
    """A daemon thread that ends this process once ``owner`` is gone."""
    threading.Thread(target=_watch, args=(owner,), name="kg-watch-owner", daemon=True).start()
