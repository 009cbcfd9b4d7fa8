# Access tokens are signed with secret_key_base (SECRET_KEY_BASE in production).
# Refuse to boot in production without a real one: the placeholder of .env.example
# is public, so anyone could forge a token with it.
if Rails.env.production?
  secret = ENV["SECRET_KEY_BASE"].presence || Rails.application.credentials.secret_key_base
  if secret.blank? || secret.start_with?("replace-with")
    abort "SECRET_KEY_BASE is missing or still the placeholder of .env.example: " \
          "set it to the output of `bin/rails secret` (make setup writes one into .env)."
  end
end
