# A task as the API shows it: camelCase keys, string id, UTC timestamps, YYYY-MM-DD dates.
class TaskSerializer
  def initialize(task)
    @task = task
  end

  def as_json(*)
    {
      id: @task.id.to_s,
      title: @task.title,
      description: @task.description,
      status: @task.status,
      dueDate: @task.due_date&.iso8601,
      createdAt: @task.created_at.utc.iso8601,
      updatedAt: @task.updated_at.utc.iso8601
    }
  end
end
