# Turns the exceptions a controller can expect into problem+json answers.
# Anything else reaches ErrorsController (config.exceptions_app) as a 500.
module ErrorHandling
  extend ActiveSupport::Concern
  include ProblemDetails

  included do
    rescue_from ActiveRecord::RecordNotFound do
      render_problem :not_found, "No such #{controller_name.singularize} here."
    end

    rescue_from ActiveRecord::RecordInvalid do |error|
      render_validation_problem error.record.errors
    end

    rescue_from ActiveModel::ValidationError do |error|
      render_validation_problem error.model.errors
    end

    rescue_from ActionDispatch::Http::Parameters::ParseError do
      render_problem :bad_request, "The request body is not valid JSON."
    end
  end
end
