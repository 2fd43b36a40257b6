"""Admin pages, limited to the user's scope through regions.access.admin; each package
registers its own (every save goes through its services, as on the pages)."""

from agreements.documents import admin as documents_admin
from agreements.meetings import admin as meetings_admin
from agreements.mou import admin as mou_admin
from agreements.records import admin as records_admin

__all__ = ["documents_admin", "meetings_admin", "mou_admin", "records_admin"]
