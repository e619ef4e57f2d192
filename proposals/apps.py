from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class ProposalsConfig(AppConfig):
    name = "proposals"
    verbose_name = pgettext_lazy("submitted to a network", "Proposals")

    def ready(self):
        from core.sections import register_section

        from . import personal_data, selectors

        # The network's profile page links to its proposals (members and coordinators).
        register_section(
            "network.profile",
            template="proposals/fragments/network_proposals.html",
            context=selectors.network_proposals_section,
            order=60,
        )
        # A working group's result becomes a proposal to the plenary in one step.
        register_section(
            "network.working_group_result",
            template="proposals/fragments/result_to_proposal.html",
            context=selectors.result_to_proposal_section,
        )
        personal_data.register()
