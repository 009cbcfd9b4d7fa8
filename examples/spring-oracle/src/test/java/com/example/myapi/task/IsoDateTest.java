package com.example.myapi.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A unit test: the date rule on its own, without Spring. */
class IsoDateTest {

    private final IsoDate.Validator validator = new IsoDate.Validator();

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-31", "2024-02-29", "1999-12-31"})
    void acceptsRealDatesWrittenYyyyMmDd(String value) {
        assertThat(validator.isValid(value, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30",
                "2026-13-01",
                "2025-02-29",
                "26-01-01",
                "2026-1-1",
                "01/12/2026",
                "2026-12-01T10:00:00Z",
                "tomorrow",
                ""
            })
    void rejectsAnythingElse(String value) {
        assertThat(validator.isValid(value, null)).isFalse();
    }

    @Test
    void leavesNullToOtherConstraints() {
        assertThat(validator.isValid(null, null)).isTrue();
    }
}
