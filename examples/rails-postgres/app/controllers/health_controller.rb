# GET /health: is the app up, and can it reach its database? (503 when it cannot.)
class HealthController < ActionController::API
  def show
    database_ok = database_reachable?
    render json: { status: database_ok ? "ok" : "error", checks: { database: database_ok ? "ok" : "error" } },
      status: database_ok ? :ok : :service_unavailable
  end

  private
    def database_reachable?
      ActiveRecord::Base.connection_pool.with_connection { |connection| connection.select_value("SELECT 1") } == 1
    rescue ActiveRecord::ActiveRecordError, PG::Error
      false
    end
end
