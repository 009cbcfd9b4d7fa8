require_relative "boot"

require "rails"
# Only the frameworks an API needs: no views, mailers, jobs, storage or cable.
require "active_model/railtie"
require "active_record/railtie"
require "action_controller/railtie"
require "rails/test_unit/railtie"

# Require the gems listed in Gemfile, including any gems
# you've limited to :test, :development, or :production.
Bundler.require(*Rails.groups)

require_relative "../lib/middleware/request_id_guard"

module MyApi
  class Application < Rails::Application
    # Initialize configuration defaults for originally generated Rails version.
    config.load_defaults 8.1

    # Only loads a smaller set of middleware suitable for API only apps.
    config.api_only = true

    # Timestamps are stored and sent in UTC.
    config.time_zone = "UTC"

    # Every log line carries the request's X-Request-Id, so a client's id finds its logs.
    config.log_tags = [ :request_id ]
    config.middleware.insert_before ActionDispatch::RequestId, RequestIdGuard

    # Login attempts per client IP in 3 minutes (app/controllers/api/v1/sessions_controller.rb).
    config.x.login_rate_limit = Integer(ENV.fetch("LOGIN_RATE_LIMIT", 10))

    # Every error is answered as application/problem+json, in every environment:
    # unrouted paths and exceptions no controller rescued reach ErrorsController.
    # Backtraces go to the log, never into a response.
    config.consider_all_requests_local = false
    config.exceptions_app = ->(env) { ErrorsController.action(:show).call(env) }
  end
end
