# `enum :status, { ... }, validate: true`: the positional form is Rails 7.0, the
# `validate:` option Rails 7.1.
#
# Without `validate:`, assigning a value outside the enum raises ArgumentError (a 500
# in a controller); with it, the value is kept and the record is invalid instead, with
# an inclusion error on the attribute (`validate: { message: ... }` passes options to
# validates_inclusion_of, as in 7.1).
require "set"
require "active_record"

module RailsBackports
  module EnumValidate
    # The mappings of the enums declared with `validate:`; their EnumType does not raise.
    VALIDATED = Set.new.compare_by_identity

    module Definition
      def enum(name = nil, values = nil, **options)
        return super(**options) if name.nil? # Rails 6.1's own `enum status: {...}`

        validate = options.delete(:validate)
        renamed = options.to_h { |key, value| [ %i[ prefix suffix scopes default ].include?(key) ? :"_#{key}" : key, value ] }
        super(name => values, **renamed)
        return unless validate

        VALIDATED << defined_enums.fetch(name.to_s)
        validates_inclusion_of name, in: defined_enums.fetch(name.to_s).keys, **(validate == true ? {} : validate)
      end
    end

    module Type
      def cast(value)
        return value if validated? && !value.blank? && !mapping.key?(value) && !mapping.value?(value)

        super
      end

      def assert_valid_value(value)
        super unless validated?
      end

      private
        def validated?
          VALIDATED.include?(mapping)
        end
    end
  end

  if before?("7.1")
    ActiveSupport.on_load(:active_record) do
      singleton_class.prepend(RailsBackports::EnumValidate::Definition)
      ActiveRecord::Enum::EnumType.prepend(RailsBackports::EnumValidate::Type)
    end
  end
end
