from django.urls import path

from . import views

app_name = "providers"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("mine/", views.my_organisations, name="mine"),
    path("register/", views.organisation_register, name="register"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/edit/", views.organisation_edit, name="edit"),
    path("<slug:slug>/leave/", views.organisation_leave, name="leave"),
    path("<slug:slug>/join/", views.join_request_create, name="join"),
    path("<slug:slug>/people/", views.people, name="people"),
    path("<slug:slug>/people/invite/", views.member_invite, name="invite"),
    path(
        "<slug:slug>/people/invitations/<int:invitation_id>/withdraw/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("<slug:slug>/people/<int:member_id>/", views.member_edit, name="member_edit"),
    path("<slug:slug>/people/<int:member_id>/remove/", views.member_remove, name="member_remove"),
    path(
        "<slug:slug>/people/<int:member_id>/hand-over/",
        views.admin_hand_over,
        name="hand_over",
    ),
    path(
        "<slug:slug>/requests/<int:request_id>/<str:decision>/",
        views.join_request_decide,
        name="join_decide",
    ),
    path("<slug:slug>/offers/new/", views.offer_create, name="offer_create"),
    path("<slug:slug>/offers/<int:offer_id>/edit/", views.offer_edit, name="offer_edit"),
    path("<slug:slug>/offers/<int:offer_id>/delete/", views.offer_delete, name="offer_delete"),
]
