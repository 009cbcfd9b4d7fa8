require "test_helper"

class TaskTest < ActiveSupport::TestCase
  test "trims the title and defaults the status to todo" do
    task = users(:ada).tasks.create!(title: "  Tidy up  ")

    assert_equal "Tidy up", task.title
    assert_equal "todo", task.status
  end

  test "accepts only real YYYY-MM-DD due dates" do
    task = users(:ada).tasks.build(title: "Dated")

    [ "2026-02-30", "31/12/2026", "soon" ].each do |value|
      task.due_date = value
      assert_not task.valid?, "#{value} should be refused"
      assert_includes task.errors[:due_date], "must be a date as YYYY-MM-DD"
    end

    task.due_date = "2026-02-28"
    assert task.valid?
  end

  test "the user's counters follow every create, status change and delete" do
    ada = users(:ada)
    counts = -> { ada.reload.then { |user| [ user.tasks_count("todo"), user.tasks_count("doing"), user.tasks_count("done"), user.tasks_count ] } }
    assert_equal [ 1, 1, 1, 3 ], counts.call

    task = ada.tasks.create!(title: "Counted")
    assert_equal [ 2, 1, 1, 4 ], counts.call

    task.update!(status: "done")
    assert_equal [ 1, 1, 2, 4 ], counts.call

    task.update!(title: "Renamed")
    assert_equal [ 1, 1, 2, 4 ], counts.call

    task.destroy!
    assert_equal [ 1, 1, 1, 3 ], counts.call
    assert_equal({ "todo" => 1, "doing" => 1, "done" => 1 }, ada.tasks.group(:status).count)
  end
end
