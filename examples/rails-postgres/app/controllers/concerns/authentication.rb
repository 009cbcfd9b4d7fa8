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
      return if @current_user

      # RFC 6750: tell the client which scheme to use.
      response.headers["WWW-Authenticate"] = %(Bearer realm="api")
      render_problem :unauthorized, "A valid bearer token is required (POST /api/v1/auth/login)."
    end
end
