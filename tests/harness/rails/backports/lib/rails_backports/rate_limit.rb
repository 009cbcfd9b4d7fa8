# `rate_limit to:, within:` in controllers: Rails 7.2.
#
# Counts requests per client (by: the remote IP by default) in the cache store and
# answers with `with:` (default: head 429) once a client has made more than `to:`
# within `within:`. Rails 6.1's cache stores increment only existing keys and restart
# the expiry on each write, so here the first request writes the key and the window
# slides with every request; 7.2 counts in a fixed window. Either way, more than `to:`
# requests in any `within:` get refused.
require "action_controller"

module RailsBackports
  module RateLimit
    # The store defaults to the controller's cache store, Rails.cache for an
    # ActionController::API one (7.2.2 fixed that case: API controllers have no cache_store).
    def rate_limit(to:, within:, by: -> { request.remote_ip }, with: -> { head :too_many_requests },
                   store: nil, name: nil, **options)
      store ||= respond_to?(:cache_store) ? cache_store : Rails.cache
      before_action(**options) do
        key = [ "rate-limit", controller_path, name, instance_exec(&by) ].compact.join(":")
        count = store.increment(key, 1, expires_in: within)
        count ||= store.write(key, 1, expires_in: within) && 1
        instance_exec(&with) if count && count > to
      end
    end
  end

  if before?("7.2")
    ActiveSupport.on_load(:action_controller) { extend RailsBackports::RateLimit }
  end
end
