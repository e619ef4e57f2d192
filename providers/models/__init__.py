"""The providers app's models: regions (``regions``) and organisations (``organisations``)."""

from .organisations import (
    FieldOfWork,
    JoinRequest,
    LocalisedName,
    Offer,
    Organisation,
    OrganisationInvitation,
    OrganisationMember,
    OrganisationQuerySet,
    TargetGroup,
)
from .regions import AdministrativeDistrict, County, FederalState, Municipality, PlanningRegion

__all__ = [
    "AdministrativeDistrict",
    "County",
    "FederalState",
    "FieldOfWork",
    "JoinRequest",
    "LocalisedName",
    "Municipality",
    "Offer",
    "Organisation",
    "OrganisationInvitation",
    "OrganisationMember",
    "OrganisationQuerySet",
    "PlanningRegion",
    "TargetGroup",
]
