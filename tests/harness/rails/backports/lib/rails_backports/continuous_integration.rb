# ActiveSupport::ContinuousIntegration: Rails 8.1, what `bin/ci` runs config/ci.rb
# with (`CI.run do step "Tests", "bin/rails test" end`).
#
# Each step runs one command and reports how it went; the run fails (exit 1) when
# any step failed, after running them all. Rails 6.1 has no such class, so the
# project's `require "active_support/continuous_integration"` finds
# lib/active_support/continuous_integration.rb of this gem instead, which loads this.
require "active_support"
require "active_support/core_ext/object/blank"

module ActiveSupport
  class ContinuousIntegration
    COLORS = { banner: "\033[1;32m", title: "\033[1;35m", subtitle: "\033[1;90m", error: "\033[1;31m", success: "\033[1;32m" }.freeze

    attr_reader :results

    def self.run(title = "Continuous Integration", subtitle = "Running tests, style checks, and security audits", &block)
      new.tap do |ci|
        ENV["CI"] = "true"
        ci.heading title, subtitle
        ci.report(title, &block)
        abort unless ci.success?
      end
    end

    def initialize
      @results = []
    end

    def step(title, *command)
      heading title, command.join(" "), type: :title
      report(title) { results << [ system(*command), title ] }
    end

    def success?
      results.map(&:first).all?
    end

    def failure(title, subtitle = nil)
      heading title, subtitle, type: :error
    end

    def heading(heading, subtitle = nil, type: :banner)
      echo heading, type: type
      echo subtitle, type: :subtitle if subtitle
    end

    def echo(text, type:)
      puts "#{COLORS.fetch(type)}#{text}\033[0m"
    end

    def report(title, &block)
      ci = self.class.new
      started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
      ci.instance_eval(&block)
      elapsed = format("%.2fs", Process.clock_gettime(Process::CLOCK_MONOTONIC) - started)
      if ci.success?
        echo "✅ #{title} passed in #{elapsed}", type: :success
      else
        echo "❌ #{title} failed in #{elapsed}", type: :error
      end
      results.concat ci.results
    end
  end
end
