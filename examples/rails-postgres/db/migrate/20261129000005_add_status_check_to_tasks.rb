# The database refuses a status the Task enum does not know, whoever writes the row
# (a SQL console, a bulk import, another app): the enum's validation guards only
# what goes through the model.
class AddStatusCheckToTasks < ActiveRecord::Migration[8.1]
  def change
    add_check_constraint :tasks, "status IN ('todo', 'doing', 'done')", name: "tasks_status_check"
  end
end
