"""The app's models, defined in the feature packages; importing them here registers them."""

from agreements.documents.models import Document
from agreements.meetings.models import Attendee, FollowUpAction, Meeting
from agreements.mou.models import Agreement, Commitment, LegalBasis, Signatory
from agreements.records.models import BudgetAllocation, Regulation

__all__ = [
    "Agreement",
    "Attendee",
    "BudgetAllocation",
    "Commitment",
    "Document",
    "FollowUpAction",
    "LegalBasis",
    "Meeting",
    "Regulation",
    "Signatory",
]
