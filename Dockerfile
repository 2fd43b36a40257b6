FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends gettext curl \
    && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml ./
COPY coverage_portal coverage_portal
COPY regions regions
COPY participants participants
COPY agreements agreements
RUN pip install --no-cache-dir -e .
COPY . .
# Static files are built with the production storage (hashed names and a manifest, which
# DEBUG=False pages need); the key only satisfies the production settings check and is not
# used at run time, where SECRET_KEY comes from the environment.
RUN DEBUG=True python manage.py compilemessages -v0 \
    && DEBUG=False SECRET_KEY=build-time-only-key-collectstatic-never-signs-anything-with-it \
       python manage.py collectstatic --noinput -v0
RUN useradd --create-home portal && mkdir -p /app/media && chown portal /app/media
USER portal
EXPOSE 8000
CMD ["gunicorn", "-c", "python:coverage_portal.gunicorn_conf", "coverage_portal.wsgi:application"]
