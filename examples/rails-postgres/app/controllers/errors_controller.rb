# The exceptions app (config/application.rb): renders, as problem+json, every error
# that left the router or a controller unhandled: unknown routes, wrong methods,
# malformed JSON, and unexpected exceptions (500, without any internal detail).
class ErrorsController < ActionController::API
  include ProblemDetails

  # Never read the body here: it may be the malformed JSON that brought us here.
  wrap_parameters false

  DETAILS = {
    400 => "The request body is not valid JSON.",
    404 => "There is nothing at this path.",
    405 => "This path does not support this method.",
    500 => "Something went wrong on our side; the request id identifies it in the logs."
  }.freeze
  METHODS = %w[ GET POST PUT PATCH DELETE ].freeze

  def show
    # ShowExceptions rewrote PATH_INFO to "/<status>"; the original path is kept aside.
    status = request.path_info.delete_prefix("/").to_i
    status = 500 unless Rack::Utils::HTTP_STATUS_CODES.key?(status) && status >= 400

    if status == 404 && (allowed = allowed_methods).any?
      response.headers["Allow"] = allowed.join(", ")
      status = 405
    end
    render_problem status, DETAILS.fetch(status) { Rack::Utils::HTTP_STATUS_CODES[status] }
  end

  private
    # A path the router knows with other methods is a 405, not Rails' usual 404.
    def allowed_methods
      path = request.get_header("action_dispatch.original_path")
      return [] if path.blank?

      METHODS.select do |method|
        Rails.application.routes.recognize_path(path, method: method)
      rescue ActionController::RoutingError
        false
      end
    end
end
