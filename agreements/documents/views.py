"""Attaching, downloading and removing the documents of agreements, meetings, regulations and
commitments; each follows the scope of the record it belongs to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements.documents.models import Document
from agreements.documents.services import document_attach, document_delete
from agreements.kernel.pages import flash_error, get_visible
from agreements.kernel.permissions import may_view, require_change
from agreements.kernel.uploads import DocumentForm
from agreements.meetings.selectors import meetings_for
from agreements.mou.selectors import agreements_for
from agreements.records.selectors import commitments_for, regulations_for

OWNER_QUERYSETS: dict[str, Callable[[Any], QuerySet]] = {
    "agreement": agreements_for,
    "meeting": meetings_for,
    "regulation": regulations_for,
    "commitment": commitments_for,
}


@login_required
@require_POST
def document_upload(request: HttpRequest, owner: str, pk: int) -> HttpResponse:
    if owner not in OWNER_QUERYSETS:
        raise Http404
    record = get_visible(OWNER_QUERYSETS[owner](request.user), pk)
    require_change(request.user, record)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            document_attach(
                actor=request.user,
                owner=record,
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as error:
            flash_error(request, error)
        else:
            messages.success(request, _("The document was attached."))
    else:
        messages.error(request, _("Choose a file to upload."))
    return redirect(f"agreements:{owner}-detail", record.pk)


@login_required
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    document = get_object_or_404(Document.objects.all(), pk=pk)
    if not may_view(request.user, document):
        raise Http404  # as for every record outside the user's scope
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )


@login_required
@require_POST
def document_remove(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document.objects.all(), pk=pk)
    if not may_view(request.user, document):
        raise Http404  # as for every record outside the user's scope
    owner = document.owner
    document_delete(actor=request.user, document=document)
    messages.success(request, _("The document was removed."))
    return redirect(f"agreements:{owner._meta.model_name}-detail", owner.pk)
