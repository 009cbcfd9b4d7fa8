package com.example.myapi.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/** A unit test: what a 500 tells the client, without Spring. */
class ApiExceptionHandlerTest {

    @Test
    void anUnexpectedErrorIsAProblemThatHidesItsCause() {
        var handler = new ApiExceptionHandler();
        var request = new ServletWebRequest(new MockHttpServletRequest("GET", "/api/v1/tasks"));

        ResponseEntity<Object> response = handler.handleUnexpected(
                new IllegalStateException("ORA-00942: table SECRET_TABLE does not exist"), request);

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem).isNotNull();
        assertThat(problem.getType()).hasToString("about:blank");
        assertThat(problem.getTitle()).isEqualTo("Internal Server Error");
        assertThat(problem.getDetail()).isEqualTo("An unexpected error occurred.");
        assertThat(problem.toString()).doesNotContain("ORA-", "SECRET_TABLE", "IllegalStateException");
    }
}
