# The API speaks JSON with camelCase keys; Ruby code uses snake_case.
# - A request body that is not application/json is refused with 415.
# - Parameter names arrive camelCase (dueDate, pageSize) and are underscored
#   here once, so controllers and models only ever see due_date and page_size.
# - typed_params checks each field's JSON type before strong parameters see it.
module JsonRequests
  extend ActiveSupport::Concern

  # A field whose JSON type is not the one the contract gives it.
  class WrongType < StandardError
    attr_reader :fields

    def initialize(fields)
      @fields = fields
      super("wrong JSON type for #{fields.keys.join(", ")}")
    end
  end

  included do
    before_action :require_json_body, if: :request_body?
    before_action :underscore_params

    rescue_from WrongType do |error|
      errors = error.fields.map { |name, message| { field: name.to_s.camelize(:lower), message: message } }
      render_problem 422, "The request has #{errors.size == 1 ? "an invalid field" : "invalid fields"}.", errors: errors
    end
  end

  private
    def request_body?
      request.content_length.to_i.positive? || request.headers["Transfer-Encoding"].present?
    end

    def require_json_body
      media_type = request.media_type.to_s
      return if media_type == "application/json" || media_type.end_with?("+json")

      render_problem :unsupported_media_type, "Send the request body as application/json."
    end

    def underscore_params
      params.deep_transform_keys!(&:underscore)
    end

    # The permitted fields, after checking that each one present is a JSON string
    # (or null, for `nullable`). Strong parameters alone would silently drop an array
    # or an object, and Active Record would store `true` as "t": the contract makes
    # a wrong type a 422 naming the field instead.
    def typed_params(strings: [], nullable: [])
      wrong = (strings + nullable).filter_map do |name|
        next unless params.key?(name)

        value = params[name]
        next if value.is_a?(String) || (value.nil? && nullable.include?(name))

        [ name, nullable.include?(name) ? "must be a string or null" : "must be a string" ]
      end
      raise WrongType, wrong.to_h if wrong.any?

      params.permit(*strings, *nullable)
    end
end
