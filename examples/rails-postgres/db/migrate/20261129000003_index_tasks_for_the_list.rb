# The task list (GET /api/v1/tasks) reads one page in index order and counts the
# matching tasks from the index alone, however many tasks a user has.
class IndexTasksForTheList < ActiveRecord::Migration[8.1]
  def change
    # ?status=todo&sort=-createdAt: one user's tasks of one status, newest first.
    add_index :tasks, [ :user_id, :status, :created_at, :id ]

    # Without a filter: id breaks ties in the order, so it belongs in the index too.
    remove_index :tasks, [ :user_id, :created_at ]
    add_index :tasks, [ :user_id, :created_at, :id ]
  end
end
