"""The network report and its exports; the papers of a meeting. Thin: access helper, one
selector, a response; every export is written to the audit log."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.audit import audit_log

from . import papers
from .charts import bar_chart
from .exports import report_rows, to_csv, to_xlsx
from .forms import PeriodForm
from .pdf import render_pdf
from .permissions import (
    certificates_available,
    get_meeting_for_coordinator,
    get_meeting_for_invitation,
    get_meeting_for_minutes,
    get_network_for_report,
)
from .permissions import get_meeting_for as get_visible_meeting
from .selectors import network_report as build_report

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _report(request, slug):
    network = get_network_for_report(request, slug)
    form = PeriodForm(request.GET or None)
    report = build_report(network, form.period())
    return network, form, report


def _charts(report) -> list:
    return [
        bar_chart("attendance", _("People present per month"), report.attendance_by_month),
        bar_chart(
            "sectors",
            _("Organisations present by sector"),
            [(s["label"], s["present"]) for s in report.sectors],
        ),
        bar_chart(
            "measures", _("Measures opened in the period, by status"), report.measures_by_status
        ),
    ]


def _query(request) -> str:
    return request.GET.urlencode()


def _audit_export(request, network, report, fmt: str):
    audit_log(
        actor=request.user,
        action="report.exported",
        target=network,
        network_id=network.pk,
        request=request,
        format=fmt,
        start=report.period.start.isoformat(),
        end=report.period.end.isoformat(),
        include_subnetworks=report.period.include_subnetworks,
    )


def _filename(network, report, ext: str) -> str:
    return f"bericht-{network.slug}-{report.period.start:%Y%m%d}-{report.period.end:%Y%m%d}.{ext}"


def _download(content: bytes, content_type: str, filename: str, *, inline=False) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@login_required
def network_report(request, slug):
    network, form, report = _report(request, slug)
    return render(
        request,
        "reports/network_report.html",
        {
            "network": network,
            "form": form,
            "report": report,
            "charts": _charts(report),
            "query": _query(request),
        },
    )


@login_required
def network_report_pdf(request, slug):
    network, _form, report = _report(request, slug)
    content = render_pdf(
        "reports/network_report_pdf.html",
        {"network": network, "report": report, "charts": _charts(report)},
    )
    _audit_export(request, network, report, "pdf")
    return _download(content, "application/pdf", _filename(network, report, "pdf"), inline=True)


@login_required
def network_report_csv(request, slug):
    network, _form, report = _report(request, slug)
    content = to_csv(report_rows(report))
    _audit_export(request, network, report, "csv")
    return _download(content, "text/csv; charset=utf-8", _filename(network, report, "csv"))


@login_required
def network_report_xlsx(request, slug):
    network, _form, report = _report(request, slug)
    content = to_xlsx(report_rows(report), title=_("Network report"))
    _audit_export(request, network, report, "xlsx")
    return _download(content, XLSX, _filename(network, report, "xlsx"))


# --- Papers of a meeting --------------------------------------------------------------------


def _audit_paper(request, meeting, action: str, **data):
    audit_log(
        actor=request.user,
        action=action,
        target=meeting,
        network_id=meeting.network_id,
        request=request,
        **data,
    )


@login_required
def attendance_pdf(request, pk):
    """Before the meeting: the registered people with a column to sign; after it (once
    attendance is recorded): who was there."""
    meeting = get_meeting_for_coordinator(request, pk)
    registrations = papers.registered_people(meeting)
    recorded = papers.attendance_recorded(registrations)
    content = render_pdf(
        "reports/attendance_pdf.html",
        {
            "meeting": meeting,
            "letterhead": papers.letterhead(meeting.network),
            "registrations": registrations,
            "recorded": recorded,
            "present": [r for r in registrations if r.attended],
        },
    )
    _audit_paper(request, meeting, "report.attendance_list", format="pdf")
    return _download(content, "application/pdf", f"anwesenheit-{meeting.pk}.pdf", inline=True)


@login_required
def attendance_csv(request, pk):
    meeting = get_meeting_for_coordinator(request, pk)
    registrations = papers.registered_people(meeting)
    rows = [[_("Name"), _("Email"), _("Organisation"), _("Present")]]
    for registration in registrations:
        person = registration.user
        present = {True: _("yes"), False: _("no"), None: ""}[registration.attended]
        rows.append(
            [
                person.get_full_name() if person else _("[deleted]"),
                person.email if person else "",
                registration.organisation.name if registration.organisation else "",
                present,
            ]
        )
    _audit_paper(request, meeting, "report.attendance_list", format="csv")
    return _download(to_csv(rows), "text/csv; charset=utf-8", f"anwesenheit-{meeting.pk}.csv")


def _certificates(request, meeting, registrations):
    return render_pdf(
        "reports/certificates_pdf.html",
        {
            "meeting": meeting,
            "letterhead": papers.letterhead(meeting.network),
            "registrations": registrations,
            "duration": papers.duration_text(meeting),
            "coordinator": papers.issuing_coordinator(meeting),
        },
    )


@login_required
def certificate_pdf(request, pk):
    """The person's own certificate of attendance; 404 for anybody who has none."""
    meeting = get_visible_meeting(request, pk)
    if not certificates_available(meeting):
        raise Http404
    own = papers.attendees(meeting, user=request.user)
    if not own:
        raise Http404
    content = _certificates(request, meeting, own)
    _audit_paper(request, meeting, "report.certificate", person=request.user.pk)
    return _download(content, "application/pdf", f"teilnahmebescheinigung-{meeting.pk}.pdf")


@login_required
def certificates_pdf(request, pk):
    """Every attendee's certificate, one page each, for the coordinators."""
    meeting = get_meeting_for_coordinator(request, pk)
    if not certificates_available(meeting):
        raise Http404
    content = _certificates(request, meeting, papers.attendees(meeting))
    _audit_paper(request, meeting, "report.certificates")
    return _download(content, "application/pdf", f"teilnahmebescheinigungen-{meeting.pk}.pdf")


def invitation_pdf(request, pk):
    meeting = get_meeting_for_invitation(request, pk)
    content = render_pdf("reports/invitation_pdf.html", papers.invitation_context(meeting))
    return _download(content, "application/pdf", f"einladung-{meeting.pk}.pdf", inline=True)


def minutes_pdf(request, pk):
    meeting = get_meeting_for_minutes(request, pk)
    content = render_pdf("reports/minutes_pdf.html", papers.minutes_context(meeting))
    return _download(content, "application/pdf", f"protokoll-{meeting.pk}.pdf", inline=True)
