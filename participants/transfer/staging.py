"""Keep an uploaded file, and what its check found, between the preview and the confirmation.

The confirm step names the staged file by a random token kept in the user's session next to
the file's SHA-256, so it can only apply the very bytes that were previewed, and only for
the user who previewed them. Bounds: each user keeps at most PREVIEWS_PER_USER previews (the
oldest goes first), a preview is deleted when applied or cancelled, and `sweep` (hourly in
celery beat, or `manage.py sweep_import_previews`) deletes any older than a day.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from django.conf import settings

from regions import bounds

SESSION_KEY = "count_imports"
MAX_AGE_SECONDS = 24 * 3600
PREVIEWS_PER_USER = 3  # with IMPORT_MAX_BYTES, at most 60 MB of disk per user
CHUNK = 1024 * 1024


def _root() -> Path:
    return Path(settings.MEDIA_ROOT) / "import-staging"


def _folder(user_id: int) -> Path:
    folder = _root() / str(int(user_id))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _valid(token: str) -> bool:
    return len(token) == 32 and all(c in "0123456789abcdef" for c in token)


def stage(
    session: Any, *, user_id: int, source: IO[bytes], filename: str, check: dict[str, Any]
) -> str:
    """Keep the file (when its check allows applying it) and the check's findings."""
    folder = _folder(user_id)
    _keep_within_quota(folder)
    token = secrets.token_hex(16)
    digest = ""
    if check.get("ok"):
        digest = _copy(source, folder / token)
    (folder / f"{token}.json").write_text(json.dumps(check), encoding="utf-8")
    staged = session.get(SESSION_KEY, {})
    staged[token] = {"sha256": digest, "filename": filename, "warnings": check["warning_count"]}
    session[SESSION_KEY] = staged
    return token


def _copy(source: IO[bytes], target: Path) -> str:
    digest = hashlib.sha256()
    source.seek(0)
    with target.open("wb") as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest()


def _keep_within_quota(folder: Path) -> None:
    checks = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime)
    for old in checks[: max(0, len(checks) - PREVIEWS_PER_USER + 1)]:
        _remove(folder, old.stem)


def _remove(folder: Path, token: str) -> None:
    (folder / token).unlink(missing_ok=True)
    (folder / f"{token}.json").unlink(missing_ok=True)


def check_of(session: Any, *, user_id: int, token: str) -> dict[str, Any] | None:
    """What the preview found, for showing another page of it; None when gone."""
    if not _valid(token) or token not in session.get(SESSION_KEY, {}):
        return None
    path = _folder(user_id) / f"{token}.json"
    if not path.is_file():
        return None
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return result


@contextmanager
def staged_file(
    session: Any, *, user_id: int, token: str
) -> Iterator[tuple[IO[bytes], dict[str, Any]] | None]:
    """The previewed file, open, and what was recorded about it; None if gone or altered."""
    entry = session.get(SESSION_KEY, {}).get(token)
    path = _folder(user_id) / token
    if entry is None or not _valid(token) or not entry.get("sha256") or not path.is_file():
        yield None
        return
    with path.open("rb") as handle:
        digest = hashlib.sha256()
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
        handle.seek(0)
        yield (handle, entry) if digest.hexdigest() == entry["sha256"] else None


def discard(session: Any, *, user_id: int, token: str) -> None:
    staged = session.get(SESSION_KEY, {})
    staged.pop(token, None)
    session[SESSION_KEY] = staged
    if _valid(token):
        _remove(_folder(user_id), token)


def sweep(*, max_age: float = MAX_AGE_SECONDS) -> int:
    """Delete previews nobody confirmed or cancelled within `max_age` seconds."""
    root = _root()
    if not root.is_dir():
        return 0
    cutoff, removed = time.time() - max_age, 0
    for folder in root.iterdir():
        if not folder.is_dir():
            folder.unlink(missing_ok=True)
            continue
        for path in folder.iterdir():
            if path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                removed += path.suffix == ".json"
        if not any(folder.iterdir()):
            shutil.rmtree(folder, ignore_errors=True)
    return removed


def problems_kept(problems: list[Any]) -> list[Any]:
    """A file with more problems than this is wrong throughout; the first ones say how."""
    return problems[: bounds.IMPORT_MAX_PROBLEMS]
