# Renders errors as RFC 9457 problem details (application/problem+json):
# {"type", "title", "status", "detail"}, plus "errors" for a validation failure.
module ProblemDetails
  extend ActiveSupport::Concern

  MEDIA_TYPE = "application/problem+json"

  private
    def render_problem(status, detail, errors: nil)
      status = Rack::Utils.status_code(status)
      body = { type: "about:blank", title: Rack::Utils::HTTP_STATUS_CODES[status], status: status, detail: detail }
      body[:errors] = errors if errors
      render json: body, status: status, content_type: MEDIA_TYPE
    end

    # A 422 with one entry per failing attribute, named as on the wire (dueDate, not due_date).
    def render_validation_problem(errors)
      fields = errors.attribute_names.map do |attribute|
        { field: attribute.to_s.camelize(:lower), message: errors.messages_for(attribute).to_sentence }
      end
      render_problem 422, "The request has #{fields.size == 1 ? "an invalid field" : "invalid fields"}.", errors: fields
    end
end
