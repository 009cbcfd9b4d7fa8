# `max_connections:` in config/database.yml: Rails 8.1's name for the pool size
# (`pool:` stays as its alias there).
#
# Rails 6.1 reads only `pool:` and would silently size every pool at 5, whatever
# `max_connections:` says.
require "active_record"
require "active_record/database_configurations"

module RailsBackports
  if before?("8.1")
    module MaxConnections
      # As 8.1 reads it: max_connections, else pool, else 5.
      def max_connections
        configuration_hash.fetch(:max_connections) { configuration_hash.fetch(:pool, 5) }.to_i
      end

      def pool
        max_connections
      end
    end

    ActiveRecord::DatabaseConfigurations::HashConfig.prepend(MaxConnections)
  end
end
