"""`collectstatic` only when the apps' static files changed since the last one (`serve` asks)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

FINGERPRINT_NAME = ".hankesalkku-static"


def source_fingerprint() -> str:
    """A digest of every static file the finders see (name, size, time) and of the storage."""
    lines = [settings.STORAGES["staticfiles"]["BACKEND"]]
    for finder in finders.get_finders():
        for path, storage in sorted(finder.list(None), key=lambda item: item[0]):
            stat = Path(storage.path(path)).stat()
            prefix = getattr(storage, "prefix", "") or ""
            lines.append(f"{prefix}/{path}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def collect_static_if_needed(call_command) -> bool:
    """Run collectstatic into STATIC_ROOT unless it already holds these files; True if it ran."""
    root = Path(settings.STATIC_ROOT)
    stamp = root / FINGERPRINT_NAME
    fingerprint = source_fingerprint()
    if stamp.is_file() and stamp.read_text().strip() == fingerprint:
        return False
    call_command("collectstatic", interactive=False, clear=True, verbosity=0)
    stamp.write_text(fingerprint + "\n")
    return True
