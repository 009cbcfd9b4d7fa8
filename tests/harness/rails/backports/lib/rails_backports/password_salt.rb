# has_secure_password's `password_salt`: Rails 7.1.
#
# The bcrypt salt of the stored digest: it changes whenever the password does, so
# `generates_token_for ... { password_salt.last(10) }` makes tokens die with the password.
require "active_model"
require "bcrypt"

module RailsBackports
  module PasswordSalt
    def has_secure_password(attribute = :password, **options)
      super

      define_method(:"#{attribute}_salt") do
        digest = public_send(:"#{attribute}_digest")
        BCrypt::Password.new(digest).salt if digest.present?
      end
    end
  end

  if before?("7.1")
    ActiveModel::SecurePassword::ClassMethods.prepend(RailsBackports::PasswordSalt)
  end
end
