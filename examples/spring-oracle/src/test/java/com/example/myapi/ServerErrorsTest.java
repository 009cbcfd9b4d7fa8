package com.example.myapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Errors that only a real server produces: Tomcat and Spring Security refuse some URLs before Spring MVC. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ServerErrorsTest {

    @LocalServerPort
    private int port;

    private HttpResponse<String> get(String rawPath) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath))
                .header("X-Request-Id", "raw-1")
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aUrlTomcatCannotDecodeIsANotFoundProblem() throws Exception {
        HttpResponse<String> response = get("/api/v1/tasks/%00");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("X-Request-Id")).contains("raw-1");
        assertThat(response.body()).contains("\"status\":404");
    }

    @Test
    void aUrlTheFirewallRejectsIsABadRequestProblem() throws Exception {
        HttpResponse<String> response = get("/api/v1/tasks/1;x=y");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":400");
    }
}
