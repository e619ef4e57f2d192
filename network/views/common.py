"""What the network views share: paging and serving an uploaded PDF."""

from django.http import FileResponse, Http404


def pdf_response(field_file, filename: str) -> FileResponse:
    """An uploaded PDF for download; 404 if there is none or the file is gone."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type="application/pdf", filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
