"""What the proposals app holds about a person (see ``core.privacy``). Proposals and comments
stay with the network when an account is deleted (their author becomes empty); supports and
follows go with the account."""

from core.privacy import rows_exporter
from core.registry import PersonalData, register_personal_data

from .models import Comment, Follower, Proposal, ProposalMove, Support


def register() -> None:
    for name, model, lookups in [
        ("proposals.proposal", Proposal, ("author",)),
        ("proposals.proposalmove", ProposalMove, ("by",)),
        ("proposals.comment", Comment, ("author",)),
        ("proposals.support", Support, ("user",)),
        ("proposals.follower", Follower, ("user",)),
    ]:
        register_personal_data(PersonalData(name, rows_exporter(model, *lookups)))
