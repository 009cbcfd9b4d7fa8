# Puma serves the app: `bin/rails server` in development, `bundle exec puma` in Docker.
#
# Each worker process has a pool of threads; Active Record's connection pool
# (config/database.yml) has one connection per thread, so RAILS_MAX_THREADS sets both.
threads_count = ENV.fetch("RAILS_MAX_THREADS", 3)
threads threads_count, threads_count

# Specifies the `port` that Puma will listen on to receive requests; default is 3000.
port ENV.fetch("PORT", 3000)

# Allow puma to be restarted by `bin/rails restart` command.
plugin :tmp_restart

# Specify the PID file. Defaults to tmp/pids/server.pid in development.
# In other environments, only set the PID file if requested.
pidfile ENV["PIDFILE"] if ENV["PIDFILE"]
