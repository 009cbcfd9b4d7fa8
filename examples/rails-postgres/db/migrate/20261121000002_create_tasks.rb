class CreateTasks < ActiveRecord::Migration[8.1]
  def change
    create_table :tasks do |t|
      # No index of its own: the (user_id, created_at) index below serves lookups by user.
      t.references :user, null: false, foreign_key: true, index: false
      t.string :title, null: false
      t.text :description
      t.string :status, null: false, default: "todo"
      t.date :due_date

      t.timestamps
    end
    # A user's tasks in the default order (newest first) come straight from this index.
    add_index :tasks, [ :user_id, :created_at ]
  end
end
