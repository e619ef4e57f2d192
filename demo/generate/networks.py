"""Networks with sub-networks, memberships, representatives, coordinators, working groups."""

from datetime import timedelta

from django.utils.text import slugify

from network.models import Membership, Network, Representative, WorkingGroup

from .context import Context, bulk
from .names import NETWORK_KINDS, SUBNETWORK_NAMES
from .people import places

MEMBERS_PER_NETWORK = 30


def networks_create(ctx: Context, count: int) -> None:
    """``count`` networks; about one in four is a sub-network of a county network."""
    subnetworks = count // 4
    top = count - subnetworks
    place_list = places()
    rows = []
    for n in range(top):
        kind, pattern = NETWORK_KINDS[n % len(NETWORK_KINDS)]
        place = place_list[n % len(place_list)][1]
        name = pattern.format(place=place) + (
            f" {n // len(place_list) + 1}" if n >= len(place_list) else ""
        )
        rows.append(_network(ctx, name, kind, n))
    parents = bulk(Network, rows)
    rows = []
    for n in range(subnetworks):
        parent = parents[n % len(parents)]
        name = (
            ctx.rng.choice(SUBNETWORK_NAMES).format(place=parent.name.split()[-1]) + f" ({n + 1})"
        )
        rows.append(_network(ctx, name, parent.kind, top + n, parent=parent))
    children = bulk(Network, rows)
    for network in [*parents, *children]:
        ctx.network_ids.append(network.pk)
        ctx.network_names[network.pk] = network.name
    ctx.count("networks", len(ctx.network_ids))
    ctx.count("subnetworks", len(children))


def _network(ctx: Context, name: str, kind: str, n: int, parent=None) -> Network:
    return Network(
        name=name,
        slug=f"{slugify(name)[:60]}-g{n + 1}",
        kind=kind,
        parent=parent,
        description=f"{name}: Zusammenarbeit von Jugendhilfe, Schule und Gesundheit.",
        keywords="Kinderschutz, Frühe Hilfen, Kooperation",
        contact_name="Koordinierungsstelle",
        contact_email=f"netzwerk-{n + 1}@example.org",
        goal="Gelingendes Aufwachsen aller Kinder im Sozialraum.",
        cooperating_since=2010 + n % 15,
        visibility=Network.Visibility.PUBLIC
        if ctx.rng.random() < 0.8
        else Network.Visibility.MEMBERS,
        is_open_for_members=ctx.rng.random() < 0.5,
        created_at=ctx.now - timedelta(days=800),
    )


def memberships_create(ctx: Context) -> None:
    """About 30 member organisations per network (the first one coordinates), 1–2
    representatives each, one or two coordinators from the lead organisation."""
    memberships = []
    for network_id in ctx.network_ids:
        orgs = ctx.rng.sample(ctx.org_ids, min(len(ctx.org_ids), MEMBERS_PER_NETWORK))
        for position, org in enumerate(orgs):
            memberships.append(
                Membership(
                    network_id=network_id,
                    organisation_id=org,
                    status=Membership.Status.ACTIVE,
                    role=Membership.Role.COORDINATING if position == 0 else Membership.Role.MEMBER,
                    applied_at=ctx.now - timedelta(days=700),
                    decided_at=ctx.now - timedelta(days=690),
                    started_at=(ctx.now - timedelta(days=690)).date(),
                    created_at=ctx.now - timedelta(days=700),
                )
            )
        # some applications wait for a decision, some were declined
        for org in ctx.rng.sample(ctx.org_ids, min(len(ctx.org_ids), 2)):
            if org in orgs:
                continue
            memberships.append(
                Membership(
                    network_id=network_id,
                    organisation_id=org,
                    status=ctx.rng.choice([Membership.Status.APPLIED, Membership.Status.DECLINED]),
                    application_message="Wir möchten gern mitarbeiten.",
                    applied_at=ctx.now - timedelta(days=5),
                    created_at=ctx.now - timedelta(days=5),
                )
            )
    memberships = bulk(Membership, memberships)
    representatives = []
    leads = {}
    coordinators = Network.coordinators.through
    coordinator_rows = []
    for membership in memberships:
        if membership.status != Membership.Status.ACTIVE:
            continue
        ctx.memberships.append((membership.pk, membership.network_id))
        people = ctx.members_of_org[membership.organisation_id]
        chosen = ctx.rng.sample(people, min(len(people), 2 if ctx.rng.random() < 0.6 else 1))
        for index, person in enumerate(chosen):
            representatives.append(
                Representative(
                    membership_id=membership.pk,
                    person_id=ctx.member_ids[membership.organisation_id, person],
                    role=Representative.Role.REPRESENTATIVE
                    if index == 0
                    else Representative.Role.DEPUTY,
                )
            )
            ctx.representatives.setdefault(membership.network_id, []).append(
                (membership.organisation_id, person)
            )
        if membership.role == Membership.Role.COORDINATING:
            leads[membership.network_id] = membership.organisation_id
            ctx.coordinators[membership.network_id] = chosen[:1]
            coordinator_rows.append(
                coordinators(network_id=membership.network_id, user_id=chosen[0])
            )
    bulk(Representative, representatives)
    bulk(coordinators, coordinator_rows)
    for network_id, org in leads.items():
        Network.objects.filter(pk=network_id).update(lead_organisation_id=org)
    ctx.count("memberships", len(memberships))
    ctx.count("representatives", len(representatives))
    ctx.count("coordinators", len(coordinator_rows))


def working_groups_create(ctx: Context) -> None:
    groups = bulk(
        WorkingGroup,
        [
            WorkingGroup(
                network_id=network_id,
                name=f"AG Übergänge ({ctx.network_names[network_id][:80]})",
                purpose="Übergänge von der Kita in die Schule gestalten.",
                lead_id=ctx.coordinators[network_id][0],
                created_at=ctx.now - timedelta(days=300),
            )
            for network_id in ctx.network_ids
            if network_id in ctx.coordinators
        ],
    )
    through = WorkingGroup.members.through
    rows = []
    for group in groups:
        people = {person for _, person in ctx.representatives[group.network_id][:6]}
        rows += [through(workinggroup_id=group.pk, user_id=person) for person in sorted(people)]
        ctx.working_groups[group.network_id] = (group.pk, group.name)
    bulk(through, rows)
    ctx.count("working_groups", len(groups))
