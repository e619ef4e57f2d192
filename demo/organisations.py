"""The organisations of the seeds, as they come into the portal: each registered by its admin
and verified by the site admin; colleagues join by their admin's invitation."""

from providers.models import Municipality, Organisation, OrganisationMember
from providers.services import (
    invitation_accept,
    member_invite,
    member_update,
    organisation_register,
    organisation_verify,
)

from .data import COLLEAGUES, ORGANISATIONS
from .world import Demo


def municipalities(county: str, names: list[str]) -> list[Municipality]:
    """The named municipalities of a county; a name missing from the region data (the
    providers app's data migration) is skipped, never invented."""
    return list(Municipality.objects.filter(county__name=county, name__in=names))


def organisations_register(demo: Demo, *, site_admin) -> dict[str, Organisation]:
    """Every organisation of the demo, registered, verified, its admin a public contact."""
    organisations = {}
    for key, (name, kind, legal_form, city, county, served, admin) in ORGANISATIONS.items():
        admin_name, email = admin
        user = demo.people.add(email=email, name=admin_name)
        area = municipalities(county, served)
        data = {
            "name": name,
            "kind": kind,
            "legal_form": legal_form,
            "city": city,
            "email": f"{key}@example.org",
            "is_public": True,
            "municipalities": area,
            "jurisdiction": area if kind == Organisation.Kind.YOUTH_OFFICE else [],
        }
        organisation = organisation_register(user=user, data=data)
        organisation_verify(organisation=organisation, by=site_admin)
        member = OrganisationMember.objects.get(organisation=organisation, user=user)
        member_update(member=member, by=user, function_title="", phone="", is_public_contact=True)
        organisations[key] = organisation
    return organisations


def colleagues_join(demo: Demo) -> None:
    """Colleagues accept their admin's invitation; the demo coordinator, for one, works at the
    county youth office Viersen like the network coordination of Frühe Hilfen (seed 002)."""
    for key, name, email, function_title in COLLEAGUES:
        organisation = demo.organisations[key]
        admin = demo.admin(key)
        colleague = demo.people.add(email=email, name=name)
        invitation = member_invite(organisation=organisation, by=admin, email=email)
        member = invitation_accept(invitation=invitation, user=colleague)
        member_update(
            member=member,
            by=admin,
            function_title=function_title,
            phone="",
            is_public_contact=False,
        )
