package com.example.myapi.task;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hibernate.validator.constraints.CodePointLength;

/** The JSON bodies and query parameters of /api/v1/tasks. */
public final class TaskDtos {

    private TaskDtos() {}

    /** "" or only spaces is no description: stored as null, as Oracle would store "" anyway. */
    static String blankToNull(String description) {
        return description == null || description.isBlank() ? null : description;
    }

    /** POST: title is required; a status left out is todo. */
    public static final class CreateTaskRequest {

        @NotBlank
        @CodePointLength(max = 200)
        private String title;

        @CodePointLength(max = 2000)
        private String description;

        // Null when left out; a status that is sent must be valid (null included).
        private Optional<@NotNull @Pattern(regexp = TaskStatus.PATTERN, message = TaskStatus.INVALID) String> status;

        @IsoDate
        private String dueDate;

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title == null ? null : title.strip();
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = blankToNull(description);
        }

        public Optional<String> getStatus() {
            return status;
        }

        public void setStatus(Optional<String> status) {
            this.status = status;
        }

        public String getDueDate() {
            return dueDate;
        }

        public void setDueDate(String dueDate) {
            this.dueDate = dueDate;
        }
    }

    /**
     * PATCH: a field left out stays as it is. Jackson calls a setter only for a field that was
     * sent, so each getter returns null when absent, an empty {@link Optional} when sent as
     * {@code null} (which clears description and dueDate), else the new value.
     */
    public static final class UpdateTaskRequest {

        private Optional<@NotBlank @CodePointLength(max = 200) String> title;
        private Optional<@CodePointLength(max = 2000) String> description;

        private Optional<@NotNull @Pattern(regexp = TaskStatus.PATTERN, message = TaskStatus.INVALID) String> status;

        private Optional<@IsoDate String> dueDate;

        public Optional<String> getTitle() {
            return title;
        }

        public void setTitle(Optional<String> title) {
            this.title = title.map(String::strip);
        }

        public Optional<String> getDescription() {
            return description;
        }

        public void setDescription(Optional<String> description) {
            this.description = description.map(TaskDtos::blankToNull);
        }

        public Optional<String> getStatus() {
            return status;
        }

        public void setStatus(Optional<String> status) {
            this.status = status;
        }

        public Optional<String> getDueDate() {
            return dueDate;
        }

        public void setDueDate(Optional<String> dueDate) {
            this.dueDate = dueDate;
        }
    }

    /** {@code GET /api/v1/tasks} query parameters; a missing one takes its default. */
    public record TaskQuery(
            @Min(1) Long page,
            @Min(1) @Max(100) Integer pageSize,

            @Pattern(regexp = TaskStatus.PATTERN, message = TaskStatus.INVALID)
            String status,

            @Pattern(
                    regexp = "-?(createdAt|dueDate|title)",
                    message = "must be one of createdAt, -createdAt, dueDate, -dueDate, title, -title")
            String sort) {

        public TaskQuery {
            page = page == null ? 1L : page;
            pageSize = pageSize == null ? 20 : pageSize;
            sort = sort == null ? "-createdAt" : sort;
        }
    }

    public record TaskResponse(
            String id,
            String title,
            String description,
            TaskStatus status,
            LocalDate dueDate,
            Instant createdAt,
            Instant updatedAt) {

        static TaskResponse from(Task task) {
            return new TaskResponse(
                    task.getId().toString(),
                    task.getTitle(),
                    task.getDescription(),
                    task.getStatus(),
                    task.getDueDate(),
                    task.getCreatedAt(),
                    task.getUpdatedAt());
        }
    }

    /** The contract's list envelope. */
    public record PageResponse<T>(List<T> items, long page, int pageSize, long totalItems, long totalPages) {}
}
