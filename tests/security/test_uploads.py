"""Acceptance 4 (uploads): the content decides, not the name; size limit; German messages."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from core.uploads import validate_document, validate_pdf

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def zipped(files: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
DOCM = zipped({"[Content_Types].xml": "application/vnd.ms-word.document.macroEnabled.main+xml"})
ODT = zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content"),
    [("vereinbarung.pdf", PDF), ("protokoll.docx", DOCX), ("liste.odt", ODT)],
)
def test_documents_are_accepted(name, content):
    validate_document(upload(name, content))


@pytest.mark.parametrize(
    "content",
    [
        b"\x7fELF\x02\x01\x01" + b"\0" * 100,
        b"MZ\x90\x00\x03" + b"\0" * 100,
        b"#!/bin/sh\nrm -rf /\n",
    ],
    ids=["elf", "windows-exe", "script"],
)
def test_a_renamed_executable_is_rejected(content):
    with pytest.raises(ValidationError) as error:
        validate_document(upload("vereinbarung.pdf", content))
    assert error.value.messages == [
        "Erlaubt sind nur PDF-Dateien und Office-Dokumente (Word, Excel, OpenDocument)."
    ]


def test_macro_documents_and_zip_files_are_rejected():
    for name, content in [("a.docx", DOCM), ("a.docx", zipped({"evil.exe": "MZ"}))]:
        with pytest.raises(ValidationError):
            validate_document(upload(name, content))


def test_name_must_match_content():
    with pytest.raises(ValidationError) as error:
        validate_document(upload("vereinbarung.exe", PDF))
    assert "Endung .pdf" in error.value.messages[0]


def test_pdf_only_fields_reject_office_documents():
    validate_pdf(upload("vereinbarung.pdf", PDF))
    with pytest.raises(ValidationError) as error:
        validate_pdf(upload("vereinbarung.docx", DOCX))
    assert error.value.messages == ["Hier können nur PDF-Dateien hochgeladen werden."]


def test_size_limit(settings):
    settings.UPLOAD_MAX_BYTES = 1024
    with pytest.raises(ValidationError) as error:
        validate_document(upload("gross.pdf", PDF + b"0" * 2000))
    assert "Die Datei ist zu groß" in error.value.messages[0]
    assert "1,0" in error.value.messages[0]
