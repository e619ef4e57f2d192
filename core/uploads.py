"""Upload checks: the content decides what a file is, not its name.

Use as a form or model field validator::

    document = forms.FileField(validators=[validate_document])   # PDF or office document
    document = models.FileField(validators=[validate_pdf])       # agreements: PDF only

Files live under MEDIA_ROOT, which the web server does not serve; views that check access
hand them out (see DESIGN.md).
"""

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

PDF = "pdf"
OOXML = "ooxml"  # Word, Excel, PowerPoint since 2007
ODF = "odf"  # LibreOffice / OpenOffice

EXTENSIONS = {
    PDF: {".pdf"},
    OOXML: {".docx", ".xlsx", ".pptx"},
    ODF: {".odt", ".ods", ".odp"},
}
ODF_MIMETYPE_PREFIX = b"application/vnd.oasis.opendocument."


def detect_document_type(file) -> str | None:
    """PDF, OOXML or ODF by content; None for anything else (executables, scripts, images)."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                content_types = archive.read("[Content_Types].xml")
                # Macro-enabled documents (.docm, .xlsm) carry code.
                if b"macroEnabled" in content_types or "vbaProject.bin" in str(names):
                    return None
                return OOXML
            if "mimetype" in names and archive.read("mimetype").startswith(ODF_MIMETYPE_PREFIX):
                return ODF
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return None
    finally:
        file.seek(0)
    return None


def _validate(file, allowed: tuple[str, ...]) -> str:
    limit = settings.UPLOAD_MAX_BYTES
    if file.size is not None and file.size > limit:
        raise ValidationError(
            _("The file is too large. At most %(limit)s are allowed."),
            code="file_too_large",
            params={"limit": filesizeformat(limit)},
        )
    kind = detect_document_type(file)
    if kind not in allowed:
        if allowed == (PDF,):
            message = _("Only PDF files can be uploaded here.")
        else:
            message = _(
                "Only PDF files and office documents (Word, Excel, OpenDocument) are allowed."
            )
        raise ValidationError(message, code="invalid_file_type")
    suffix = PurePath(file.name or "").suffix.lower()
    if suffix not in EXTENSIONS[kind]:
        raise ValidationError(
            _(
                "The file name does not match its content. "
                "Please upload it with the ending %(endings)s."
            ),
            code="extension_mismatch",
            params={"endings": ", ".join(sorted(EXTENSIONS[kind]))},
        )
    return kind


def validate_document(file) -> None:
    """PDF or office document (OOXML, ODF) within the size limit."""
    _validate(file, (PDF, OOXML, ODF))


def validate_pdf(file) -> None:
    """PDF within the size limit."""
    _validate(file, (PDF,))


LOGO_MAX_BYTES = 1024 * 1024
IMAGE_EXTENSIONS = {"png": {".png"}, "jpeg": {".jpg", ".jpeg"}}


def detect_image_type(file) -> str | None:
    """PNG or JPEG by content; None for anything else (SVG, which may carry scripts, too)."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    return None


def validate_logo(file) -> None:
    """A logo: PNG or JPEG of at most 1 MB, its name ending as its content says."""
    if file.size is not None and file.size > LOGO_MAX_BYTES:
        raise ValidationError(
            _("The file is too large. At most %(limit)s are allowed."),
            code="file_too_large",
            params={"limit": filesizeformat(LOGO_MAX_BYTES)},
        )
    kind = detect_image_type(file)
    if kind is None:
        raise ValidationError(
            _("Only PNG and JPEG images can be uploaded here."), code="invalid_file_type"
        )
    suffix = PurePath(file.name or "").suffix.lower()
    if suffix not in IMAGE_EXTENSIONS[kind]:
        raise ValidationError(
            _(
                "The file name does not match its content. "
                "Please upload it with the ending %(endings)s."
            ),
            code="extension_mismatch",
            params={"endings": ", ".join(sorted(IMAGE_EXTENSIONS[kind]))},
        )
