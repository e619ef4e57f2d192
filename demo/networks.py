"""The six networks of the seeds and who belongs to them.

A network is set up by the site admin in Django admin: its profile, its founding members and
then its coordinators. There is no service that creates a network or names a coordinator, so
the profile texts and the coordinators are rows here. Who belongs to a network goes through
the services, as in the portal: every organisation applies and its application is decided
(by the site admin's admin action for the founding members, by the coordinators later), so
both sides get their mails, an accepted organisation its default representative and the
audit log its entries.
"""

from datetime import date

from network.models import Membership, Network, Representative, WorkingGroup
from network.services import (
    agreement_save,
    membership_apply,
    membership_approve,
    membership_decline,
    membership_end,
    network_update_profile,
    representative_add,
    working_group_create,
    working_group_join,
    working_group_result_add,
)
from providers.models import OrganisationMember

from .data import APPLICATION_MESSAGE, DECLINE_REASON, LEAVE_REASON, MEMBERSHIPS, NETWORKS
from .organisations import municipalities
from .world import Demo

Status = Membership.Status


def networks_found(demo: Demo) -> dict[str, Network]:
    """Every network with its profile, its coordinators not named yet.

    Each starts open for members so that its founding members join through the ordinary
    application (``membership_apply`` refuses closed networks); the coordinators close the
    ones that take no new members afterwards (``networks_close``).
    """
    networks = {}
    for key, spec in NETWORKS.items():
        spec = {name: value for name, value in spec.items() if name != "coordinators"}
        area = spec.pop("municipalities", [])
        parent = networks.get(spec.pop("parent", None))
        spec["is_open_for_members"] = True
        network = Network.objects.create(slug=key, parent=parent, **spec)
        for county, names in area:
            network.municipalities.add(*municipalities(county, names))
        networks[key] = network
    return networks


def coordinators_name(demo: Demo) -> None:
    """Named once the founding members are in: the coordinators hear of every application
    from then on, not of the founding ones (which keeps the demo's outbox small)."""
    for key, network in demo.networks.items():
        network.coordinators.add(*[demo.people[email] for email in NETWORKS[key]["coordinators"]])


def networks_close(demo: Demo) -> None:
    """The founding members are in: networks that are not looking for members close."""
    for key, network in demo.networks.items():
        if not NETWORKS[key].get("is_open_for_members", False):
            network_update_profile(
                network=network,
                by=coordinator(demo, key),
                fields={"is_open_for_members": False},
            )


def coordinator(demo: Demo, network_key: str):
    """The network's first coordinator in the demo tables; acts for the network."""
    return demo.people[NETWORKS[network_key]["coordinators"][0]]


def _memberships(*statuses: str):
    return [(n, o, role) for n, o, status, role in MEMBERSHIPS if status in statuses]


def founding_members_apply(demo: Demo) -> None:
    """Everyone who is, was or wanted to be a member applied when the network started."""
    for network_key, organisation_key, _role in _memberships(
        Status.ACTIVE, Status.LEFT, Status.DECLINED
    ):
        membership_apply(
            organisation=demo.organisations[organisation_key],
            network=demo.networks[network_key],
            by=demo.admin(organisation_key),
        )


def founding_applications_decide(demo: Demo, *, by) -> None:
    """The site admin accepts the founding members (with their role in the network) and
    declines what does not fit, with a reason."""
    for network_key, organisation_key, role in _memberships(Status.ACTIVE, Status.LEFT):
        membership_approve(
            membership=_current(demo, network_key, organisation_key), by=by, role=role
        )
    for network_key, organisation_key, _role in _memberships(Status.DECLINED):
        membership_decline(
            membership=_current(demo, network_key, organisation_key),
            by=by,
            reason=DECLINE_REASON,
        )


def _current(demo: Demo, network_key: str, organisation_key: str) -> Membership:
    """The organisation's open application or active membership in the network."""
    return Membership.objects.get(
        network=demo.networks[network_key],
        organisation=demo.organisations[organisation_key],
        status__in=Membership.OPEN_STATUSES,
    )


def members_leave(demo: Demo) -> None:
    """Members that left, as their admin told the network."""
    for network_key, organisation_key, _role in _memberships(Status.LEFT):
        membership_end(
            membership=_current(demo, network_key, organisation_key),
            by=demo.admin(organisation_key),
            reason=LEAVE_REASON,
        )


def late_applications_arrive(demo: Demo) -> None:
    """Applications still waiting for the coordinators' decision."""
    for network_key, organisation_key, _role in _memberships(Status.APPLIED):
        membership_apply(
            organisation=demo.organisations[organisation_key],
            network=demo.networks[network_key],
            by=demo.admin(organisation_key),
            message=APPLICATION_MESSAGE,
        )


def viersen_deputy_add(demo: Demo) -> None:
    """The demo coordinator stands in for the county youth office Viersen in its network."""
    membership = _current(demo, "fruehe-hilfen-kreis-viersen", "kreisjugendamt-viersen")
    person = OrganisationMember.objects.get(
        organisation=membership.organisation, user=demo.people["koordination@example.org"]
    )
    representative_add(
        membership=membership,
        person=person,
        role=Representative.Role.DEPUTY,
        by=demo.admin("kreisjugendamt-viersen"),
    )


def working_group_start(demo: Demo) -> WorkingGroup:
    """Olsberg's small group on school and child protection (seed 003)."""
    lead = demo.admin("familienbuero-olsberg")
    group = working_group_create(
        network=demo.networks["kinderschutz-olsberg"],
        by=lead,
        name="Kleingruppe Schule und Kinderschutz",
        purpose=(
            "Verfahren im Kinderschutz zwischen Schule, Jugendamt und Polizei abstimmen; "
            "Ergebnisse werden im Netzwerktreffen vorgestellt."
        ),
        lead=lead,
        is_open=True,
    )
    for member in demo.admins("grundschule-olsberg", "polizei-hsk"):
        working_group_join(working_group=group, user=member)
    return group


def working_group_report(demo: Demo, group: WorkingGroup) -> None:
    """A result for the plenary: it goes onto the agenda of the next network meeting."""
    working_group_result_add(
        working_group=group,
        by=group.lead,
        title="Ablauf bei Anhaltspunkten für eine Kindeswohlgefährdung in der Schule",
        text=(
            "1. Beobachtungen dokumentieren (ohne Namen im Portal).\n"
            "2. Beratung durch eine insoweit erfahrene Fachkraft anfragen.\n"
            "3. Ansprechpersonen im Kreisjugendamt und bei der Polizei sind bekannt."
        ),
        for_plenary=True,
    )


def agreement_sign(demo: Demo) -> None:
    """The cooperation agreement of Herten (seed 004), signed on 5 August 2010; it is
    reviewed next year."""
    agreement_save(
        network=demo.networks["kooperation-herten"],
        by=demo.admin("jugendamt-herten"),
        fields=_agreement_fields(review_year=demo.timeline.today.year + 1),
        parties=[
            demo.organisations["jugendamt-herten"],
            demo.organisations["vestische-arbeit-herten"],
        ],
    )


def _agreement_fields(review_year: int) -> dict:
    return {
        "title": "Kooperationsvereinbarung Jugendamt und Vestische Arbeit Herten",
        "signed_on": date(2010, 8, 5),
        "valid_from": date(2010, 8, 5),
        "review_date": date(review_year, 8, 5),
        "summary": (
            "Jährliche Abstimmungsgespräche in großer Runde; Fallkonferenzen, in denen die "
            "Mitarbeitenden gemeinsam über den Förderbedarf einzelner Jugendlicher entscheiden; "
            "Hospitationen beim Kooperationspartner; die Vestische Arbeit hat ein „Auge auf die "
            "Kinder“ der Antragstellenden und stellt wenn nötig den Kontakt zum Jugendamt her."
        ),
        "has_coordination_meetings": True,
        "has_case_conferences": True,
        "has_job_shadowing": True,
        "has_child_protection_duties": True,
        "press_contact": "Pressestelle der Stadt Herten",
    }
