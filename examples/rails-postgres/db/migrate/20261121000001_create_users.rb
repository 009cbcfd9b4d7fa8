class CreateUsers < ActiveRecord::Migration[8.1]
  def change
    create_table :users do |t|
      t.string :email, null: false
      t.string :name
      t.string :password_digest, null: false

      t.timestamps
    end
    # E-mails are stored lower-cased, so a plain unique index is case-insensitive.
    add_index :users, :email, unique: true
  end
end
