# Keeps a client's X-Request-Id only in the documented form (1-128 of [A-Za-z0-9_-]).
# ActionDispatch::RequestId would otherwise echo what is left after removing the other
# characters, which may be nothing; without the header it generates a fresh id.
class RequestIdGuard
  VALID = /\A[A-Za-z0-9_-]{1,128}\z/

  def initialize(app)
    @app = app
  end

  def call(env)
    id = env["HTTP_X_REQUEST_ID"]
    env.delete("HTTP_X_REQUEST_ID") if id && !VALID.match?(id)
    @app.call(env)
  end
end
