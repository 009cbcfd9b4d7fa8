class Task < ApplicationRecord
  STATUSES = %w[ todo doing done ].freeze

  belongs_to :user

  # Each status is stored as its own name. An unknown one makes the task invalid (a 422),
  # where a plain enum would raise on assignment.
  enum :status, STATUSES.index_with(&:itself), validate: { message: "must be one of: #{STATUSES.join(", ")}" }

  normalizes :title, with: ->(title) { title.strip }
  # "" or only spaces means no description: stored and answered as null, as in every
  # stack of the contract (Oracle cannot tell "" from NULL).
  normalizes :description, with: ->(description) { description.presence }

  # The user's count of tasks per status (users.todo_tasks_count...), changed in the
  # same transaction as the task, as Rails' counter_cache does for a plain count.
  after_create { count_as(status, 1) }
  after_update :move_count, if: :saved_change_to_status?
  after_destroy { count_as(status, -1) }

  validates :title, presence: true, length: { maximum: 200 }
  validates :description, length: { maximum: 2000 }, allow_nil: true
  validate :due_date_is_a_date

  private
    def count_as(status, by)
      User.update_counters(user_id, "#{status}_tasks_count" => by)
    end

    def move_count
      count_as(status_before_last_save, -1)
      count_as(status, 1)
    end

    # Active Record turns an unparseable date into nil; say so instead of dropping it.
    def due_date_is_a_date
      raw = due_date_before_type_cast
      return if raw.nil? || raw.is_a?(Date)
      return if raw.to_s.match?(/\A\d{4}-\d{2}-\d{2}\z/) && due_date.present?

      errors.add(:due_date, "must be a date as YYYY-MM-DD")
    end
end
