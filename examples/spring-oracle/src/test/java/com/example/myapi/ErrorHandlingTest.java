package com.example.myapi;

import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** Every error is problem+json; every answer has a request id; CORS follows CORS_ORIGINS. */
class ErrorHandlingTest extends ApiTestSupport {

    private static void expectProblem(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentType(PROBLEM_JSON))
                .andExpect(jsonPath("$.type").isString())
                .andExpect(jsonPath("$.title").isString())
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").isString());
    }

    @Test
    void unknownRouteIsNotFound() throws Exception {
        String bearer = newUserBearer();
        expectProblem(mvc.perform(get("/no/such/route").header("Authorization", bearer)), 404);
        expectProblem(mvc.perform(get("/api/v1/nothing-here").header("Authorization", bearer)), 404);
    }

    @Test
    void wrongMethodOnAKnownRouteIsMethodNotAllowed() throws Exception {
        String bearer = newUserBearer();
        expectProblem(mvc.perform(put("/health").header("Authorization", bearer)), 405);
        expectProblem(mvc.perform(get("/api/v1/auth/login").header("Authorization", bearer)), 405);
    }

    /** No token needed to learn that a route does not exist, or takes other methods. */
    @Test
    void unknownRoutesAndWrongMethodsNeedNoToken() throws Exception {
        expectProblem(mvc.perform(get("/no/such/route")), 404);
        expectProblem(mvc.perform(get("/api/v1/tasks/1/extra")), 404);
        expectProblem(mvc.perform(put("/health")), 405);
        expectProblem(mvc.perform(put("/api/v1/auth/login")), 405);
    }

    @Test
    void headIsAuthenticatedLikeGet() throws Exception {
        mvc.perform(head("/api/v1/tasks"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")));
        mvc.perform(head("/api/v1/tasks/1")).andExpect(status().isUnauthorized());
        mvc.perform(head("/api/v1/tasks").header("Authorization", newUserBearer()))
                .andExpect(status().isOk());
        mvc.perform(head("/health")).andExpect(status().isOk());
    }

    @Test
    void invalidJsonIsABadRequest() throws Exception {
        expectProblem(
                mvc.perform(post("/api/v1/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": ")),
                400);
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() throws Exception {
        expectProblem(
                mvc.perform(post("/api/v1/auth/login")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("email=a")),
                415);
    }

    @Test
    void missingTokenIsUnauthorized() throws Exception {
        expectProblem(mvc.perform(get("/api/v1/tasks")), 401);
    }

    @Test
    void aRequestIdIsEchoedOrGenerated() throws Exception {
        mvc.perform(get("/health").header("X-Request-Id", "trace-42"))
                .andExpect(header().string("X-Request-Id", "trace-42"));
        mvc.perform(get("/health")).andExpect(header().string("X-Request-Id", matchesPattern("[0-9a-f-]{36}")));
        mvc.perform(get("/api/v1/tasks")).andExpect(header().exists("X-Request-Id"));
    }

    @Test
    void corsAllowsTheConfiguredOriginsOnly() throws Exception {
        mvc.perform(options("/api/v1/tasks")
                        .header("Origin", "http://localhost:5173")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization,content-type"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "http://localhost:5173"));
        mvc.perform(get("/health").header("Origin", "http://localhost:3000"))
                .andExpect(header().string("Access-Control-Allow-Origin", "http://localhost:3000"));
        mvc.perform(get("/health").header("Origin", "https://evil.example"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }
}
