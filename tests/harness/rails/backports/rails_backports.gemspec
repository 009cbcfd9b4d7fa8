# The scaffolder's own tests only (see README.md here): Rails 7.1+ features the
# generated project uses, backported to the Rails 6.1 that Debian packages.
Gem::Specification.new do |spec|
  spec.name = "rails_backports"
  spec.version = "0.1.0"
  spec.summary = "Rails 7.1-8.1 features used by the rails-postgres template, for Debian's Rails 6.1"
  spec.authors = ["scaffolder"]
  spec.files = Dir["lib/**/*.{rb,yml}"]
  spec.require_paths = ["lib"]
end
