from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.my_meetings, name="mine"),
    path("manage/", views.manage_list, name="manage"),
    path("new/", views.meeting_create, name="create"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/calendar.ics", views.meeting_calendar, name="calendar"),
    path("<int:pk>/edit/", views.meeting_edit, name="edit"),
    path("<int:pk>/publish/", views.meeting_publish, name="publish"),
    path("<int:pk>/cancel/", views.meeting_cancel, name="cancel"),
    path("<int:pk>/next/", views.meeting_next, name="next"),
    path("<int:pk>/invitations/", views.meeting_invitations, name="invitations"),
    path("<int:pk>/register/", views.registration_create, name="register"),
    path("<int:pk>/register-colleague/", views.registration_colleague, name="register_colleague"),
    path("<int:pk>/decline/", views.registration_decline, name="decline"),
    path("<int:pk>/participants/", views.participants, name="participants"),
    path("registrations/<int:pk>/cancel/", views.registration_cancel, name="registration_cancel"),
    path("<int:pk>/topics/", views.topics, name="topics"),
    path("<int:pk>/topics/<int:topic_pk>/decide/", views.topic_decide, name="topic_decide"),
    path("<int:pk>/agenda/", views.agenda, name="agenda"),
    path("<int:pk>/agenda/review-items/", views.agenda_review_items, name="agenda_review"),
    path("<int:pk>/agenda/<int:item_pk>/move/", views.agenda_move, name="agenda_move"),
    path("<int:pk>/agenda/<int:item_pk>/edit/", views.agenda_item_edit, name="agenda_edit"),
    path("<int:pk>/agenda/<int:item_pk>/delete/", views.agenda_item_delete, name="agenda_delete"),
    path("<int:pk>/minutes/", views.minutes, name="minutes"),
    path("<int:pk>/minutes/measures/", views.measure_add, name="measure_add"),
    path("<int:pk>/minutes/attendance/", views.attendance_walk_in, name="attendance_walk_in"),
    path(
        "<int:pk>/minutes/measures/<int:measure_pk>/status/",
        views.measure_status,
        name="measure_status",
    ),
    path("<int:pk>/minutes/publish/", views.minutes_publish, name="minutes_publish"),
    path("<int:pk>/feedback/", views.feedback, name="feedback"),
    path("feed/", views.feed_settings, name="feed"),
    path("feed/regenerate/", views.feed_regenerate, name="feed_regenerate"),
    path("feed/<str:token>.ics", views.feed, name="feed_ics"),
    path("polls/", views.poll_list, name="polls"),
    path("polls/new/", views.poll_create, name="poll_create"),
    path("polls/<int:pk>/", views.poll_detail, name="poll"),
    path("polls/<int:pk>/schedule/", views.poll_schedule, name="poll_schedule"),
]
