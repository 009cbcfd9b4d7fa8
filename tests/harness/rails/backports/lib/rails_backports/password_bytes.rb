# has_secure_password counts a password's length in bytes: Rails 7.1.
#
# bcrypt reads only the first 72 bytes. Rails 6.1 validates at most 72 *characters*
# ("is too long (maximum is 72 characters)"), so 40 two-byte characters pass and
# are truncated; 7.1 and later add the error :password_too_long ("is too long")
# when the password has more than 72 bytes.
require "active_model"

module RailsBackports
  module PasswordBytes
    def has_secure_password(attribute = :password, validations: true)
      super
      return unless validations

      # Drop 6.1's character count, and validate bytes as 7.1 does.
      counts = _validate_callbacks.map(&:filter).select do |filter|
        filter.is_a?(ActiveModel::Validations::LengthValidator) && filter.attributes.include?(attribute.to_sym)
      end
      counts.each do |filter|
        skip_callback(:validate, :before, filter)
        _validators[attribute.to_sym].delete(filter)
      end
      validate do |record|
        value = record.public_send(attribute)
        if value.present? && value.bytesize > ActiveModel::SecurePassword::MAX_PASSWORD_LENGTH_ALLOWED
          record.errors.add(attribute, :password_too_long)
        end
      end
    end
  end

  if before?("7.1")
    # Rails 7.1's message, from a locale file: I18n.reload! would drop stored translations.
    I18n.load_path << File.expand_path("password_bytes.en.yml", __dir__)
    ActiveModel::SecurePassword::ClassMethods.prepend(RailsBackports::PasswordBytes)
  end
end
