"""Generated data at state scale for the benchmark (issue 12): ``manage.py generate_data``.

Unlike the demo (a story told through the services), this writes rows in bulk — about a
quarter of a million at scale 1 — while keeping every rule the portal relies on: one active
membership per network and organisation, seats never exceeded (the rest waits), case
conferences only for invited people with restricted measures, invitations written for the
representatives of the network's active members, idempotency keys of the outbox as the
portal writes them. People are fictional, with example.org addresses; every one of them
signs in with ``GENERATED_PASSWORD``.

Scale 1 is a federal state: about 5,000 organisations, 208 networks, 20,000 people, 3,500
meetings. Fractions work (0.02 for tests); the same seed gives the same data.
"""

from .run import BASE_COUNTS, GENERATED_PASSWORD, generate, generated_marker

__all__ = ["BASE_COUNTS", "GENERATED_PASSWORD", "generate", "generated_marker"]
