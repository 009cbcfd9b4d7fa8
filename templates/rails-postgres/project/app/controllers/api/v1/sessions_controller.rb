module Api
  module V1
    # POST /api/v1/auth/login: e-mail and password in, bearer token out.
    class SessionsController < ApplicationController
      allow_unauthenticated_access

      # Password guessing gets slow: LOGIN_RATE_LIMIT attempts (10 unless set) per client
      # IP in 3 minutes, counted in Rails.cache, then 429 until the window has passed.
      rate_limit to: Rails.configuration.x.login_rate_limit, within: 3.minutes, only: :create,
        with: -> { render_problem :too_many_requests, "Too many login attempts: try again in a few minutes." }

      def create
        login = Login.new(typed_params(strings: %i[ email password ]))
        login.validate!

        if (user = login.user)
          render json: { accessToken: user.access_token, tokenType: "Bearer", expiresIn: User::ACCESS_TOKEN_TTL.to_i }
        else
          request_authentication "The e-mail or the password is wrong."
        end
      end
    end
  end
end
