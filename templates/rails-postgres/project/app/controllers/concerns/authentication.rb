# Bearer-token authentication: `Authorization: Bearer <accessToken>` from POST /api/v1/auth/login.
# Every action requires a valid token unless its controller says `allow_unauthenticated_access`.
module Authentication
  extend ActiveSupport::Concern
  include ActionController::HttpAuthentication::Token::ControllerMethods

  included do
    before_action :require_authentication
  end

  class_methods do
    def allow_unauthenticated_access(**options)
      skip_before_action :require_authentication, **options
    end
  end

  private
    attr_reader :current_user

    def require_authentication
      @current_user = authenticate_with_http_token { |token, _options| User.find_by_access_token(token) }
      request_authentication "A valid bearer token is required (POST /api/v1/auth/login)." unless @current_user
    end

    # Every 401 says which scheme to use (RFC 9110 §11.6.1, RFC 6750), the login's too.
    def request_authentication(detail)
      response.headers["WWW-Authenticate"] = %(Bearer realm="api")
      render_problem :unauthorized, detail
    end
end
