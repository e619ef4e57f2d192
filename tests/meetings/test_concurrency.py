"""Seats under concurrency: the meeting row lock serialises registrations (PostgreSQL)."""

import threading

import pytest
from django.db import connection

from meetings import services
from meetings.models import Registration

from .factories import MeetingFactory, NetworkFactory, UserFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_thirty_simultaneous_registrations_for_ten_seats():
    meeting = MeetingFactory(network=NetworkFactory(), capacity=10)
    users = [UserFactory() for _ in range(30)]
    barrier = threading.Barrier(30)
    errors = []

    def register(user):
        try:
            barrier.wait(timeout=30)
            services.registration_register(meeting=meeting, user=user)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=register, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    statuses = list(meeting.registrations.values_list("status", flat=True))
    assert statuses.count(Registration.Status.REGISTERED) == 10
    assert statuses.count(Registration.Status.WAITING) == 20

    first_waiting = meeting.registrations.filter(status="waiting").order_by("waiting_since", "pk")[
        0
    ]
    seat = meeting.registrations.filter(status="registered").first()
    services.registration_cancel(registration=seat, by=seat.user)
    statuses = list(meeting.registrations.values_list("status", flat=True))
    assert statuses.count(Registration.Status.REGISTERED) == 10
    assert statuses.count(Registration.Status.WAITING) == 19
    first_waiting.refresh_from_db()
    assert first_waiting.status == Registration.Status.REGISTERED
