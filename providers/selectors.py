"""Reads: the directory search, the pieces of an organisation page, a person's organisations
and an organisation's people."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce

from core.permissions import is_site_admin
from core.sections import page_sections

from .access import is_organisation_member, visible_organisations
from .models import (
    County,
    JoinRequest,
    Municipality,
    Offer,
    Organisation,
    OrganisationInvitation,
    OrganisationMember,
    PlanningRegion,
)
from .permissions import can_edit_organisation, can_see_staff_contacts, member_for


def planning_region_choices() -> QuerySet[PlanningRegion]:
    """Every planning region, each followed by its social spaces, by county. Lazy; one query."""
    return PlanningRegion.objects.select_related("county", "parent").order_by(
        "county__name", Coalesce("parent__name", "name"), "parent__name", "name"
    )


@dataclass(frozen=True)
class DirectoryFilters:
    text: str = ""
    municipality: Municipality | None = None
    county: County | None = None
    kind: str = ""
    field_of_work_id: int | None = None
    target_group_id: int | None = None
    age: int | None = None
    planning_region: PlanningRegion | None = None

    @property
    def filters_offers(self) -> bool:
        """Target group, age and planning region describe offers, so only matching offers
        are shown."""
        return (
            self.target_group_id is not None
            or self.age is not None
            or self.planning_region is not None
        )


def _place_ids(filters: DirectoryFilters) -> list[int] | None:
    if filters.municipality is not None:
        return [filters.municipality.pk]
    if filters.county is not None:
        return list(filters.county.municipalities.values_list("pk", flat=True))
    return None


def matching_offers(filters: DirectoryFilters) -> QuerySet[Offer]:
    """Active offers that satisfy every offer-level filter."""
    offers = Offer.objects.filter(is_active=True)
    if filters.target_group_id is not None:
        offers = offers.filter(target_groups__id=filters.target_group_id)
    if filters.age is not None:
        offers = offers.filter(Q(age_from__isnull=True) | Q(age_from__lte=filters.age)).filter(
            Q(age_to__isnull=True) | Q(age_to__gte=filters.age)
        )
    if filters.planning_region is not None:
        # A planning region covers its social spaces.
        region = filters.planning_region
        offers = offers.filter(Q(planning_regions=region) | Q(planning_regions__parent=region))
    place_ids = _place_ids(filters)
    if place_ids is not None and filters.filters_offers:
        # An offer without municipalities of its own is offered wherever its organisation works.
        offers = offers.filter(
            Q(municipalities__id__in=place_ids)
            | Q(municipalities__isnull=True, organisation__municipalities__id__in=place_ids)
        )
    if filters.field_of_work_id is not None and filters.filters_offers:
        offers = offers.filter(
            Q(fields_of_work__id=filters.field_of_work_id)
            | Q(organisation__fields_of_work__id=filters.field_of_work_id)
        )
    return offers


def directory_organisations(user, filters: DirectoryFilters) -> QuerySet[Organisation]:
    """Organisations for the directory, each with the offers to show in ``shown_offers``.

    Filters use EXISTS subqueries rather than joins so an organisation appears once however
    many of its offers or municipalities match.
    """
    organisations = visible_organisations(user)
    offers = matching_offers(filters)
    if filters.kind:
        organisations = organisations.filter(kind=filters.kind)
    if filters.filters_offers:
        organisations = organisations.filter(Exists(offers.filter(organisation=OuterRef("pk"))))
    else:
        place_ids = _place_ids(filters)
        if place_ids is not None:
            served = Organisation.objects.filter(
                Q(municipalities__id__in=place_ids) | Q(jurisdiction__id__in=place_ids),
                pk=OuterRef("pk"),
            )
            offered = offers.filter(organisation=OuterRef("pk"), municipalities__id__in=place_ids)
            organisations = organisations.filter(Exists(served) | Exists(offered))
        if filters.field_of_work_id is not None:
            organisations = organisations.filter(
                Exists(
                    Organisation.fields_of_work.through.objects.filter(
                        organisation_id=OuterRef("pk"), fieldofwork_id=filters.field_of_work_id
                    )
                )
                | Exists(
                    offers.filter(
                        organisation=OuterRef("pk"), fields_of_work__id=filters.field_of_work_id
                    )
                )
            )
    if filters.text:
        text = filters.text
        text_q = (
            Q(name__icontains=text)
            | Q(short_name__icontains=text)
            | Q(description__icontains=text)
            | Q(sector_tags__icontains=text)
            | Q(city__icontains=text)
        )
        # The organisations whose offers match, as an id set (one query, on PostgreSQL through
        # the trigram indexes): every branch of the OR can then use an index, where an EXISTS
        # per organisation made PostgreSQL read them all.
        offer_match_ids = set(
            Offer.objects.filter(
                Q(title__icontains=text) | Q(description__icontains=text), is_active=True
            )
            .order_by()
            .values_list("organisation_id", flat=True)
        )
        organisations = organisations.filter(text_q | Q(pk__in=offer_match_ids))

    shown = Offer.objects.filter(pk__in=offers.values("pk")) if filters.filters_offers else offers
    return (
        organisations.annotate(is_own=_is_own(user))
        .order_by("name", "pk")
        .prefetch_related(
            "fields_of_work",
            "municipalities",
            Prefetch(
                "offers",
                queryset=shown.order_by("title").prefetch_related(
                    "target_groups", "municipalities"
                ),
                to_attr="shown_offers",
            ),
        )
    )


def _is_own(user):
    """The user works for the organisation: the entry tells them who else sees it."""
    if not user.is_authenticated:
        return Value(False)
    return Exists(OrganisationMember.objects.filter(organisation=OuterRef("pk"), user_id=user.pk))


@dataclass
class OrganisationPage:
    organisation: Organisation
    member: OrganisationMember | None
    can_edit: bool
    sees_staff: bool
    offers: list
    contacts: list
    sections: list = field(default_factory=list)


def organisation_page(user, organisation: Organisation) -> OrganisationPage:
    """What the organisation page shows to this user; a fixed number of queries."""
    sees_staff = can_see_staff_contacts(user, organisation)
    offers = organisation.offers.prefetch_related(
        "target_groups", "municipalities", "fields_of_work"
    ).order_by("-is_active", "title")
    people = organisation.members.select_related("user").order_by("user__name", "user__email")
    if not sees_staff:
        people = people.filter(is_public_contact=True)
    people = list(people)
    # The person's own place is among the contacts their colleagues see: no query of its own.
    member = None
    if is_organisation_member(user, organisation.pk):
        member = next((p for p in people if p.user_id == user.pk), None) or member_for(
            user, organisation
        )
    if member is None and not is_site_admin(user):
        offers = offers.filter(is_active=True)
    return OrganisationPage(
        organisation=organisation,
        member=member,
        can_edit=can_edit_organisation(user, organisation),
        sees_staff=sees_staff,
        offers=list(offers),
        contacts=people,
        # Upper apps add what they know (the network app: the organisation's networks).
        sections=page_sections("providers.organisation", user=user, organisation=organisation),
    )


def pending_join_request(organisation: Organisation, user) -> JoinRequest | None:
    """The person's request to join the organisation that awaits a decision: one query."""
    return JoinRequest.objects.filter(
        organisation=organisation, user=user, status=JoinRequest.Status.PENDING
    ).first()


# --- A person's organisations ---------------------------------------------------------------


def my_organisations_context(user) -> dict:
    """The organisations the person belongs to, the invitations sent to their address that
    they have not accepted, and their pending requests to join. Lazy; one query each."""
    return {
        "memberships": (
            OrganisationMember.objects.filter(user=user)
            .select_related("organisation")
            .order_by("organisation__name")
        ),
        "invitations": OrganisationInvitation.objects.filter(
            email__iexact=user.email, accepted_at__isnull=True
        ).select_related("organisation"),
        "join_requests": JoinRequest.objects.filter(
            user=user, status=JoinRequest.Status.PENDING
        ).select_related("organisation"),
    }


# --- An organisation's people ---------------------------------------------------------------


def people_context(user, organisation: Organisation) -> dict:
    """For the organisation's admins: its people by name, open invitations, pending requests
    to join, and the admin's own membership. Lazy lists; one query each."""
    return {
        "members": organisation.members.select_related("user").order_by("user__name"),
        "invitations": open_invitations_of(organisation),
        "join_requests": organisation.join_requests.filter(
            status=JoinRequest.Status.PENDING
        ).select_related("user"),
        "me": member_for(user, organisation),
    }


def members_of(organisation: Organisation):
    """The organisation's people, to look one up by id. Lazy."""
    return OrganisationMember.objects.select_related("user").filter(organisation=organisation)


def open_invitations_of(organisation: Organisation):
    """Invitations to the organisation not accepted yet. Lazy."""
    return organisation.invitations.filter(accepted_at__isnull=True)


def join_requests_of(organisation: Organisation):
    """Every request to join the organisation, to look one up by id. Lazy."""
    return organisation.join_requests.all()


def offers_of(organisation: Organisation):
    """The organisation's offers, to look one up by id. Lazy."""
    return Offer.objects.filter(organisation=organisation)
