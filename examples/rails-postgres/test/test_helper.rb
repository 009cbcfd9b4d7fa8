ENV["RAILS_ENV"] ||= "test"
require_relative "../config/environment"
require "rails/test_help"

module ActiveSupport
  class TestCase
    # Run tests in parallel with specified workers
    parallelize(workers: :number_of_processors)

    # Setup all fixtures in test/fixtures/*.yml for all tests in alphabetical order.
    fixtures :all

    # Rate limits count in Rails.cache: each test starts with none spent.
    setup { Rails.cache.clear }
  end
end

module ApiTestHelpers
  # The response body as JSON (problem+json included).
  def json
    JSON.parse(response.body)
  end

  def auth_headers(user)
    { "Authorization" => "Bearer #{user.access_token}" }
  end

  def assert_problem(status)
    assert_response status
    assert_equal "application/problem+json", response.media_type
    assert_equal Rack::Utils.status_code(status), json["status"]
    assert json["title"].present?
    assert json["detail"].present?
  end

  def assert_invalid_fields(*fields)
    assert_problem 422
    assert_equal fields.map(&:to_s).sort, json["errors"].map { |error| error["field"] }.sort
  end
end

class ActionDispatch::IntegrationTest
  include ApiTestHelpers
end
