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

  test "login refuses a wrong password or an unknown e-mail" do
    post "/api/v1/auth/login", params: { email: "ada@example.com", password: "wrong-password" }, as: :json
    assert_problem :unauthorized

    post "/api/v1/auth/login", params: { email: "nobody@example.com", password: "password123" }, as: :json
    assert_problem :unauthorized
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

  test "tokens expire" do
    token = users(:ada).access_token

    travel User::ACCESS_TOKEN_TTL + 1.minute do
      get "/api/v1/auth/me", headers: { "Authorization" => "Bearer #{token}" }
    end
    assert_problem :unauthorized
  end
end
