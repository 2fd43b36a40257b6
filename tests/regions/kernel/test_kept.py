"""Values kept in the shared cache under a key naming what they were built from."""

from django.core.cache import cache

from regions.kernel.kept import kept, key_of


def test_a_value_is_built_once_per_key_and_anew_for_another():
    cache.clear()
    built: list[int] = []

    def build() -> str:
        built.append(1)
        return f"value {len(built)}"

    first = key_of("test-kept", "region", 1)
    assert kept(first, build) == "value 1"
    assert kept(first, build) == "value 1"
    assert kept(key_of("test-kept", "region", 2), build) == "value 2"
    assert len(built) == 2


def test_the_key_names_its_parts_not_just_their_text():
    assert key_of("a", 1) != key_of("a", "1")
    assert key_of("a", 1).startswith("a:")
