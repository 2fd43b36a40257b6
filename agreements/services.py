"""The app's public door for writes: other floors, commands and the API import from here.

Each feature package keeps its own services; this module only re-exports them, so callers
never depend on how the app is cut inside.
"""

from agreements.documents.services import document_attach, document_delete
from agreements.meetings.services import (
    action_complete,
    action_save,
    actions_set,
    attendees_set,
    meeting_record,
    meeting_save,
)
from agreements.mou.services import (
    agreement_activate,
    agreement_record,
    agreement_renew,
    agreement_save,
    agreement_sign,
    agreement_terminate,
    agreements_roll_status,
    signatory_set,
)
from agreements.records.services import (
    budget_save,
    commitment_save,
    commitment_set_status,
    regulation_save,
)

__all__ = [
    "action_complete",
    "action_save",
    "actions_set",
    "agreement_activate",
    "agreement_record",
    "agreement_renew",
    "agreement_save",
    "agreement_sign",
    "agreement_terminate",
    "agreements_roll_status",
    "attendees_set",
    "budget_save",
    "commitment_save",
    "commitment_set_status",
    "document_attach",
    "document_delete",
    "meeting_record",
    "meeting_save",
    "regulation_save",
    "signatory_set",
]
