"""The key pages of issue 12, each with the visitor who looks at it."""

from dataclasses import dataclass

ANONYMOUS, MEMBER, COORDINATOR, ADMIN = "anonymous", "member", "coordinator", "admin"
BARE_URL = "/bench/bare/"


@dataclass
class Page:
    name: str
    url: str
    visitor: str

    @property
    def signed_in(self) -> bool:
        return self.visitor != ANONYMOUS


def key_pages(s) -> list[Page]:
    network, meeting = s.network.slug, s.meeting.pk
    return [
        Page("home", "/", ANONYMOUS),
        Page("dashboard", "/dashboard/", MEMBER),
        Page("network list", "/networks/", MEMBER),
        Page("network page", f"/networks/{network}/", MEMBER),
        Page("members", f"/networks/{network}/members/", MEMBER),
        Page("measures", f"/networks/{network}/measures/", MEMBER),
        Page("directory", "/providers/", MEMBER),
        Page("directory search", "/providers/?q=Jugend", MEMBER),
        Page("organisation page", f"/providers/{s.organisation.slug}/", MEMBER),
        Page("my meetings", "/meetings/", MEMBER),
        Page("meeting page (member)", f"/meetings/{meeting}/", MEMBER),
        Page("meeting page (coordinator)", f"/meetings/{meeting}/", COORDINATOR),
        Page("meeting edit", f"/meetings/{meeting}/edit/", COORDINATOR),
        Page("minutes", f"/meetings/{s.held_meeting.pk}/minutes/", COORDINATOR),
        Page("invitations", f"/meetings/{meeting}/invitations/", COORDINATOR),
        Page("delivery view", f"/notifications/meetings/{meeting}/delivery/", COORDINATOR),
        Page("poll page", f"/meetings/polls/{s.poll.pk}/", MEMBER),
        Page("calendar feed", f"/meetings/feed/{s.member.calendar_token}.ics", ANONYMOUS),
        Page("profile.pdf", f"/networks/{network}/profile.pdf", ANONYMOUS),
        Page("admin membership list", "/admin/network/membership/", ADMIN),
    ]
