from django.urls import path

from . import views

app_name = "pinboard"

urlpatterns = [
    path("", views.board, name="board"),
    path("new/", views.post_create, name="create"),
    path("networks/<slug:slug>/", views.network_board, name="network_board"),
    path("organisations/<slug:slug>/", views.organisation_history, name="organisation_history"),
    path("<int:pk>/", views.post_detail, name="detail"),
    path("<int:pk>/answer/", views.post_answer, name="answer"),
    path("<int:pk>/done/", views.post_done, name="done"),
    path("<int:pk>/report/", views.post_report, name="report"),
    path("<int:pk>/hide/", views.post_hide, name="hide"),
]
