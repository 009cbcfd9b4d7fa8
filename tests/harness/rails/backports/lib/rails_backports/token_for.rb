# `generates_token_for` / `find_by_token_for` / `generate_token_for`: Rails 7.1.
#
# A signed token holding the record's id and, when given, the block's value at the
# time it was made; it expires after `expires_in`, and it no longer finds the record
# once the block's value has changed (e.g. the password salt, after a new password).
require "active_record"

module RailsBackports
  module TokenFor
    Definition = Struct.new(:defining_class, :purpose, :expires_in, :block) do
      def full_purpose
        @full_purpose ||= [ defining_class.name, purpose, expires_in ].join("\n")
      end

      def payload_for(model)
        block ? [ model.id, model.instance_eval(&block).as_json ] : [ model.id ]
      end

      def generate_token(model)
        verifier.generate(payload_for(model), expires_in: expires_in, purpose: full_purpose)
      end

      def resolve_token(token)
        payload = verifier.verified(token, purpose: full_purpose)
        model = yield(payload[0]) if payload
        model if model && payload_for(model) == payload
      end

      private
        def verifier
          TokenFor.verifier
        end
    end

    # The application's verifier for these tokens, as Rails 7.1's railtie sets it.
    class << self
      attr_writer :verifier

      def verifier
        @verifier || Rails.application.message_verifier("active_record/token_for")
      end
    end

    module ClassMethods
      def generates_token_for(purpose, expires_in: nil, &block)
        self.token_definitions = token_definitions.merge(purpose => Definition.new(self, purpose, expires_in, block))
      end

      def find_by_token_for(purpose, token)
        token_definitions.fetch(purpose).resolve_token(token) { |id| find_by(primary_key => id) }
      end

      def find_by_token_for!(purpose, token)
        find_by_token_for(purpose, token) || raise(ActiveSupport::MessageVerifier::InvalidSignature)
      end
    end

    def generate_token_for(purpose)
      self.class.token_definitions.fetch(purpose).generate_token(self)
    end
  end

  if before?("7.1")
    ActiveSupport.on_load(:active_record) do
      class_attribute :token_definitions, instance_accessor: false, instance_predicate: false, default: {}
      extend RailsBackports::TokenFor::ClassMethods
      include RailsBackports::TokenFor
    end
  end
end
