from django.urls import path

from .views import agenda, calendar, lists, minutes, people, polls, registration, scheduling

app_name = "meetings"

urlpatterns = [
    path("", lists.my_meetings, name="mine"),
    path("manage/", lists.manage_list, name="manage"),
    path("new/", scheduling.meeting_create, name="create"),
    path("people/", people.people, name="people"),
    path("<int:pk>/", scheduling.meeting_detail, name="detail"),
    path("<int:pk>/calendar.ics", calendar.meeting_calendar, name="calendar"),
    path("<int:pk>/edit/", scheduling.meeting_edit, name="edit"),
    path("<int:pk>/publish/", scheduling.meeting_publish, name="publish"),
    path("<int:pk>/cancel/", scheduling.meeting_cancel, name="cancel"),
    path("<int:pk>/next/", scheduling.meeting_next, name="next"),
    path("<int:pk>/invitations/", scheduling.meeting_invitations, name="invitations"),
    path("<int:pk>/register/", registration.registration_create, name="register"),
    path(
        "<int:pk>/register-colleague/",
        registration.registration_colleague,
        name="register_colleague",
    ),
    path("<int:pk>/decline/", registration.registration_decline, name="decline"),
    path("<int:pk>/participants/", registration.participants, name="participants"),
    path(
        "registrations/<int:pk>/cancel/",
        registration.registration_cancel,
        name="registration_cancel",
    ),
    path("<int:pk>/topics/", agenda.topics, name="topics"),
    path("<int:pk>/topics/<int:topic_pk>/decide/", agenda.topic_decide, name="topic_decide"),
    path("<int:pk>/agenda/", agenda.agenda, name="agenda"),
    path("<int:pk>/agenda/review-items/", agenda.agenda_review_items, name="agenda_review"),
    path("<int:pk>/agenda/<int:item_pk>/move/", agenda.agenda_move, name="agenda_move"),
    path("<int:pk>/agenda/<int:item_pk>/edit/", agenda.agenda_item_edit, name="agenda_edit"),
    path("<int:pk>/agenda/<int:item_pk>/delete/", agenda.agenda_item_delete, name="agenda_delete"),
    path("<int:pk>/minutes/", minutes.minutes, name="minutes"),
    path("<int:pk>/minutes/measures/", minutes.measure_add, name="measure_add"),
    path("<int:pk>/minutes/attendance/", minutes.attendance_walk_in, name="attendance_walk_in"),
    path(
        "<int:pk>/minutes/measures/<int:measure_pk>/status/",
        minutes.measure_status,
        name="measure_status",
    ),
    path("<int:pk>/minutes/publish/", minutes.minutes_publish, name="minutes_publish"),
    path("<int:pk>/feedback/", minutes.feedback, name="feedback"),
    path("feed/", calendar.feed_settings, name="feed"),
    path("feed/regenerate/", calendar.feed_regenerate, name="feed_regenerate"),
    path("feed/<str:token>.ics", calendar.feed, name="feed_ics"),
    path("polls/", polls.poll_list, name="polls"),
    path("polls/new/", polls.poll_create, name="poll_create"),
    path("polls/<int:pk>/", polls.poll_detail, name="poll"),
    path("polls/<int:pk>/schedule/", polls.poll_schedule, name="poll_schedule"),
]
