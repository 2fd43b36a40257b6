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
RUN DEBUG=True python manage.py compilemessages -v0 \
    && DEBUG=True python manage.py collectstatic --noinput -v0
RUN useradd --create-home portal && mkdir -p /app/media && chown portal /app/media
USER portal
EXPOSE 8000
CMD ["gunicorn", "coverage_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
