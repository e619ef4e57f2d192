"""Create the database of DATABASE_URL if it does not exist (``make bench``'s first step);
``--fresh`` drops it first (``make loadtest``, ``make scaleout``: they change the data)."""

import os
import sys

import psycopg2
from psycopg2 import sql


def ensure(url: str, *, fresh: bool = False) -> bool:
    """Create the database (``fresh``: drop it first); returns whether it was created."""
    base, name = url.rsplit("/", 1)
    connection = psycopg2.connect(base + "/postgres")
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            if fresh:
                cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone():
                return False
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return True
    finally:
        connection.close()


if __name__ == "__main__":
    url = os.environ["DATABASE_URL"]
    if not url.startswith("postgres"):
        sys.exit("The benchmark needs PostgreSQL (DATABASE_URL=postgres://…).")
    created = ensure(url, fresh="--fresh" in sys.argv)
    print(f"{'Created' if created else 'Using'} database {url.rsplit('/', 1)[1]}")
