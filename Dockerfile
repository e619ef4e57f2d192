# The portal's image: web (gunicorn), Celery worker and beat all run from it.
# Build: docker compose build   ·   Run: docker compose up   (see README.md)
FROM python:3.11.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    VAR_DIR=/app/var \
    STATIC_ROOT=/app/staticfiles \
    PORT=8000

# WeasyPrint (network profile PDFs) needs Pango and HarfBuzz; fonts ship with the image, none
# are fetched at run time. gettext compiles the translations during the build only.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 \
        fonts-dejavu-core gettext \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 portal \
    && useradd --system --uid 10001 --gid portal --home-dir /app --shell /usr/sbin/nologin portal

WORKDIR /app

# Dependencies first, so that a code change does not reinstall them: the runtime lock file
# only (exact versions and hashes; no development tools such as honcho).
COPY requirements/base.txt requirements/base.txt
RUN python -m venv "$VIRTUAL_ENV" && pip install --require-hashes -r requirements/base.txt

COPY . .
# Build-time values only: production settings insist on them, the image never uses them.
RUN SECRET_KEY=build-only-not-used-at-run-time ALLOWED_HOSTS=localhost SITE_URL=https://localhost TRUSTED_PROXY_COUNT=0 \
        python manage.py compilemessages --ignore=.venv --verbosity 0 \
    && SECRET_KEY=build-only-not-used-at-run-time ALLOWED_HOSTS=localhost SITE_URL=https://localhost TRUSTED_PROXY_COUNT=0 \
        python manage.py collectstatic --noinput --verbosity 0 \
    && mkdir -p /app/var \
    && chown -R portal:portal /app/var

USER portal
VOLUME ["/app/var"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"

# The same commands as Procfile and docker-compose.yml (the smoke test checks they agree).
CMD ["gunicorn", "config.wsgi", "--workers", "2", "--access-logfile", "-", "--error-logfile", "-"]
