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

SECRET_KEY = env("SECRET_KEY")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

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
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A custom user model from the first migration, as Django recommends:
# the e-mail address is the login.
AUTH_USER_MODEL = "accounts.User"
# Passwords are hashed with Django's default hasher (PBKDF2-SHA256).
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
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
