"""Writing files safely: atomically, and never over an existing file without ``force``."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from actionplan.i18n import _
from actionplan.problems import ActionplanError


def write_atomic(path: Path, content: str | bytes, *, force: bool = False) -> None:
    """Write ``content`` to ``path`` through a temporary file and ``os.replace``.

    A failure at any point leaves the previous file (or no file) in place, never a
    half-written one. Raises :class:`ActionplanError` with a plain message on refusal
    or on an OS error (read-only folder, full disk…).
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.is_dir():
        raise ActionplanError(_("{path} is a folder; give a file name.").format(path=path))
    if path.exists() and not force:
        raise ActionplanError(
            _("{path} already exists; use --force to replace it.").format(path=path)
        )
    tmp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        # mkstemp makes the file private (0600); give it the mode a plain write would.
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp_name).replace(path)  # atomic rename (os.replace)
        tmp_name = None
    except OSError as exc:
        raise ActionplanError(
            _("Cannot write {path}: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                Path(tmp_name).unlink()


def _mode_for(path: Path) -> int:
    """The existing file's permissions, else the default for new files (0666 - umask)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
