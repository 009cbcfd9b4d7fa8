class Task < ApplicationRecord
  STATUSES = %w[ todo doing done ].freeze

  belongs_to :user

  before_validation :strip_title, :blank_description_to_nil

  # The user's count of tasks per status (users.todo_tasks_count...), changed in the
  # same transaction as the task, as Rails' counter_cache does for a plain count.
  after_create { count_as(status, 1) }
  after_update :move_count, if: :saved_change_to_status?
  after_destroy { count_as(status, -1) }

  validates :title, presence: true, length: { maximum: 200 }
  validates :description, length: { maximum: 2000 }, allow_nil: true
  validates :status, inclusion: { in: STATUSES, message: "must be one of: #{STATUSES.join(", ")}" }
  validate :due_date_is_a_date

  private
    def count_as(status, by)
      User.update_counters(user_id, "#{status}_tasks_count" => by)
    end

    def move_count
      count_as(status_before_last_save, -1)
      count_as(status, 1)
    end

    def strip_title
      self.title = title.strip if title.is_a?(String)
    end

    # "" or only spaces means no description: stored and answered as null, as in
    # every stack of the contract (Oracle cannot tell "" from NULL).
    def blank_description_to_nil
      self.description = nil if description.blank?
    end

    # Active Record turns an unparseable date into nil; say so instead of dropping it.
    def due_date_is_a_date
      raw = due_date_before_type_cast
      return if raw.nil? || raw.is_a?(Date)
      return if raw.to_s.match?(/\A\d{4}-\d{2}-\d{2}\z/) && due_date.present?

      errors.add(:due_date, "must be a date as YYYY-MM-DD")
    end
end
