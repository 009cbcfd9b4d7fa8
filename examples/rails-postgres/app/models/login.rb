# The credentials of POST /api/v1/auth/login, validated like a model.
class Login
  include ActiveModel::Model

  attr_accessor :email, :password

  validates :email, :password, presence: true

  # The user these credentials belong to, or nil when they are wrong. authenticate_by
  # hashes the password even when no user has this e-mail, so an unknown e-mail takes
  # as long as a wrong password: the answer's timing does not tell who has an account.
  def user
    # bcrypt compares only the first 72 bytes, and registration refuses longer
    # passwords: a longer one can never be right.
    return if password.to_s.bytesize > ActiveModel::SecurePassword::MAX_PASSWORD_LENGTH_ALLOWED

    User.authenticate_by(email: email, password: password.to_s)
  end
end
