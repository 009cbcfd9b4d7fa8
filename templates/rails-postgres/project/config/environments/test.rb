# The test environment is used exclusively to run your application's
# test suite. You never need to work with it otherwise. Remember that
# your test database is "scratch space" for the test suite and is wiped
# and recreated between test runs. Don't rely on the data there!

Rails.application.configure do
  # Settings specified here will take precedence over those in config/application.rb.

  # While tests run files are not watched, reloading is not necessary.
  config.enable_reloading = false

  # Eager loading loads your entire application. When running a single test locally,
  # this is usually not necessary, and can slow down your test suite. However, it's
  # recommended that you enable it in continuous integration systems to ensure eager
  # loading is working properly before deploying your code.
  config.eager_load = ENV["CI"].present?

  # A real cache, emptied before each test (test/test_helper.rb), so rate limits count.
  config.cache_store = :memory_store

  # Render rescuable exceptions (routing errors, malformed JSON) as the app's
  # problem+json responses, so the tests see what a client sees.
  config.action_dispatch.show_exceptions = :rescuable

  # Print deprecation notices to the stderr.
  config.active_support.deprecation = :stderr
end
