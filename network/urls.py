from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("", views.network_list, name="list"),
    path("<slug:slug>/", views.network_detail, name="detail"),
    path("<slug:slug>/profile.pdf", views.network_profile_pdf, name="profile_pdf"),
    path("<slug:slug>/edit/", views.network_edit, name="edit"),
    path("<slug:slug>/apply/", views.membership_apply, name="apply"),
    path("<slug:slug>/applications/", views.application_list, name="applications"),
    path("<slug:slug>/applications/<int:pk>/", views.application_decide, name="application_decide"),
    path("<slug:slug>/members/", views.member_list, name="members"),
    path("<slug:slug>/members/<int:pk>/end/", views.membership_end, name="membership_end"),
    path("<slug:slug>/representatives/", views.representatives, name="representatives"),
    path(
        "<slug:slug>/representatives/<int:pk>/remove/",
        views.representative_remove,
        name="representative_remove",
    ),
    path("<slug:slug>/working-groups/", views.working_group_list, name="working_groups"),
    path(
        "<slug:slug>/working-groups/new/", views.working_group_create, name="working_group_create"
    ),
    path("<slug:slug>/working-groups/<int:pk>/", views.working_group_detail, name="working_group"),
    path(
        "<slug:slug>/working-groups/<int:pk>/join/",
        views.working_group_join,
        name="working_group_join",
    ),
    path(
        "<slug:slug>/working-groups/<int:pk>/leave/",
        views.working_group_leave,
        name="working_group_leave",
    ),
    path(
        "<slug:slug>/working-groups/<int:pk>/results/new/",
        views.working_group_result_add,
        name="working_group_result_add",
    ),
    path(
        "<slug:slug>/working-groups/<int:pk>/results/<int:result_pk>/document/",
        views.working_group_result_document,
        name="working_group_result_document",
    ),
    path("<slug:slug>/agreements/", views.agreement_list, name="agreements"),
    path("<slug:slug>/agreements/new/", views.agreement_edit, name="agreement_create"),
    path("<slug:slug>/agreements/<int:pk>/", views.agreement_detail, name="agreement"),
    path("<slug:slug>/agreements/<int:pk>/edit/", views.agreement_edit, name="agreement_edit"),
    path(
        "<slug:slug>/agreements/<int:pk>/document/",
        views.agreement_document,
        name="agreement_document",
    ),
    path("<slug:slug>/audit/", views.audit_log, name="audit_log"),
    path("<slug:slug>/measures/", views.measure_list, name="measures"),
    path("<slug:slug>/measures/<int:pk>/status/", views.measure_status, name="measure_status"),
]
