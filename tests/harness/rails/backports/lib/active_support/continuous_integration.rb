# Found by `require "active_support/continuous_integration"` (the project's bin/ci)
# on a Rails older than 8.1, which has no such file: the backport stands in.
require "rails_backports/continuous_integration"
