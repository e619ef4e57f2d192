"""Included under /networks/<slug>/proposals/ (config/urls.py)."""

from django.urls import path

from . import views

app_name = "proposals"

urlpatterns = [
    path("", views.proposal_list, name="list"),
    path("new/", views.proposal_create, name="create"),
    path("stages/", views.stages_configure, name="stages"),
    path("<int:pk>/", views.proposal_detail, name="detail"),
    path("<int:pk>/attachment/", views.proposal_attachment, name="attachment"),
    path("<int:pk>/comment/", views.proposal_comment, name="comment"),
    path("<int:pk>/support/", views.proposal_support, name="support"),
    path("<int:pk>/follow/", views.proposal_follow, name="follow"),
    path("<int:pk>/move/", views.proposal_move, name="move"),
    path("<int:pk>/agenda/", views.proposal_agenda, name="agenda"),
]
