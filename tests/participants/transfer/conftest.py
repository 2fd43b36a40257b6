from typing import Any

import pytest


@pytest.fixture(autouse=True)
def staging_in_a_fresh_folder(settings: Any, tmp_path: Any) -> None:
    """Previews are kept per user id, and ids repeat between tests: each test gets its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
