"""gunicorn's settings (it reads ./gunicorn.conf.py itself): `make serve` and the Docker image.

Sized for a small container from the environment. Each worker is a process
with GUNICORN_THREADS threads; each thread keeps one database connection
(CONN_MAX_AGE), so the app holds WEB_CONCURRENCY x GUNICORN_THREADS connections.
"""

import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104
# Processes: about one or two per CPU core the container gets.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Threads per process (gthread worker): a thread waiting on PostgreSQL leaves the
# CPU to the next request.
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Load the app once, before forking: a broken configuration (a missing or
# placeholder SECRET_KEY) then stops gunicorn with its one-line reason instead
# of workers failing to boot over and over; the workers share its memory.
preload_app = True
# A request that takes longer is cut off and its worker replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
accesslog = "-"  # access log on stdout, next to the app's log
# No control socket (`gunicornc`): nothing in the container uses it, and the
# non-root user has no home directory to put it in.
control_socket_disable = True
