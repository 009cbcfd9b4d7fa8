class User < ApplicationRecord
  # How long an access token from POST /api/v1/auth/login stays valid.
  ACCESS_TOKEN_TTL = 1.hour

  # bcrypt hash in password_digest; adds `password`, `authenticate(password)` and
  # `User.authenticate_by`. It also refuses a password over bcrypt's 72 bytes ("is too
  # long"): bcrypt would ignore everything after byte 72.
  has_secure_password

  has_many :tasks, dependent: :destroy

  # E-mail comparison is case-insensitive: e-mails are stored trimmed and lower-cased,
  # and finders normalize what they are given the same way (find_by(email: "Ada@...")).
  normalizes :email, with: ->(email) { email.strip.downcase }

  validates :email, presence: true, format: { with: URI::MailTo::EMAIL_REGEXP }, uniqueness: true
  validates :password, length: { minimum: 8 }, allow_nil: true
  validates :name, length: { maximum: 100 }, allow_nil: true

  # How many tasks the user has, of one status or in all: from the counters Task keeps
  # on this row (db/migrate/*_add_task_counters_to_users.rb), not a COUNT over tasks.
  def tasks_count(status = nil)
    statuses = status ? [ status ] : Task::STATUSES
    statuses.sum { |each| self[:"#{each}_tasks_count"] }
  end

  # Access tokens: signed (the key derives from secret_key_base, so tampering breaks
  # them), expiring, and revoked by a new password, whose salt they carry a piece of.
  # No token table is needed.
  generates_token_for :access, expires_in: ACCESS_TOKEN_TTL do
    password_salt.last(10)
  end

  def access_token
    generate_token_for(:access)
  end

  # The user of a valid, unexpired, unrevoked token; nil otherwise.
  def self.find_by_access_token(token)
    find_by_token_for(:access, token)
  end
end
