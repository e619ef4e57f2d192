"""Organisations and their people."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from providers.models import Municipality, Organisation, OrganisationMember

from .context import Context, bulk
from .names import FIRST_NAMES, LAST_NAMES, LEGAL_FORMS, ORGANISATION_KINDS


def places() -> list[tuple[int, str, str]]:
    """(municipality id, name, postal-code prefix) of the shipped regions."""
    rows = list(Municipality.objects.order_by("ags").values_list("pk", "name", "ags"))
    if not rows:
        return [(None, f"Musterstadt {n}", "4") for n in range(1, 60)]
    return [(pk, name, ags[3:5]) for pk, name, ags in rows]


def organisations_create(ctx: Context, count: int) -> None:
    kinds = [kind for kind, weight, _ in ORGANISATION_KINDS for _ in range(weight)]
    patterns = {kind: names for kind, _, names in ORGANISATION_KINDS}
    place_list = places()
    rows = []
    for n in range(count):
        kind = ctx.rng.choice(kinds)
        _, place, plz = ctx.rng.choice(place_list)
        name = f"{ctx.rng.choice(patterns[kind]).format(place=place)} {n + 1}"
        rows.append(
            Organisation(
                name=name,
                slug=f"{slugify(name)[:60]}-g{n + 1}",
                kind=kind,
                legal_form="public"
                if kind in {"youth_office", "police"}
                else ctx.rng.choice(LEGAL_FORMS),
                street=f"{ctx.rng.choice(LAST_NAMES)}straße {ctx.rng.randint(1, 120)}",
                postal_code=f"4{plz}{ctx.rng.randint(10, 99)}"[:5],
                city=place,
                phone=f"0{ctx.rng.randint(2000, 2999)} {ctx.rng.randint(10000, 99999)}",
                email=f"kontakt-{n + 1}@example.org",
                description="Generierte Organisation für Last- und Leistungstests.",
                is_verified=ctx.rng.random() < 0.7,
                is_public=ctx.rng.random() < 0.85,
                contact_is_public=ctx.rng.random() < 0.5,
                created_at=ctx.now,
            )
        )
    for organisation in bulk(Organisation, rows):
        ctx.org_ids.append(organisation.pk)
        ctx.org_names[organisation.pk] = organisation.name
    through = Organisation.municipalities.through
    municipality_ids = [pk for pk, _, _ in place_list if pk is not None]
    if municipality_ids:
        bulk(
            through,
            [
                through(organisation_id=pk, municipality_id=ctx.rng.choice(municipality_ids))
                for pk in ctx.org_ids
            ],
        )
    ctx.count("organisations", len(ctx.org_ids))


def people_create(ctx: Context, count: int, password: str) -> None:
    """``count`` people, each in one organisation (the first of each is its admin)."""
    User = get_user_model()
    hashed = make_password(password)
    users = []
    for n in range(count):
        first, last = ctx.rng.choice(FIRST_NAMES), ctx.rng.choice(LAST_NAMES)
        email = f"{slugify(first)}.{slugify(last)}.{n + 1}@example.org"
        users.append(
            User(
                email=email,
                name=f"{first} {last}",
                password=hashed,
                preferred_language="de" if ctx.rng.random() < 0.9 else "en",
                privacy_consent_version=settings.PRIVACY_NOTICE_VERSION,
                privacy_consent_at=ctx.now,
                calendar_token=f"g{ctx.seed}x{n + 1}x{ctx.rng.getrandbits(64):016x}",
                date_joined=ctx.now,
            )
        )
    ctx.user_ids = [user.pk for user in bulk(User, users)]
    ctx.emails = {user.pk: user.email for user in users}
    # Signed up and confirmed: allauth's verified primary address, as after a real sign-up.
    bulk(
        EmailAddress,
        [
            EmailAddress(user_id=pk, email=email, verified=True, primary=True)
            for pk, email in ctx.emails.items()
        ],
    )
    members = []
    orgs = ctx.org_ids
    for index, user_id in enumerate(ctx.user_ids):
        # the first len(orgs) people go one to each organisation, the rest at random
        org = orgs[index] if index < len(orgs) else ctx.rng.choice(orgs)
        first = org not in ctx.members_of_org
        ctx.members_of_org.setdefault(org, []).append(user_id)
        members.append(
            OrganisationMember(
                organisation_id=org,
                user_id=user_id,
                role=OrganisationMember.Role.ADMIN if first else OrganisationMember.Role.STAFF,
                function_title="Leitung"
                if first
                else ctx.rng.choice(["Fachkraft", "Sozialarbeit", ""]),
                is_public_contact=first,
                joined_at=ctx.now,
            )
        )
    for member in bulk(OrganisationMember, members):
        ctx.member_ids[member.organisation_id, member.user_id] = member.pk
    ctx.count("people", len(ctx.user_ids))
    ctx.count("organisation_members", len(members))
