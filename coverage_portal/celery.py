"""The Celery application, configured from Django settings (the CELERY_ namespace)."""

import os
import warnings

from celery import Celery
from celery.exceptions import SecurityWarning

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_portal.settings")

app = Celery("coverage_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Tasks kept beside their feature package rather than in an app's tasks.py.
app.autodiscover_tasks(["participants.coverage", "regions.notifications"])
app.autodiscover_tasks(["participants.rules"])
app.autodiscover_tasks(["participants.transfer", "participants.transfer.exchange"])

if os.environ.get("CELERY_BROKER_URL", "").startswith("filesystem://"):
    # The quick start's worker runs as whoever typed `make run`, often root in a container;
    # it only takes JSON from its own folder, so the warning about root says nothing new.
    warnings.filterwarnings("ignore", category=SecurityWarning)

# The worker's and beat's liveness guards hang on Celery's signals.
from coverage_portal import liveness  # noqa: E402, F401
