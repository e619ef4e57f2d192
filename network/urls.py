from django.urls import path

from .views import internal, memberships, profile

app_name = "network"

urlpatterns = [
    path("", profile.network_list, name="list"),
    path("<slug:slug>/", profile.network_detail, name="detail"),
    path("<slug:slug>/profile.pdf", profile.network_profile_pdf, name="profile_pdf"),
    path("<slug:slug>/edit/", profile.network_edit, name="edit"),
    path("<slug:slug>/apply/", memberships.membership_apply, name="apply"),
    path("<slug:slug>/applications/", memberships.application_list, name="applications"),
    path(
        "<slug:slug>/applications/<int:pk>/",
        memberships.application_decide,
        name="application_decide",
    ),
    path("<slug:slug>/members/", memberships.member_list, name="members"),
    path("<slug:slug>/members/<int:pk>/end/", memberships.membership_end, name="membership_end"),
    path("<slug:slug>/representatives/", memberships.representatives, name="representatives"),
    path(
        "<slug:slug>/representatives/<int:pk>/remove/",
        memberships.representative_remove,
        name="representative_remove",
    ),
    path("<slug:slug>/working-groups/", internal.working_group_list, name="working_groups"),
    path(
        "<slug:slug>/working-groups/new/",
        internal.working_group_create,
        name="working_group_create",
    ),
    path(
        "<slug:slug>/working-groups/<int:pk>/", internal.working_group_detail, name="working_group"
    ),
    path(
        "<slug:slug>/working-groups/<int:pk>/join/",
        internal.working_group_join,
        name="working_group_join",
    ),
    path(
        "<slug:slug>/working-groups/<int:pk>/leave/",
        internal.working_group_leave,
        name="working_group_leave",
    ),
    path(
        "<slug:slug>/working-groups/<int:pk>/results/new/",
        internal.working_group_result_add,
        name="working_group_result_add",
    ),
    path(
        "<slug:slug>/working-groups/<int:pk>/results/<int:result_pk>/document/",
        internal.working_group_result_document,
        name="working_group_result_document",
    ),
    path("<slug:slug>/agreements/", internal.agreement_list, name="agreements"),
    path("<slug:slug>/agreements/new/", internal.agreement_edit, name="agreement_create"),
    path("<slug:slug>/agreements/<int:pk>/", internal.agreement_detail, name="agreement"),
    path("<slug:slug>/agreements/<int:pk>/edit/", internal.agreement_edit, name="agreement_edit"),
    path(
        "<slug:slug>/agreements/<int:pk>/document/",
        internal.agreement_document,
        name="agreement_document",
    ),
    path("<slug:slug>/audit/", internal.audit_log, name="audit_log"),
    path("<slug:slug>/measures/", internal.measure_list, name="measures"),
    path("<slug:slug>/measures/<int:pk>/status/", internal.measure_status, name="measure_status"),
]
