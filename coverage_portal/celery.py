"""The Celery application, configured from Django settings (the CELERY_ namespace)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_portal.settings")

app = Celery("coverage_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Tasks kept beside their feature package rather than in an app's tasks.py.
app.autodiscover_tasks(["participants.transfer", "participants.transfer.exchange"])
