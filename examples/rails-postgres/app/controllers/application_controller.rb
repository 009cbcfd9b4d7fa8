class ApplicationController < ActionController::API
  include ErrorHandling
  include Authentication
  include JsonRequests

  # Bodies are flat JSON objects ({"title": ...}), never wrapped in {"task": {...}}.
  wrap_parameters false
end
