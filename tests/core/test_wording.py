"""German words of the account pages and the home page (issue 10): "einloggen" for the
account, "anmelden" only for meetings; formal "Sie" throughout."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MEETING_WORDS = re.compile(r"anmeld|abmeld|angemeldet|abgemeldet|\bmelden\b", re.IGNORECASE)


def text_of(response) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_logging_in_and_out_is_einloggen_and_ausloggen(client):
    home = text_of(client.get("/"))
    assert "Einloggen" in home
    login = text_of(client.get("/accounts/login/"))
    assert login.count("Einloggen") >= 3  # title, heading, button
    assert "Eingeloggt bleiben" in login
    assert not MEETING_WORDS.search(login), MEETING_WORDS.findall(login)
    signup = text_of(client.get("/accounts/signup/"))
    assert "loggen Sie sich bitte ein" in signup

    client.force_login(UserFactory())
    logout = text_of(client.get("/accounts/logout/"))
    assert "Möchten Sie sich wirklich ausloggen?" in logout
    assert not MEETING_WORDS.search(logout), MEETING_WORDS.findall(logout)
    response = client.post("/accounts/logout/", follow=True)
    assert "Sie haben sich ausgeloggt." in text_of(response)


def test_the_home_page_speaks_to_visitors_formally(client):
    home = text_of(client.get("/"))
    assert not re.search(r"\bsie\b", home), "a lower-case 'sie' reads like a slip of 'Sie'"
    assert "Hier finden die Organisationen zueinander" in home


def german_catalogues():
    base = Path(settings.BASE_DIR)
    return sorted(base.glob("*/locale/de/LC_MESSAGES/django.po")) + [
        base / "locale/de/LC_MESSAGES/django.po",
        base / "locale/formal/de/LC_MESSAGES/django.po",
    ]


ACCOUNT_MSGID = re.compile(
    r"\b(log ?in|log out|logged in|sign ?in|sign out|signed in|signed out)\b", re.IGNORECASE
)


def entries(path: Path):
    """(msgid, msgstr) pairs of a .po file, continuation lines joined."""
    text = path.read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        fields, current = {}, None
        for line in block.splitlines():
            match = re.match(r'^(msgid|msgstr(?:\[\d\])?|msgid_plural|msgctxt) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if fields.get("msgid"):
            yield fields["msgid"], " ".join(v for k, v in fields.items() if k.startswith("msgstr"))


def test_no_catalogue_calls_logging_in_anmelden():
    """Every text about the account says einloggen/ausloggen; anmelden stays for meetings."""
    wrong = [
        f"{path.relative_to(settings.BASE_DIR)}: {msgid!r} → {msgstr!r}"
        for path in german_catalogues()
        for msgid, msgstr in entries(path)
        if ACCOUNT_MSGID.search(msgid)
        and not re.search(r"regist", msgid, re.IGNORECASE)  # "Log in to register" has both
        and MEETING_WORDS.search(msgstr)
    ]
    assert not wrong, "\n".join(wrong)
