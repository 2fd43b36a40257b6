from typing import Any

from django.core.management.base import BaseCommand

from regions.services import regions_load


class Command(BaseCommand):
    help = "Load or refresh Indonesia's provinces and regencies (with the 2022 Papua history)."

    def handle(self, *args: Any, **options: Any) -> None:
        result = regions_load()
        self.stdout.write(
            f"Regions: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged."
        )
