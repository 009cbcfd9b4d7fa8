module Api
  module V1
    # POST /api/v1/auth/register
    class RegistrationsController < ApplicationController
      allow_unauthenticated_access

      def create
        user = User.new(typed_params(strings: %i[ email password ], nullable: %i[ name ]))
        if user.save
          render json: UserSerializer.new(user), status: :created
        elsif user.errors.of_kind?(:email, :taken)
          render_problem :conflict, "An account with this e-mail already exists."
        else
          render_validation_problem user.errors
        end
      rescue ActiveRecord::RecordNotUnique # another request registered the same e-mail first
        render_problem :conflict, "An account with this e-mail already exists."
      end
    end
  end
end
