# The API speaks JSON with camelCase keys; Ruby code uses snake_case.
# - A request body that is not application/json is refused with 415.
# - Parameter names arrive camelCase (dueDate, pageSize) and are underscored
#   here once, so controllers and models only ever see due_date and page_size.
module JsonRequests
  extend ActiveSupport::Concern

  included do
    before_action :require_json_body, if: :request_body?
    before_action :underscore_params
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
end
