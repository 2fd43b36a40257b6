"""Uploaded documents: checked by content, size-limited, stored under generated names.

The file name a user sends is only shown, never used as a path: Django storage saves the
bytes as `agreements/<year>/<random>.<ext>`, the extension taken from what the content is.
"""

from __future__ import annotations

import re
import uuid
import zipfile
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.documents.models import OWNER_FIELDS, Document
from agreements.kernel.audit import audited
from agreements.kernel.permissions import require_change
from regions.access.users import PortalUser, recorded

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "jpg": "image/jpeg",
    "png": "image/png",
}
NAME_EXTENSIONS = {"pdf": "pdf", "docx": "docx", "jpg": "jpg", "jpeg": "jpg", "png": "png"}
UNSAFE_NAME = re.compile(r"(^\.|\.\.|[/\\\x00-\x1f])")


def sniff(upload: UploadedFile) -> str | None:
    """The document type the bytes really are (pdf, docx, jpg, png), or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04") and _is_docx(upload):
        return "docx"
    return None


def _is_docx(upload: UploadedFile) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return False
    finally:
        upload.seek(0)
    return "word/document.xml" in names and "[Content_Types].xml" in names


def check(upload: UploadedFile) -> str:
    """Raise ValidationError unless the upload is an allowed, honest, small enough document."""
    name = upload.name or ""
    if not name or UNSAFE_NAME.search(name):
        raise ValidationError(_("The file name is not acceptable; rename the file and retry."))
    limit = settings.DOCUMENT_MAX_MB * 1024 * 1024
    if (upload.size or 0) > limit:
        raise ValidationError(
            _("The file is larger than %(mb)s MB.") % {"mb": settings.DOCUMENT_MAX_MB}
        )
    kind = sniff(upload)
    if kind is None:
        raise ValidationError(_("Only PDF, DOCX, JPG and PNG documents can be uploaded."))
    claimed = NAME_EXTENSIONS.get(name.rsplit(".", 1)[-1].lower()) if "." in name else None
    if claimed != kind:
        raise ValidationError(
            _("The file's content (%(kind)s) does not match its name.") % {"kind": kind.upper()}
        )
    return kind


def document_attach(
    *, actor: PortalUser, owner: models.Model, upload: UploadedFile, title: str = ""
) -> Any:
    """Check, store and record a document; nothing is stored when the check refuses it."""
    require_change(actor, owner)
    kind = check(upload)
    field = owner._meta.model_name
    if field not in OWNER_FIELDS:
        raise TypeError(f"documents cannot belong to {field}")
    path = f"agreements/{timezone.now():%Y}/{uuid.uuid4().hex}.{kind}"
    stored = default_storage.save(path, upload)
    try:
        with transaction.atomic():
            document = Document(
                file=stored,
                original_name=(upload.name or "")[-200:],
                content_type=CONTENT_TYPES[kind],
                size=upload.size or 0,
                title=title,
                uploaded_by=recorded(actor),
                **{field: owner},
            )
            document.full_clean()
            audited(document, actor).save()
    except Exception:
        default_storage.delete(stored)
        raise
    return document


@transaction.atomic
def document_delete(*, actor: PortalUser, document: Document) -> None:
    require_change(actor, document)
    name = document.file.name or ""
    audited(document, actor).delete()
    transaction.on_commit(lambda: default_storage.delete(name))
