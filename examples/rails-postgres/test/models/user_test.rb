require "test_helper"

class UserTest < ActiveSupport::TestCase
  test "stores the password only as a bcrypt hash" do
    user = User.create!(email: "Someone@Example.com", password: "long-enough")

    assert_equal "someone@example.com", user.email
    assert user.password_digest.start_with?("$2a$")
    assert_not_includes user.password_digest, "long-enough"
  end

  test "an access token finds its user until it expires" do
    user = users(:ada)
    token = user.access_token

    assert_equal user, User.find_by_access_token(token)
    assert_nil User.find_by_access_token(token.reverse)
    travel(User::ACCESS_TOKEN_TTL + 1.second) { assert_nil User.find_by_access_token(token) }
  end

  test "a new password revokes every token given before it" do
    user = users(:ada)
    token = user.access_token

    user.update!(password: "a-brand-new-password")
    assert_nil User.find_by_access_token(token)
    assert_equal user, User.find_by_access_token(user.access_token)
  end
end
