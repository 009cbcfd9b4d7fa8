# Each backport against Rails 6.1, on its own (the generated project's tests use
# them too). Run by tests/test_stack_rails_postgres.py:
#   DATABASE_URL=postgres://... ruby -Ilib test/backports_test.rb
require "minitest/autorun"
require "rails"
require "active_record"
require "action_dispatch"
require "bcrypt"
require "active_support/testing/time_helpers"
require "rails_backports"

ActiveModel::SecurePassword.min_cost = true # bcrypt's cheapest cost: these tests count, not time
ActiveRecord::Base.establish_connection(ENV.fetch("DATABASE_URL"))
ActiveRecord::Migration.verbose = false
ActiveRecord::Schema.define do
  create_table :backport_accounts, force: true do |t|
    t.string :email, null: false
    t.string :password_digest, null: false
    t.string :nickname
    t.string :state, null: false, default: "open"
  end
end

RailsBackports::TokenFor.verifier = ActiveSupport::MessageVerifier.new("a test secret", digest: "SHA256")

class BackportAccount < ActiveRecord::Base
  has_secure_password
  generates_token_for(:access, expires_in: 1.hour) { password_salt.last(10) }
  normalizes :email, with: ->(email) { email.strip.downcase }
  normalizes :nickname, with: ->(nickname) { nickname.presence }
  enum :state, { open: "open", closed: "closed" }, validate: { message: "must be open or closed" }
end

class StrictAccount < ActiveRecord::Base
  self.table_name = "backport_accounts"
  enum :state, { open: "open", closed: "closed" }
end

class AssumeSSLTest < Minitest::Test
  def test_marks_every_request_as_https
    seen = nil
    app = ActionDispatch::AssumeSSL.new(->(env) { seen = ActionDispatch::Request.new(env); [ 200, {}, [] ] })
    app.call(Rack::MockRequest.env_for("http://example.com/health"))

    assert seen.ssl?
    assert_equal "https", seen.scheme
  end
end

class AuthenticateByTest < Minitest::Test
  def setup
    BackportAccount.delete_all
    @account = BackportAccount.create!(email: "ada@example.com", password: "password123")
  end

  def test_finds_the_record_with_the_right_password_only
    assert_equal @account, BackportAccount.authenticate_by(email: "ada@example.com", password: "password123")
    assert_nil BackportAccount.authenticate_by(email: "ada@example.com", password: "wrong")
    assert_nil BackportAccount.authenticate_by(email: "ada@example.com", password: "")
  end

  def test_hashes_the_password_when_no_record_matches
    hashed = 0
    counting = Module.new { define_method(:create) { |*args, **kw| hashed += 1; super(*args, **kw) } }
    BCrypt::Password.singleton_class.prepend(counting)

    assert_nil BackportAccount.authenticate_by(email: "nobody@example.com", password: "password123")
    assert_equal 1, hashed
  end

  def test_wants_a_password_and_a_finder
    assert_raises(ArgumentError) { BackportAccount.authenticate_by(email: "ada@example.com") }
    assert_raises(ArgumentError) { BackportAccount.authenticate_by(password: "password123") }
  end
end

class PasswordBytesTest < Minitest::Test
  def test_counts_bytes_not_characters
    assert BackportAccount.new(email: "a@example.com", password: "a" * 72).valid?

    account = BackportAccount.new(email: "b@example.com", password: "é" * 37) # 37 characters, 74 bytes
    assert_not_valid account
    assert_equal [ "is too long" ], account.errors[:password]
  end

  private
    def assert_not_valid(record)
      assert_equal false, record.valid?
    end
end

class NormalizesTest < Minitest::Test
  def setup
    BackportAccount.delete_all
  end

  def test_normalizes_on_assignment_and_in_finders
    account = BackportAccount.create!(email: "  Ada@Example.COM ", password: "password123", nickname: "  ")

    assert_equal "ada@example.com", account.email
    assert_nil account.nickname
    assert_equal account, BackportAccount.find_by(email: " ADA@example.com")
    assert_equal "bob@example.com", BackportAccount.normalize_value_for(:email, " BOB@example.com ")
  end

  def test_leaves_nil_alone
    assert_nil BackportAccount.new(email: nil).email
  end
end

class EnumValidateTest < Minitest::Test
  def test_an_unknown_value_makes_the_record_invalid_instead_of_raising
    account = BackportAccount.new(email: "c@example.com", password: "password123", state: "someday")

    assert_equal "someday", account.state
    assert_equal false, account.valid?
    assert_equal [ "must be open or closed" ], account.errors[:state]

    account.state = "closed"
    assert account.valid?
    assert account.closed?
  end

  def test_without_validate_the_positional_enum_still_raises
    assert_raises(ArgumentError) { StrictAccount.new(state: "someday") }
    assert_equal %w[ open closed ], StrictAccount.states.keys
  end
end

class RateLimitTest < Minitest::Test
  class LimitedController < ActionController::API
    rate_limit to: 2, within: 1.minute, store: ActiveSupport::Cache::MemoryStore.new, only: :create,
      with: -> { render plain: "slow down", status: :too_many_requests }

    def create = head(:no_content)
    def show = head(:no_content)
  end

  def call(action, ip)
    env = Rack::MockRequest.env_for("/", "REMOTE_ADDR" => ip)
    LimitedController.action(action).call(env).first
  end

  def test_refuses_a_client_over_the_limit_and_only_that_client
    assert_equal [ 204, 204, 429, 429 ], 4.times.map { call(:create, "192.0.2.1") }
    assert_equal 204, call(:create, "192.0.2.2")
    assert_equal 204, call(:show, "192.0.2.1") # only: :create
  end
end

class TokenForTest < Minitest::Test
  include ActiveSupport::Testing::TimeHelpers
  def setup
    BackportAccount.delete_all
    @account = BackportAccount.create!(email: "tok@example.com", password: "password123")
  end

  def test_a_token_finds_its_record_until_it_expires
    token = @account.generate_token_for(:access)

    assert_equal @account, BackportAccount.find_by_token_for(:access, token)
    assert_nil BackportAccount.find_by_token_for(:access, token.reverse)
    travel(1.hour + 1.second) { assert_nil BackportAccount.find_by_token_for(:access, token) }
  end

  def test_a_new_password_revokes_the_tokens
    token = @account.generate_token_for(:access)
    salt = @account.password_salt

    @account.update!(password: "another-password")
    refute_equal salt, @account.password_salt
    assert_nil BackportAccount.find_by_token_for(:access, token)
    assert_equal @account, BackportAccount.find_by_token_for(:access, @account.generate_token_for(:access))
  end
end
