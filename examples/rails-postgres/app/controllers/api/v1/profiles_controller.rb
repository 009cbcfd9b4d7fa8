module Api
  module V1
    # GET /api/v1/auth/me: the user the bearer token belongs to.
    class ProfilesController < ApplicationController
      def show
        render json: UserSerializer.new(current_user)
      end
    end
  end
end
