package com.example.myapi.task;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

public enum TaskStatus {
    TODO("todo"),
    DOING("doing"),
    DONE("done");

    /** The values a request may carry, for validation. */
    public static final String PATTERN = "todo|doing|done";

    public static final String INVALID = "must be one of todo, doing, done";

    private final String value;

    TaskStatus(String value) {
        this.value = value;
    }

    /** The lower-case form used both in JSON and in the database. */
    @JsonValue
    public String value() {
        return value;
    }

    public static TaskStatus fromValue(String value) {
        return Arrays.stream(values())
                .filter(status -> status.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown task status: " + value));
    }

    @Converter(autoApply = true)
    static class DatabaseConverter implements AttributeConverter<TaskStatus, String> {

        @Override
        public String convertToDatabaseColumn(TaskStatus status) {
            return status == null ? null : status.value;
        }

        @Override
        public TaskStatus convertToEntityAttribute(String value) {
            return value == null ? null : fromValue(value);
        }
    }
}
