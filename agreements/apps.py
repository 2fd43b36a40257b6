from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("Agreements and meetings")

    def ready(self) -> None:
        from agreements.notices import SENTENCES
        from regions.notifications.messages import register

        register(SENTENCES)
