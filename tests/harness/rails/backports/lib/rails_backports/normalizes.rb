# `normalizes :attribute, with: ->(value) { ... }`: Rails 7.1.
#
# The normalization runs when the attribute is assigned, and on the values given to
# finders (`find_by(email: " Ada@Example.COM ")` looks for "ada@example.com"),
# because it wraps the attribute's type, as Rails 7.1 does. nil is left alone
# unless `apply_to_nil: true`.
require "delegate"
require "active_record"

module RailsBackports
  module Normalizes
    class NormalizedValueType < DelegateClass(ActiveModel::Type::Value)
      def initialize(cast_type:, normalizer:, normalize_nil:)
        super(cast_type)
        @normalizer = normalizer
        @normalize_nil = normalize_nil
      end

      def cast(value)
        normalize(super)
      end

      def serialize(value)
        super(cast(value))
      end

      private
        def normalize(value)
          value.nil? && !@normalize_nil ? value : @normalizer.call(value)
        end
    end

    def normalizes(*names, with:, apply_to_nil: false)
      names.each do |name|
        decorate_attribute_type(name.to_s) do |cast_type|
          NormalizedValueType.new(cast_type: cast_type, normalizer: with, normalize_nil: apply_to_nil)
        end
      end
    end

    def normalize_value_for(name, value)
      type_for_attribute(name).cast(value)
    end
  end

  if before?("7.1")
    ActiveSupport.on_load(:active_record) { extend RailsBackports::Normalizes }
  end
end
