# bin/rails db:seed (make seed): the demo account and five tasks.
# Safe to run again: it finds what exists instead of creating duplicates.
#
# Demo data is for development: `bin/rails db:prepare` (the Docker image's start)
# runs this file when it creates a database, and a production database must not
# start with a known account and password.
unless Rails.env.development? || Rails.env.test?
  puts "Not seeding the demo account in #{Rails.env}."
  return
end

demo = User.find_or_initialize_by(email: "demo@example.com")
demo.update!(name: "Demo User", password: "password123") if demo.new_record?

[
  { title: "Read the README", status: "done", due_date: nil },
  { title: "Run the test suite", status: "done", due_date: nil },
  { title: "Explore the API docs at /docs", status: "doing", due_date: Date.new(2026, 12, 1) },
  { title: "Add a field to tasks with a migration", status: "todo", due_date: Date.new(2026, 12, 15) },
  { title: "Deploy the API", status: "todo", due_date: nil }
].each do |attributes|
  demo.tasks.find_or_create_by!(title: attributes[:title]) do |task|
    task.assign_attributes(attributes)
  end
end

puts "Seeded #{demo.email} (password: password123) with #{demo.tasks.count} tasks."
