# `config.silence_healthcheck_path = "/health"` and Rails::Rack::SilenceRequest:
# Rails 8.0.
#
# Requests to that one path are served with the logger silenced, so a load
# balancer's checks every few seconds do not bury the log. Rails 6.1 stores the
# unknown setting silently and logs every check.
require "rails"

module RailsBackports
  if before?("8.0")
    # The middleware as Rails 8.0 defines it: silence the logger for one path.
    class SilenceRequest
      def initialize(app, path:)
        @app = app
        @path = path
      end

      def call(env)
        if env["PATH_INFO"] == @path
          Rails.logger.silence { @app.call(env) }
        else
          @app.call(env)
        end
      end
    end

    Rails::Rack::SilenceRequest = SilenceRequest unless defined?(Rails::Rack::SilenceRequest)

    class SilenceHealthcheckRailtie < Rails::Railtie
      # After config/environments/*.rb set it; before the request logger, as 8.0 puts it.
      initializer "rails_backports.silence_healthcheck_path", after: :load_environment_config do |app|
        path = app.config.respond_to?(:silence_healthcheck_path) && app.config.silence_healthcheck_path
        app.config.middleware.insert_before Rails::Rack::Logger, Rails::Rack::SilenceRequest, path: path if path
      end
    end
  end
end
