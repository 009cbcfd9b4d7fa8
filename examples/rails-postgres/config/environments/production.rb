require "active_support/core_ext/integer/time"

Rails.application.configure do
  # Settings specified here will take precedence over those in config/application.rb.

  # Code is not reloaded between requests.
  config.enable_reloading = false

  # Eager load code on boot for better performance and memory savings (ignored by Rake tasks).
  config.eager_load = true

  # Assume all access to the app is happening through a SSL-terminating reverse proxy.
  config.assume_ssl = true

  # Force all access to the app over SSL and send Strict-Transport-Security.
  config.force_ssl = true

  # Answer only to the host names in ALLOWED_HOSTS (DNS rebinding and Host header
  # attacks); /health stays open to the load balancer's checks, which use an IP.
  # Refused like every other error: a problem+json body.
  config.hosts = ENV.fetch("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",").map(&:strip)
  config.host_authorization = {
    exclude: ->(request) { request.path == "/health" },
    response_app: ->(_env) do
      body = { type: "about:blank", title: "Forbidden", status: 403, detail: "This host name is not served here (ALLOWED_HOSTS)." }
      [ 403, { "content-type" => "application/problem+json" }, [ body.to_json ] ]
    end
  }

  # Rails.cache (the login rate limit counts there): on disk, so all Puma workers of
  # one machine share it. Several machines would share a Redis or Solid Cache instead.
  config.cache_store = :file_store, Rails.root.join("tmp/cache")

  # Log to STDOUT (the container's log), tagged with the request id (config/application.rb).
  config.logger = ActiveSupport::TaggedLogging.new(ActiveSupport::Logger.new($stdout))

  # Change to "debug" to log everything (including potentially personally-identifiable information!).
  config.log_level = ENV.fetch("RAILS_LOG_LEVEL", "info")

  # Don't log any deprecations.
  config.active_support.report_deprecations = false

  # Do not dump schema after migrations.
  config.active_record.dump_schema_after_migration = false
end
