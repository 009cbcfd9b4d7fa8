# Cross-Origin Resource Sharing: which browser front ends may call the API.
# CORS_ORIGINS is a comma-separated list of origins.
#
# Read more: https://github.com/cyu/rack-cors

# After ActionDispatch::RequestId, so preflight answers carry X-Request-Id too.
Rails.application.config.middleware.insert_after ActionDispatch::RequestId, Rack::Cors do
  allow do
    origins ENV.fetch("CORS_ORIGINS", "http://localhost:3000,http://localhost:5173").split(",").map(&:strip)

    resource "*",
      headers: :any,
      methods: %i[ get post patch delete options head ],
      expose: %w[ Location X-Request-Id ],
      max_age: 600
  end
end
