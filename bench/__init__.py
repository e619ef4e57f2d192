"""Development-only measuring instruments (issue 12): the benchmark, the load test and the
scale-out check. Not an installed app and never imported by the portal; run from the project
directory, e.g. ``python -m bench.fanout --count 2000`` or ``make bench``.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(settings_module: str = "config.settings.local") -> None:
    """Configure Django for a script run as ``python -m bench.<tool>`` (no-op when it already
    is, e.g. inside pytest)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
