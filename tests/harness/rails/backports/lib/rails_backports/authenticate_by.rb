# `authenticate_by` on models with has_secure_password: Rails 7.1.
#
# Finds the record by the non-password attributes and checks the password; when
# no record matches, it still hashes the password, so both cases take as long.
require "active_record"

module RailsBackports
  module AuthenticateBy
    def authenticate_by(attributes)
      passwords, identifiers = attributes.to_h.partition do |name, _value|
        !has_attribute?(name) && has_attribute?("#{name}_digest")
      end.map(&:to_h)

      raise ArgumentError, "One or more password arguments are required" if passwords.empty?
      raise ArgumentError, "One or more finder arguments are required" if identifiers.empty?
      return if passwords.any? { |_name, value| value.nil? || value.empty? }

      if (record = find_by(identifiers))
        record if passwords.count { |name, value| record.public_send(:"authenticate_#{name}", value) } == passwords.size
      else
        new(passwords) # hashes each password: the same work as a wrong one
        nil
      end
    end
  end

  if before?("7.1")
    ActiveSupport.on_load(:active_record) { extend RailsBackports::AuthenticateBy }
  end
end
