# The query string of GET /api/v1/tasks, validated like a model (bad values are a 422),
# turned into one page read from the database.
class TaskListQuery
  include ActiveModel::Model

  MAX_PAGE_SIZE = 100
  # Each sort key as on the wire, with its SQL order; id breaks ties so pages never overlap.
  SORTS = {
    "createdAt" => { created_at: :asc, id: :asc },
    "-createdAt" => { created_at: :desc, id: :desc },
    "dueDate" => { due_date: :asc, id: :asc },
    "-dueDate" => { due_date: :desc, id: :desc },
    "title" => { title: :asc, id: :asc },
    "-title" => { title: :desc, id: :desc }
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

  # The page of `tasks` this query asks for, and how many tasks match in all:
  # LIMIT/OFFSET and COUNT run in PostgreSQL (the (user_id, created_at) index serves them).
  def paginate(tasks)
    tasks = tasks.where(status: status) if status
    total = tasks.count
    per_page = page_size.to_i
    offset = (page.to_i - 1) * per_page
    # A page past the end is empty without asking; that also keeps a huge page number
    # from overflowing PostgreSQL's bigint OFFSET.
    return [ tasks.none, total ] if offset >= total

    [ tasks.order(SORTS.fetch(sort)).limit(per_page).offset(offset), total ]
  end
end
