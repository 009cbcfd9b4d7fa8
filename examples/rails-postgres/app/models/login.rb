# The credentials of POST /api/v1/auth/login, validated like a model.
class Login
  include ActiveModel::Model

  attr_accessor :email, :password

  validates :email, :password, presence: true

  # The user these credentials belong to, or nil when they are wrong.
  def user
    found = User.find_by(email: User.normalize_email(email))
    found if found&.authenticate(password.to_s)
  end
end
