"""Locust users of ``make loadtest`` (bench/loadtest.py starts locust with this file).

Each simulated user is a different generated person, signed in with a session cookie that
bench.loadtest prepared (no password hashing under load). They browse, register for the
meetings they are invited to, cancel, and answer date polls.
"""

import itertools
import json
import os
import random
import re

from locust import HttpUser, between, task

PEOPLE = json.loads(open(os.environ["LOADTEST_PEOPLE"]).read())  # noqa: SIM115
_next_person = itertools.count()
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CANCEL = re.compile(r"/meetings/registrations/(\d+)/cancel/")
SLOT = re.compile(r'name="(slot_\d+)"')


class Person(HttpUser):
    wait_time = between(0.5, 2)

    def on_start(self):
        self.person = PEOPLE[next(_next_person) % len(PEOPLE)]
        name, value = self.person["cookie"].split("=", 1)
        self.client.cookies.set(name, value)

    def _csrf(self, html: str) -> str:
        match = CSRF.search(html)
        return match.group(1) if match else ""

    @task(6)
    def browse(self):
        self.client.get("/dashboard/", name="dashboard")
        self.client.get("/meetings/", name="my meetings")
        self.client.get(f"/networks/{self.person['network']}/", name="network page")
        meeting = random.choice(self.person["meetings"])
        self.client.get(f"/meetings/{meeting}/", name="meeting page")

    @task(3)
    def register(self):
        meeting = random.choice(self.person["meetings"])
        form = self.client.get(f"/meetings/{meeting}/register/", name="register (form)")
        token = self._csrf(form.text)
        if not token:  # already registered: the page redirected to the meeting
            return
        self.client.post(
            f"/meetings/{meeting}/register/",
            data={"csrfmiddlewaretoken": token, "notes": ""},
            name="register",
        )

    @task(2)
    def cancel(self):
        meeting = random.choice(self.person["meetings"])
        page = self.client.get(f"/meetings/{meeting}/", name="meeting page")
        match = CANCEL.search(page.text)
        if not match:
            return
        url = f"/meetings/registrations/{match.group(1)}/cancel/"
        confirm = self.client.get(url, name="cancel (confirm)")
        self.client.post(url, data={"csrfmiddlewaretoken": self._csrf(confirm.text)}, name="cancel")

    @task(2)
    def answer_poll(self):
        if not self.person["polls"]:
            return
        poll = random.choice(self.person["polls"])
        page = self.client.get(f"/meetings/polls/{poll}/", name="poll page")
        slots = sorted(set(SLOT.findall(page.text)))
        if not slots:
            return
        answers = {slot: random.choice(["yes", "maybe", "no"]) for slot in slots}
        self.client.post(
            f"/meetings/polls/{poll}/",
            data={"csrfmiddlewaretoken": self._csrf(page.text), **answers},
            name="poll answer",
        )
