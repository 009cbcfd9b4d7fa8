"""gunicorn's settings for the Docker image (gunicorn reads ./gunicorn.conf.py itself)."""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
accesslog = "-"  # access log on stdout, next to the app's log
# No control socket (`gunicornc`): nothing in the container uses it, and the
# non-root user has no home directory to put it in.
control_socket_disable = True
