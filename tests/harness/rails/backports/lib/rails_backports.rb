# Loaded by Bundler.require (config/application.rb) when the harness runs a generated
# project on Debian's Rails 6.1. Each file backports ONE feature of a later Rails,
# and only when the running Rails lacks it, so the same application code runs on
# 6.1 here and on 8.1 for learners. Every shim names the feature and the Rails
# release that introduced it; tests/harness/rails/backports/test/ tests each one.
require "rails"

module RailsBackports
  def self.before?(version)
    Gem::Version.new(Rails.version) < Gem::Version.new(version)
  end
end

require "rails_backports/assume_ssl"
require "rails_backports/authenticate_by"
require "rails_backports/password_bytes"
require "rails_backports/normalizes"
require "rails_backports/enum_validate"
require "rails_backports/rate_limit"
require "rails_backports/password_salt"
require "rails_backports/token_for"
