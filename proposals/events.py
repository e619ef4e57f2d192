"""What happens to proposals that other apps may react to (see ``core.events``)."""

from core.events import Event

# The coordinator moved a proposal to another stage (``move`` is the ProposalMove row).
proposal_moved = Event("move")
