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
end
