"""Model resources whose writes go through an app's service, never through serializer.save()."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rest_framework import mixins, permissions, serializers

from coverage_portal.api.guards import MayLogActivity, MayView
from regions.access.users import PortalUser
from regions.models import Region

REGIONS = Region.objects.defer("boundary")


def region_field(**kwargs: Any) -> serializers.SlugRelatedField:
    help_text = kwargs.pop("help_text", "Kemendagri code, e.g. 61 or 61.71.")
    return serializers.SlugRelatedField(
        slug_field="code", queryset=REGIONS, help_text=help_text, **kwargs
    )


class ServiceWriteMixin(mixins.CreateModelMixin, mixins.UpdateModelMixin):
    """create/update set the fields on an instance and hand it to `service`.

    Subclasses name the service's keyword for the instance (`instance_name`) and the many-to-
    many fields the service takes separately (`m2m`).
    """

    write_permission: ClassVar[type[permissions.BasePermission]] = MayLogActivity
    instance_name: ClassVar[str]
    m2m: ClassVar[tuple[str, ...]] = ()
    # No DELETE: the services have no deletes for these records.
    http_method_names: Sequence[str] = ["get", "post", "put", "patch", "head", "options"]
    request: Any

    def get_permissions(self) -> list[permissions.BasePermission]:
        if self.request.method in permissions.SAFE_METHODS:
            return [MayView()]
        return [self.write_permission()]

    def service(self, *, actor: PortalUser, instance: Any, **m2m: Any) -> Any:
        raise NotImplementedError

    def perform_create(self, serializer: serializers.BaseSerializer[Any]) -> None:
        model: Any = serializer.Meta.model  # type: ignore[attr-defined]
        serializer.instance = self._save(model(), dict(serializer.validated_data))

    def perform_update(self, serializer: serializers.BaseSerializer[Any]) -> None:
        serializer.instance = self._save(serializer.instance, dict(serializer.validated_data))

    def _save(self, instance: Any, data: dict[str, Any]) -> Any:
        related = {name: data.pop(name) for name in self.m2m if name in data}
        for name, value in data.items():
            setattr(instance, name, value)
        return self.service(actor=self.request.user, instance=instance, **related)
