Rails.application.routes.draw do
  # Health and documentation.
  get "health", to: "health#show"
  get "openapi.yaml", to: "docs#openapi", format: false
  get "docs", to: "docs#show"

  namespace :api do
    namespace :v1 do
      post "auth/register", to: "registrations#create"
      post "auth/login", to: "sessions#create"
      get "auth/me", to: "profiles#show"

      # Ids are digits: anything else cannot be a task, so it is a 404 before any query.
      # PATCH only (no PUT): a partial update is the one update the API offers.
      resources :tasks, only: %i[ index create show destroy ], constraints: { id: /\d+/ }
      patch "tasks/:id", to: "tasks#update", constraints: { id: /\d+/ }
    end
  end
end
