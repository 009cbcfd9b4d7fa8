module Api
  module V1
    # The signed-in user's tasks. Every query starts from current_user.tasks, so
    # another user's task is simply not found (404), never forbidden.
    class TasksController < ApplicationController
      before_action :set_task, only: %i[ show update destroy ]

      def index
        query = TaskListQuery.new(typed_params(strings: %i[ page page_size status sort ]))
        query.validate!

        tasks, total = query.paginate(current_user)
        page_size = query.page_size.to_i
        render json: {
          items: tasks.map { |task| TaskSerializer.new(task) },
          page: query.page.to_i,
          pageSize: page_size,
          totalItems: total,
          totalPages: (total + page_size - 1) / page_size
        }
      end

      def show
        render json: TaskSerializer.new(@task)
      end

      def create
        task = current_user.tasks.create!(task_params)
        render json: TaskSerializer.new(task), status: :created, location: api_v1_task_path(task)
      end

      def update
        @task.update!(task_params)
        render json: TaskSerializer.new(@task)
      end

      def destroy
        @task.destroy!
        head :no_content
      end

      private
        def set_task
          @task = current_user.tasks.find(params[:id])
        end

        # Only these fields can be written; anything else in the body is ignored.
        def task_params
          typed_params(strings: %i[ title status ], nullable: %i[ description due_date ])
        end
    end
  end
end
