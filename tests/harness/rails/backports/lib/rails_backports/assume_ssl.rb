# `config.assume_ssl` and ActionDispatch::AssumeSSL: Rails 7.1.
#
# Behind a proxy that terminates TLS, every request is treated as HTTPS, so
# `config.force_ssl` adds HSTS instead of redirecting. Rails 6.1 stores an
# unknown `config.assume_ssl = true` silently and does nothing with it.
require "action_dispatch"

module RailsBackports
  if before?("7.1")
    # The middleware as Rails 7.1 defines it: mark the request as HTTPS.
    class AssumeSSL
      def initialize(app)
        @app = app
      end

      def call(env)
        env["HTTPS"] = "on"
        env["HTTP_X_FORWARDED_PORT"] = "443"
        env["HTTP_X_FORWARDED_PROTO"] = "https"
        env["rack.url_scheme"] = "https"
        @app.call(env)
      end
    end

    ActionDispatch::AssumeSSL = AssumeSSL unless defined?(ActionDispatch::AssumeSSL)

    class AssumeSSLRailtie < Rails::Railtie
      # After config/environments/*.rb set it; first in the stack, before ActionDispatch::SSL.
      initializer "rails_backports.assume_ssl", after: :load_environment_config do |app|
        app.config.middleware.insert_before 0, ActionDispatch::AssumeSSL if app.config.respond_to?(:assume_ssl) && app.config.assume_ssl
      end
    end
  end
end
