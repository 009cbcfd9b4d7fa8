require "test_helper"

class AuthTest < ActionDispatch::IntegrationTest
  test "register creates an account with a lower-cased e-mail" do
    post "/api/v1/auth/register", params: { email: " New@Example.COM ", password: "long-enough", name: "New" }, as: :json

    assert_response :created
    assert_equal "new@example.com", json["email"]
    assert_equal "New", json["name"]
    assert_kind_of String, json["id"]
    assert_match(/\A\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\z/, json["createdAt"])
    assert_not json.key?("passwordDigest")
    assert User.find(json["id"]).authenticate("long-enough")
  end

  test "register refuses an e-mail already taken, whatever its case" do
    post "/api/v1/auth/register", params: { email: "ADA@example.com", password: "long-enough" }, as: :json

    assert_problem :conflict
  end

  test "register validates the e-mail and the password length" do
    post "/api/v1/auth/register", params: { email: "not-an-email", password: "short" }, as: :json

    assert_invalid_fields "email", "password"
  end

  test "register takes a password up to bcrypt's 72 bytes, counted in UTF-8" do
    post "/api/v1/auth/register", params: { email: "bytes@example.com", password: "a" * 72 }, as: :json
    assert_response :created

    # 37 characters, 74 bytes: bcrypt would silently ignore the last two.
    post "/api/v1/auth/register", params: { email: "accents@example.com", password: "é" * 37 }, as: :json
    assert_invalid_fields "password"
    assert_not User.exists?(email: "accents@example.com")
  end

  test "a password that differs only after byte 72 does not log in" do
    User.create!(email: "long@example.com", password: "b" * 72)

    post "/api/v1/auth/login", params: { email: "long@example.com", password: "#{"b" * 72}extra" }, as: :json
    assert_problem :unauthorized

    post "/api/v1/auth/login", params: { email: "long@example.com", password: "b" * 72 }, as: :json
    assert_response :ok
  end

  test "fields of the wrong JSON type are a 422, not converted or dropped" do
    post "/api/v1/auth/register", params: { email: [ "x@example.com" ], password: 12345678, name: true }, as: :json
    assert_invalid_fields "email", "password", "name"

    post "/api/v1/auth/login", params: { email: "ada@example.com", password: { value: "password123" } }, as: :json
    assert_invalid_fields "password"
  end

  test "login returns a bearer token that opens /auth/me" do
    post "/api/v1/auth/login", params: { email: "Ada@Example.com", password: "password123" }, as: :json

    assert_response :ok
    assert_equal "Bearer", json["tokenType"]
    assert_equal User::ACCESS_TOKEN_TTL.to_i, json["expiresIn"]

    get "/api/v1/auth/me", headers: { "Authorization" => "Bearer #{json["accessToken"]}" }
    assert_response :ok
    assert_equal users(:ada).id.to_s, json["id"]
    assert_equal "ada@example.com", json["email"]
  end

  test "login refuses a wrong password or an unknown e-mail, and says to use Bearer" do
    post "/api/v1/auth/login", params: { email: "ada@example.com", password: "wrong-password" }, as: :json
    assert_problem :unauthorized
    assert_match(/\ABearer/, response.headers["WWW-Authenticate"])

    post "/api/v1/auth/login", params: { email: "nobody@example.com", password: "password123" }, as: :json
    assert_problem :unauthorized
    assert_match(/\ABearer/, response.headers["WWW-Authenticate"])
  end

  test "login for an unknown e-mail takes as long as a wrong password" do
    # Tests hash with bcrypt's cheapest cost; measure with production's instead.
    ActiveModel::SecurePassword.min_cost = false
    User.create!(email: "timed@example.com", password: "password123")

    elapsed = ->(email) do
      started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
      post "/api/v1/auth/login", params: { email: email, password: "wrong-password" }, as: :json
      assert_problem :unauthorized
      Process.clock_gettime(Process::CLOCK_MONOTONIC) - started
    end
    known, unknown = elapsed.("timed@example.com"), elapsed.("nobody@example.com")

    # Without a dummy hash an unknown e-mail answers in about 1% of the time.
    assert_operator unknown, :>, known / 4, "an unknown e-mail answered in #{unknown}s, a known one in #{known}s"
  ensure
    ActiveModel::SecurePassword.min_cost = true
  end

  test "login attempts are rate limited per client" do
    Rails.configuration.x.login_rate_limit.times do
      post "/api/v1/auth/login", params: { email: "ada@example.com", password: "wrong-password" }, as: :json
      assert_problem :unauthorized
    end

    post "/api/v1/auth/login", params: { email: "ada@example.com", password: "password123" }, as: :json
    assert_problem :too_many_requests

    post "/api/v1/auth/login", params: { email: "ada@example.com", password: "password123" }, as: :json,
      headers: { "REMOTE_ADDR" => "203.0.113.7" }
    assert_response :ok
  end

  test "login without credentials is a validation error" do
    post "/api/v1/auth/login", params: {}, as: :json

    assert_invalid_fields "email", "password"
  end

  test "protected routes want a valid bearer token" do
    [ nil, "Bearer not-a-token", "Basic YWRhOnBhc3N3b3Jk" ].each do |authorization|
      get "/api/v1/auth/me", headers: { "Authorization" => authorization }.compact

      assert_problem :unauthorized
      assert_match(/\ABearer/, response.headers["WWW-Authenticate"])
    end
  end

  test "HEAD on a protected route is authenticated like GET" do
    head "/api/v1/tasks"
    assert_response :unauthorized
    assert_match(/\ABearer/, response.headers["WWW-Authenticate"])

    head "/api/v1/tasks", headers: auth_headers(users(:ada))
    assert_response :ok
  end

  test "tokens expire" do
    token = users(:ada).access_token

    travel User::ACCESS_TOKEN_TTL + 1.minute do
      get "/api/v1/auth/me", headers: { "Authorization" => "Bearer #{token}" }
    end
    assert_problem :unauthorized
  end
end
