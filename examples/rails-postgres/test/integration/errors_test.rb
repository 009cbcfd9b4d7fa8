require "test_helper"

class ErrorsTest < ActionDispatch::IntegrationTest
  test "an unknown route is a problem+json 404" do
    get "/no/such/path"

    assert_problem :not_found
  end

  test "a known route with another method is a 405 that says which methods it allows" do
    delete "/health"
    assert_problem :method_not_allowed
    assert_equal "GET", response.headers["Allow"]

    put "/api/v1/tasks/1", params: { title: "x" }, as: :json
    assert_problem :method_not_allowed
    assert_equal "GET, PATCH, DELETE", response.headers["Allow"]
  end

  test "a body that is not JSON is a 400" do
    post "/api/v1/auth/login", params: '{"email": ', headers: { "Content-Type" => "application/json" }

    assert_problem :bad_request
  end

  test "a body that is not application/json is a 415" do
    post "/api/v1/auth/login", params: "email=ada@example.com", headers: { "Content-Type" => "application/x-www-form-urlencoded" }

    assert_problem :unsupported_media_type
  end

  test "every response carries X-Request-Id, echoed when the client sends one" do
    get "/health", headers: { "X-Request-Id" => "trace-123" }
    assert_equal "trace-123", response.headers["X-Request-Id"]

    get "/no/such/path"
    assert response.headers["X-Request-Id"].present?
  end

  test "CORS allows the configured front-end origins" do
    options "/api/v1/tasks", headers: { "Origin" => "http://localhost:5173", "Access-Control-Request-Method" => "POST" }

    assert_equal "http://localhost:5173", response.headers["Access-Control-Allow-Origin"]

    options "/api/v1/tasks", headers: { "Origin" => "http://evil.example", "Access-Control-Request-Method" => "POST" }
    assert_nil response.headers["Access-Control-Allow-Origin"]
  end
end
