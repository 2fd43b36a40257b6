"""Make a table hold the demo's rows: create, change and remove in bulk, with history.

The admin's services write one row at a time and mark stale buckets per row; the demo writes
thousands of rows at once, so it writes them in bulk (django-simple-history records each
change, as the services do) and its caller marks everything stale once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Model
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

Key = tuple[Any, ...]
BATCH = 1000


def sync(
    model: type[Model],
    wanted: dict[Key, dict[str, Any]],
    key_of: Callable[[Any], Key],
    build: Callable[[Key], dict[str, Any]],
    demo_mark: str,
    **scope: Any,
) -> int:
    """Rows in `scope` become `wanted` (key → field values); demo rows (source starting with
    `demo_mark`) no longer wanted are removed. Returns how many rows were written or removed."""
    existing = {key_of(row): row for row in model._default_manager.filter(**scope)}
    new, changed = [], []
    for key, values in wanted.items():
        row = existing.get(key)
        if row is None:
            new.append(model(**build(key), **values))
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            changed.append(row)
    gone = [
        row
        for key, row in existing.items()
        if key not in wanted and str(getattr(row, "source", "")).startswith(demo_mark)
    ]
    if new:
        bulk_create_with_history(new, model, batch_size=BATCH)
    if changed:
        fields = sorted({name for values in wanted.values() for name in values})
        bulk_update_with_history(changed, model, fields, batch_size=BATCH)
    for row in gone:  # one by one, so each removal is in the history
        row.delete()
    return len(new) + len(changed) + len(gone)
