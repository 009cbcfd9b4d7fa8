# How many tasks each user has of each status, kept up to date by Task (a counter
# cache per status): the list's totalItems reads one row instead of counting up to
# every task the user has.
class AddTaskCountersToUsers < ActiveRecord::Migration[8.1]
  def change
    change_table :users, bulk: true do |t|
      t.integer :todo_tasks_count, null: false, default: 0
      t.integer :doing_tasks_count, null: false, default: 0
      t.integer :done_tasks_count, null: false, default: 0
    end

    reversible do |direction|
      direction.up do
        execute <<~SQL
          UPDATE users SET
            todo_tasks_count = (SELECT count(*) FROM tasks WHERE tasks.user_id = users.id AND status = 'todo'),
            doing_tasks_count = (SELECT count(*) FROM tasks WHERE tasks.user_id = users.id AND status = 'doing'),
            done_tasks_count = (SELECT count(*) FROM tasks WHERE tasks.user_id = users.id AND status = 'done')
        SQL
      end
    end
  end
end
