require "test_helper"

class TasksTest < ActionDispatch::IntegrationTest
  setup do
    @ada = users(:ada)
  end

  test "create returns the task with its Location" do
    post "/api/v1/tasks", params: { title: "  Plan the week  ", dueDate: "2026-12-24", id: "999", createdAt: "2000-01-01T00:00:00Z", color: "red" },
      headers: auth_headers(@ada), as: :json

    assert_response :created
    assert_equal "Plan the week", json["title"]
    assert_equal "todo", json["status"]
    assert_equal "2026-12-24", json["dueDate"]
    assert_nil json["description"]
    assert_not_equal "999", json["id"]
    assert_not_equal "2000-01-01T00:00:00Z", json["createdAt"]
    assert_equal "/api/v1/tasks/#{json["id"]}", response.headers["Location"]
    assert_equal @ada, Task.find(json["id"]).user
  end

  test "create validates every field and names them as on the wire" do
    post "/api/v1/tasks", params: { title: "   ", status: "someday", dueDate: "next week", description: "x" * 2001 },
      headers: auth_headers(@ada), as: :json

    assert_invalid_fields "title", "status", "dueDate", "description"
  end

  test "an empty or blank description is stored as null" do
    [ "", "   " ].each do |description|
      post "/api/v1/tasks", params: { title: "Blank", description: description }, headers: auth_headers(@ada), as: :json

      assert_response :created
      assert_nil json["description"]
      assert_nil Task.find(json["id"]).description
    end
  end

  test "fields of the wrong JSON type are a 422, not converted or dropped" do
    post "/api/v1/tasks", params: { title: true, description: 42, status: [ "done" ], dueDate: { year: 2026 } },
      headers: auth_headers(@ada), as: :json
    assert_invalid_fields "title", "description", "status", "dueDate"

    task = tasks(:write_notes)
    patch "/api/v1/tasks/#{task.id}", params: { status: [ "done" ] }, headers: auth_headers(@ada), as: :json
    assert_invalid_fields "status"
    assert_equal "todo", task.reload.status

    get "/api/v1/tasks", params: { status: [ "todo" ] }, headers: auth_headers(@ada)
    assert_invalid_fields "status"
  end

  test "show, update and delete a task" do
    task = tasks(:write_notes)

    get "/api/v1/tasks/#{task.id}", headers: auth_headers(@ada)
    assert_response :ok
    assert_equal "Write the notes", json["title"]

    patch "/api/v1/tasks/#{task.id}", params: { status: "done", dueDate: nil }, headers: auth_headers(@ada), as: :json
    assert_response :ok
    assert_equal "done", json["status"]
    assert_nil json["dueDate"]
    assert_equal "Write the notes", json["title"]

    delete "/api/v1/tasks/#{task.id}", headers: auth_headers(@ada)
    assert_response :no_content
    assert_empty response.body
    assert_not Task.exists?(task.id)
  end

  test "another user's task, an unknown id and a malformed id are all 404" do
    [ tasks(:compile).id, 0, "abc", "12abc" ].each do |id|
      get "/api/v1/tasks/#{id}", headers: auth_headers(@ada)
      assert_problem :not_found

      patch "/api/v1/tasks/#{id}", params: { title: "Mine now" }, headers: auth_headers(@ada), as: :json
      assert_problem :not_found
    end
    assert_equal "Write a compiler", tasks(:compile).reload.title
  end

  test "list pages, filters and sorts in the database" do
    get "/api/v1/tasks", params: { pageSize: 2 }, headers: auth_headers(@ada)

    assert_response :ok
    assert_equal 1, json["page"]
    assert_equal 2, json["pageSize"]
    assert_equal 3, json["totalItems"]
    assert_equal 2, json["totalPages"]
    assert_equal [ "Publish", "Run the engine" ], json["items"].map { |task| task["title"] }

    get "/api/v1/tasks", params: { page: 2, pageSize: 2 }, headers: auth_headers(@ada)
    assert_equal [ "Write the notes" ], json["items"].map { |task| task["title"] }

    get "/api/v1/tasks", params: { status: "doing" }, headers: auth_headers(@ada)
    assert_equal [ "Run the engine" ], json["items"].map { |task| task["title"] }

    get "/api/v1/tasks", params: { sort: "title" }, headers: auth_headers(@ada)
    assert_equal [ "Publish", "Run the engine", "Write the notes" ], json["items"].map { |task| task["title"] }

    get "/api/v1/tasks", params: { sort: "dueDate" }, headers: auth_headers(@ada)
    assert_equal [ "2026-11-30", "2026-12-01", nil ], json["items"].map { |task| task["dueDate"] }
  end

  test "tasks without a due date come last in both directions" do
    get "/api/v1/tasks", params: { sort: "-dueDate" }, headers: auth_headers(@ada)

    assert_equal [ "2026-12-01", "2026-11-30", nil ], json["items"].map { |task| task["dueDate"] }
  end

  test "titles sort by code point, capitals first, whatever the database's collation" do
    %w[ apple Banana ähnlich ].each { |title| @ada.tasks.create!(title: title) }

    get "/api/v1/tasks", params: { sort: "title", pageSize: 100 }, headers: auth_headers(@ada)
    titles = json["items"].map { |task| task["title"] }
    assert_equal titles.sort, titles
    assert_operator titles.index("Banana"), :<, titles.index("apple")
    assert_operator titles.index("apple"), :<, titles.index("ähnlich")

    get "/api/v1/tasks", params: { sort: "-title", pageSize: 100 }, headers: auth_headers(@ada)
    assert_equal titles.reverse, json["items"].map { |task| task["title"] }
  end

  test "list refuses parameters out of range" do
    get "/api/v1/tasks", params: { page: 0, pageSize: 101, status: "later", sort: "priority" }, headers: auth_headers(@ada)

    assert_invalid_fields "page", "pageSize", "status", "sort"
  end
end
