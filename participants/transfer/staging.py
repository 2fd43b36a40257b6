"""Keep an uploaded file between its preview and its confirmation.

The confirm step names the staged file by a random token kept in the user's session next to
the file's SHA-256, so it can only apply the very bytes that were previewed, and only for
the user who previewed them.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from pathlib import Path
from typing import Any

from django.conf import settings

SESSION_KEY = "count_imports"
MAX_AGE_SECONDS = 24 * 3600


def _folder() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "import-staging"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def stage(session: Any, *, data: bytes, filename: str, warnings: int) -> str:
    _forget_old_uploads()
    token = secrets.token_hex(16)
    (_folder() / token).write_bytes(data)
    staged = session.get(SESSION_KEY, {})
    staged[token] = {
        "sha256": hashlib.sha256(data).hexdigest(),
        "filename": filename,
        "warnings": warnings,
    }
    session[SESSION_KEY] = staged
    return token


def _forget_old_uploads() -> None:
    """Previews nobody confirmed are dropped after a day."""
    cutoff = time.time() - MAX_AGE_SECONDS
    for path in _folder().iterdir():
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


def staged_file(session: Any, token: str) -> tuple[bytes, dict[str, Any]] | None:
    """The previewed bytes and what was recorded about them; None if gone or tampered with."""
    entry = session.get(SESSION_KEY, {}).get(token)
    path = _folder() / token
    if entry is None or not token.isalnum() or not path.is_file():
        return None
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
        return None
    return data, entry


def discard(session: Any, token: str) -> None:
    staged = session.get(SESSION_KEY, {})
    staged.pop(token, None)
    session[SESSION_KEY] = staged
    if token.isalnum():
        (_folder() / token).unlink(missing_ok=True)
