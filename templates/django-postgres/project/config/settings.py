"""Django settings, read from the environment (twelve-factor).

Every setting is listed in `.env.example`. A `.env` file is read when present,
but variables already set in the environment win, so
`DATABASE_URL=... make test` points the project at any server.
"""

from pathlib import Path

import environ
from corsheaders.defaults import default_headers as default_cors_headers

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")  # never overrides the real environment

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

# The value .env.example ships with: fine on a laptop, refused in production,
# where anyone who read the template could sign tokens with it.
PLACEHOLDER_SECRET_KEY = "change-me-to-a-long-random-string"  # noqa: S105
SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    # One line and a non-zero exit (manage.py, gunicorn), not a traceback.
    raise SystemExit("SECRET_KEY is not set: `make setup` writes one into .env (see .env.example).")
if not DEBUG and SECRET_KEY == PLACEHOLDER_SECRET_KEY:
    raise SystemExit(
        "SECRET_KEY is the placeholder of .env.example: refusing to run with DEBUG=false. "
        'Set a secret of your own (python -c "import secrets; print(secrets.token_hex(32))").'
    )

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "corsheaders",
    "rest_framework",
    "core",
    "accounts",
    "tasks",
]

# Order matters: the request id and the problem-details rewrite sit outside
# everything else, so they also see the errors that other middleware raise
# (a 400 for a bad Host header, for instance).
MIDDLEWARE = [
    "core.middleware.RequestIdMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "core.middleware.ProblemDetailsMiddleware",
    # Before the Host check and the HTTPS redirect: see the class.
    "core.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
# The API's paths have no trailing slash; never redirect to add one.
APPEND_SLASH = False

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    },
]

# postgres://USER:PASSWORD@HOST:PORT/NAME, e.g. the docker-compose.yml database.
DATABASES = {"default": env.db("DATABASE_URL")}
# Persistent connections: each server thread keeps its own, so the app holds
# WEB_CONCURRENCY x GUNICORN_THREADS connections (gunicorn.conf.py): keep that
# below the server's max_connections (100 by default).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A custom user model from the first migration, as Django recommends:
# the e-mail address is the login.
AUTH_USER_MODEL = "accounts.User"
# Passwords are hashed with Django's default hasher (PBKDF2-SHA256). The
# contract: 8 characters to 72 bytes in UTF-8 (accounts/validators.py says why).
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "accounts.validators.MaximumLengthValidator", "OPTIONS": {"max_bytes": 72}},
]

# Bearer tokens: JWTs signed with SECRET_KEY (HS256) that expire.
ACCESS_TOKEN_TTL_SECONDS = env.int("ACCESS_TOKEN_TTL_SECONDS", default=3600)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["accounts.authentication.JWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "core.problems.problem_exception_handler",
    # Errors that concern the whole body rather than one field.
    "NON_FIELD_ERRORS_KEY": "body",
}

CORS_ALLOWED_ORIGINS = env.list(
    "CORS_ORIGINS", default=["http://localhost:3000", "http://localhost:5173"]
)
CORS_ALLOW_HEADERS = [*default_cors_headers, "x-request-id"]
CORS_EXPOSE_HEADERS = ["Location", "X-Request-Id"]

# Production (DEBUG=false): HTTPS only, `manage.py check --deploy` clean. TLS ends
# at a proxy or load balancer in front of gunicorn, which says so in
# X-Forwarded-Proto; only trust that header behind such a proxy (it must set or
# strip it). Without TLS locally (`make serve`, docker compose): SECURE_SSL_REDIRECT=false.
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # Browsers then refuse plain HTTP for this host for the given seconds. Start
    # small, raise to a year (31536000) once HTTPS works everywhere.
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    # The API sets no cookies; should one be added, it never travels over HTTP.
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

SILENCED_SYSTEM_CHECKS = [
    # CSRF protects cookie-based sign-ins. The API takes a bearer token from the
    # Authorization header, which a browser never adds by itself: nothing to forge.
    "security.W003",
    # HSTS preloading is a promise to browsers that is slow to take back
    # (hstspreload.org): opt in with SECURE_HSTS_PRELOAD=true, not by default.
    "security.W021",
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Everything to the console (the twelve-factor way), each line with its request id.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.log_context.RequestIdFilter"}},
    "formatters": {
        "default": {"format": "{asctime} {levelname} {name} [{request_id}] {message}", "style": "{"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "default",
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Django's own loggers go to the root handler too (and only there).
    "loggers": {"django": {"handlers": [], "level": "INFO", "propagate": True}},
}
