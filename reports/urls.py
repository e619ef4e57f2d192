"""Routed from config/urls.py at the addresses of the network and the meeting
(``/networks/<slug>/report/``, ``/meetings/<id>/attendance.pdf`` …), so that neither the
network nor the meetings app knows the reports app."""

from django.urls import path

from . import views

app_name = "reports"

network_urlpatterns = [
    path("report/", views.network_report, name="network_report"),
    path("report.pdf", views.network_report_pdf, name="network_report_pdf"),
    path("report.csv", views.network_report_csv, name="network_report_csv"),
    path("report.xlsx", views.network_report_xlsx, name="network_report_xlsx"),
]

meeting_urlpatterns = [
    path("attendance.pdf", views.attendance_pdf, name="attendance_pdf"),
    path("attendance.csv", views.attendance_csv, name="attendance_csv"),
    path("certificate.pdf", views.certificate_pdf, name="certificate"),
    path("certificates.pdf", views.certificates_pdf, name="certificates"),
    path("invitation.pdf", views.invitation_pdf, name="invitation_pdf"),
    path("minutes.pdf", views.minutes_pdf, name="minutes_pdf"),
]
