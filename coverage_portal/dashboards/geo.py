"""Region boundaries for the dashboard maps, as GeoJSON served from a cache.

Boundaries are large (the provinces weigh ~600 kB) and change only when the regions are
reloaded, so each map's collection is serialised once and kept in the cache; a user whose
scope is narrower gets only the features they may read.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Max

from regions.access import Action, is_national, regions_for
from regions.access.users import PortalUser
from regions.models import Region

CACHE_SECONDS = 3600


def _features(regions: Any) -> list[dict[str, Any]]:
    return [
        {
            "type": "Feature",
            "properties": {"code": code, "name": name},
            "geometry": boundary,
        }
        for code, name, boundary in regions.values_list("code", "name", "boundary")
        if boundary
    ]


def _collection(features: list[dict[str, Any]]) -> str:
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))


def _cache_key(parent: Region, children: Any) -> str:
    """Changes whenever the regions are reloaded (new ids) or the children change, and
    differs per database, so test databases sharing one Redis never see each other's maps."""
    shape = children.aggregate(n=Count("pk"), last=Max("pk"))
    database = connection.settings_dict["NAME"]
    return f"dashboards:geo:v2:{database}:{parent.pk}:{shape['n']}:{shape['last']}"


def children_geojson(user: PortalUser, parent: Region) -> str:
    """The current children of `parent` (provinces of ID, regencies of a province)."""
    if is_national(user):
        children = Region.objects.filter(parent=parent).current()
        key = _cache_key(parent, children)
        text = cache.get(key)
        if text is None:
            text = _collection(_features(children))
            cache.set(key, text, CACHE_SECONDS)
        return text
    readable = regions_for(user, Action.VIEW).filter(parent=parent).current()
    return _collection(_features(readable))
