import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agreements.documents.models import Document
from agreements.documents.services import document_attach
from tests.agreements.factories import ActiveAgreementFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx_bytes(with_document: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        if with_document:
            archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def stored_files(root):
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_pdf_is_stored_under_a_generated_name(kalbar_officer, documents_dir):
    agreement = ActiveAgreementFactory.create()
    upload = SimpleUploadedFile("MoU Kalbar 2023.pdf", PDF)
    document = document_attach(actor=kalbar_officer, owner=agreement, upload=upload)
    assert document.original_name == "MoU Kalbar 2023.pdf"
    assert document.file.name.startswith("agreements/")
    assert "Kalbar" not in document.file.name
    assert document.content_type == "application/pdf"
    assert [p.read_bytes() for p in stored_files(documents_dir)] == [PDF]


def test_a_real_docx_is_accepted_and_a_bare_zip_is_not(kalbar_officer, documents_dir):
    agreement = ActiveAgreementFactory.create()
    ok = document_attach(
        actor=kalbar_officer,
        owner=agreement,
        upload=SimpleUploadedFile("notulen.docx", docx_bytes()),
    )
    assert ok.file.name.endswith(".docx")
    with pytest.raises(ValidationError, match="Only PDF"):
        document_attach(
            actor=kalbar_officer,
            owner=agreement,
            upload=SimpleUploadedFile("arsip.docx", docx_bytes(with_document=False)),
        )
    assert len(stored_files(documents_dir)) == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("laporan.pdf", b"<html><script>alert(1)</script></html>", "Only PDF"),
        ("program.pdf", b"MZ\x90\x00" + b"\x00" * 60, "Only PDF"),
        ("scan.pdf", PNG, "does not match"),
        ("..\\..\\settings.pdf", PDF, "name is not acceptable"),
        (".htaccess.pdf", PDF, "name is not acceptable"),
    ],
)
def test_dishonest_or_tricky_files_are_refused_and_nothing_is_stored(
    kalbar_officer, documents_dir, name, content, message
):
    agreement = ActiveAgreementFactory.create()
    with pytest.raises(ValidationError, match=message):
        document_attach(
            actor=kalbar_officer, owner=agreement, upload=SimpleUploadedFile(name, content)
        )
    assert stored_files(documents_dir) == []
    assert not Document.objects.exists()


def test_an_oversized_file_is_refused(kalbar_officer, documents_dir, settings):
    settings.DOCUMENT_MAX_MB = 1
    big = SimpleUploadedFile("besar.pdf", PDF + b"0" * (1024 * 1024))
    with pytest.raises(ValidationError, match="larger than 1 MB"):
        document_attach(actor=kalbar_officer, owner=ActiveAgreementFactory.create(), upload=big)
    assert stored_files(documents_dir) == []


def test_an_outsider_cannot_attach(jatim_officer, documents_dir):
    with pytest.raises(PermissionDenied):
        document_attach(
            actor=jatim_officer,
            owner=ActiveAgreementFactory.create(),
            upload=SimpleUploadedFile("a.pdf", PDF),
        )
    assert stored_files(documents_dir) == []


def test_upload_page_refuses_with_a_clear_message(client, kalbar_officer, documents_dir):
    agreement = ActiveAgreementFactory.create()
    client.force_login(kalbar_officer)
    response = client.post(
        reverse("agreements:document-upload", args=["agreement", agreement.pk]),
        {"file": SimpleUploadedFile("virus.pdf", b"not a pdf at all")},
        follow=True,
    )
    assert "PDF" in response.content.decode()
    assert stored_files(documents_dir) == []


def test_the_owner_downloads_and_kolaka_staff_cannot(
    client, kalbar_officer, kolaka_staff, documents_dir
):
    agreement = ActiveAgreementFactory.create()
    client.force_login(kalbar_officer)
    client.post(
        reverse("agreements:document-upload", args=["agreement", agreement.pk]),
        {"file": SimpleUploadedFile("mou.pdf", PDF), "title": "Naskah MoU"},
    )
    document = Document.objects.get()
    url = reverse("agreements:document-download", args=[document.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert 'filename="mou.pdf"' in response["Content-Disposition"]
    client.force_login(kolaka_staff)
    assert client.get(url).status_code == 404
    upload = reverse("agreements:document-upload", args=["agreement", agreement.pk])
    assert client.post(upload, {"file": SimpleUploadedFile("x.pdf", PDF)}).status_code == 404
    assert Document.objects.count() == 1


def _attached(agreement, actor):
    return document_attach(actor=actor, owner=agreement, upload=SimpleUploadedFile("m.pdf", PDF))


def test_the_owner_removes_a_document_and_its_file(
    client, kalbar_officer, documents_dir, django_capture_on_commit_callbacks
):
    agreement = ActiveAgreementFactory.create()
    document = _attached(agreement, kalbar_officer)
    client.force_login(kalbar_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("agreements:document-delete", args=[document.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("agreements:agreement-detail", args=[agreement.pk])
    assert not Document.objects.exists()
    assert stored_files(documents_dir) == []


@pytest.mark.parametrize(("who", "status"), [("jatim_officer", 404), ("viewer", 403)])
def test_others_cannot_remove_a_document(
    client, request, kalbar_officer, documents_dir, who, status
):
    document = _attached(ActiveAgreementFactory.create(), kalbar_officer)
    client.force_login(request.getfixturevalue(who))
    response = client.post(reverse("agreements:document-delete", args=[document.pk]))
    assert response.status_code == status
    assert Document.objects.filter(pk=document.pk).exists()
    assert len(stored_files(documents_dir)) == 1


def test_removing_needs_a_post(client, kalbar_officer, documents_dir):
    document = _attached(ActiveAgreementFactory.create(), kalbar_officer)
    client.force_login(kalbar_officer)
    assert client.get(reverse("agreements:document-delete", args=[document.pk])).status_code == 405
