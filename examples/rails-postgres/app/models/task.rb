class Task < ApplicationRecord
  STATUSES = %w[ todo doing done ].freeze

  belongs_to :user

  before_validation :strip_title

  validates :title, presence: true, length: { maximum: 200 }
  validates :description, length: { maximum: 2000 }, allow_nil: true
  validates :status, inclusion: { in: STATUSES, message: "must be one of: #{STATUSES.join(", ")}" }
  validate :due_date_is_a_date

  private
    def strip_title
      self.title = title.strip if title.is_a?(String)
    end

    # Active Record turns an unparseable date into nil; say so instead of dropping it.
    def due_date_is_a_date
      raw = due_date_before_type_cast
      return if raw.nil? || raw.is_a?(Date)
      return if raw.to_s.match?(/\A\d{4}-\d{2}-\d{2}\z/) && due_date.present?

      errors.add(:due_date, "must be a date as YYYY-MM-DD")
    end
end
