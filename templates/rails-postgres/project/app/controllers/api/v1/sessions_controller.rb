module Api
  module V1
    # POST /api/v1/auth/login: e-mail and password in, bearer token out.
    class SessionsController < ApplicationController
      allow_unauthenticated_access

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
