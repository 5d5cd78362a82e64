"""Write a file so that readers see the old version or the new one, never half of one.

An export can fail midway (disk full, a serialiser error, Ctrl-C). Writing to
a temporary file in the *same directory* and ``os.replace``-ing it over the
target makes the switch one atomic rename on POSIX and Windows; on any failure
the temporary file is removed and the previous export is left untouched.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO


def _new_file_mode(path: Path) -> int:
    """Keep an existing file's permissions; new files get the usual 0666 & ~umask
    (``mkstemp`` would otherwise leave them private, 0600)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Yield a binary file; on normal exit it replaces ``path``, on error it vanishes."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _new_file_mode(target))
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise
