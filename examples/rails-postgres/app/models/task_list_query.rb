# The query string of GET /api/v1/tasks, validated like a model (bad values are a 422),
# turned into one page read from the database.
class TaskListQuery
  include ActiveModel::Model

  MAX_PAGE_SIZE = 100
  # Each sort key as on the wire, with its SQL order; id breaks ties so pages never overlap.
  # Tasks without a due date come last both ways (PostgreSQL puts NULLs first in a
  # descending order); titles compare by code point, whatever the database's collation.
  TASKS = Task.arel_table
  TITLE = Arel::Nodes::SqlLiteral.new(%("tasks"."title" COLLATE "C"))
  SORTS = {
    "createdAt" => [ TASKS[:created_at].asc, TASKS[:id].asc ],
    "-createdAt" => [ TASKS[:created_at].desc, TASKS[:id].desc ],
    "dueDate" => [ TASKS[:due_date].asc.nulls_last, TASKS[:id].asc ],
    "-dueDate" => [ TASKS[:due_date].desc.nulls_last, TASKS[:id].desc ],
    "title" => [ TITLE.asc, TASKS[:id].asc ],
    "-title" => [ TITLE.desc, TASKS[:id].desc ]
  }.freeze

  attr_writer :page, :page_size, :sort
  attr_accessor :status

  validates :page, numericality: { only_integer: true, greater_than_or_equal_to: 1 }
  validates :page_size, numericality: { only_integer: true, greater_than_or_equal_to: 1, less_than_or_equal_to: MAX_PAGE_SIZE }
  validates :status, inclusion: { in: Task::STATUSES }, allow_nil: true
  validates :sort, inclusion: { in: SORTS.keys }

  def page = @page || "1"
  def page_size = @page_size || "20"
  def sort = @sort || "-createdAt"

  # The page of `user`'s tasks this query asks for, and how many tasks match in all.
  # LIMIT/OFFSET run in PostgreSQL, served by the indexes on (user_id, created_at, id)
  # and (user_id, status, created_at, id); the total comes from the user's per-status
  # counters, because a COUNT would read every matching index entry: 100,000 tasks
  # would make each page about a hundred times slower than 1,000 do.
  def paginate(user)
    tasks = user.tasks
    tasks = tasks.where(status: status) if status
    total = user.tasks_count(status)
    per_page = page_size.to_i
    offset = (page.to_i - 1) * per_page
    # A page past the end is empty without asking; that also keeps a huge page number
    # from overflowing PostgreSQL's bigint OFFSET.
    return [ tasks.none, total ] if offset >= total

    [ tasks.order(*SORTS.fetch(sort)).limit(per_page).offset(offset), total ]
  end
end
