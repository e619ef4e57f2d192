from django.core.management.base import BaseCommand, CommandError

from demo.generate import GENERATED_PASSWORD, generate, generated_marker


class Command(BaseCommand):
    help = (
        "Generate data at state scale for benchmarks: scale 1 is about 5,000 organisations, "
        "208 networks, 20,000 people and 3,500 meetings (fractions allowed). Once per database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, scale, seed, **options):
        if scale <= 0:
            raise CommandError("--scale must be greater than 0.")
        marker = generated_marker()
        if marker is not None:
            if marker.get("scale") == scale and marker.get("seed") == seed:
                self.stdout.write(f"Data at scale {scale}, seed {seed} is already generated.")
                return
            raise CommandError(
                f"This database already holds generated data (scale {marker.get('scale')}, "
                f"seed {marker.get('seed')}); use an empty database."
            )
        verbose = options["verbosity"] > 1
        counts = generate(scale=scale, seed=seed, progress=self.stdout.write if verbose else None)
        summary = ", ".join(f"{number} {name.replace('_', ' ')}" for name, number in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Generated (scale {scale}, seed {seed}): {summary}."))
        self.stdout.write(
            f"Every generated person signs in with the password {GENERATED_PASSWORD}."
        )
