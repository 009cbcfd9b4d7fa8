package com.example.myapi;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller added without a word to WebSecurityConfig still needs a token: only the routes
 * listed there are public. (Its own Spring context: the controller exists only in this test.)
 */
@Import(DenyByDefaultTest.UnlistedController.class)
class DenyByDefaultTest extends ApiTestSupport {

    @RestController
    static class UnlistedController {

        @GetMapping("/api/v1/unlisted")
        String unlisted() {
            return "served";
        }
    }

    @Test
    void aNewControllerNeedsATokenHeadIncluded() throws Exception {
        mvc.perform(get("/api/v1/unlisted")).andExpect(status().isUnauthorized());
        mvc.perform(head("/api/v1/unlisted")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/unlisted").header("Authorization", newUserBearer()))
                .andExpect(status().isOk());
        // Another method on that path is not served: a 405, token or not.
        mvc.perform(post("/api/v1/unlisted")).andExpect(status().isMethodNotAllowed());
    }

    @Test
    void actuatorEndpointsOtherThanHealthAndInfoNeedAToken() throws Exception {
        mvc.perform(get("/actuator")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }
}
