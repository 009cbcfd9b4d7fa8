require "test_helper"

class MetaTest < ActionDispatch::IntegrationTest
  test "health reports the database" do
    get "/health"

    assert_response :ok
    assert_equal({ "status" => "ok", "checks" => { "database" => "ok" } }, json)
  end

  test "health is 503 when the database cannot be reached" do
    # Simulate the outage on this test's connection only, then restore it.
    connection = ActiveRecord::Base.connection
    def connection.select_value(*)
      raise ActiveRecord::ConnectionNotEstablished, "database is down"
    end
    begin
      get "/health"
    ensure
      connection.singleton_class.remove_method(:select_value)
    end

    assert_response :service_unavailable
    assert_equal({ "status" => "error", "checks" => { "database" => "error" } }, json)
  end

  test "the OpenAPI document is served byte for byte, with a viewer" do
    get "/openapi.yaml"
    assert_response :ok
    assert_equal "application/yaml", response.media_type
    assert_equal Rails.root.join("docs/openapi.yaml").binread, response.body

    get "/docs"
    assert_response :ok
    assert_includes response.body, "swagger-ui"
  end
end
