# A user as the API shows it: camelCase keys, string id, UTC timestamps. Never the password digest.
class UserSerializer
  def initialize(user)
    @user = user
  end

  def as_json(*)
    { id: @user.id.to_s, email: @user.email, name: @user.name, createdAt: @user.created_at.utc.iso8601 }
  end
end
