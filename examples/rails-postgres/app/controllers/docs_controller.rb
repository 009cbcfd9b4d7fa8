# The API's own documentation: the OpenAPI document and a Swagger UI page for it.
class DocsController < ActionController::API
  # GET /openapi.yaml: docs/openapi.yaml, byte for byte.
  def openapi
    send_file Rails.root.join("docs/openapi.yaml"), type: "application/yaml", disposition: :inline
  end

  # GET /docs: Swagger UI (from a CDN) reading /openapi.yaml.
  def show
    send_file Rails.root.join("app/views/docs/show.html"), type: "text/html; charset=utf-8", disposition: :inline
  end
end
