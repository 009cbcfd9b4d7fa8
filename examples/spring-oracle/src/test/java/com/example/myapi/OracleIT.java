package com.example.myapi;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.oracle.OracleContainer;

/**
 * The migrations and the API against a real Oracle Database Free in Docker (the same image as
 * docker-compose.yml). Skipped, and reported as skipped, where Docker is not available.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = "app.jwt.secret=integration-test-signing-key-used-nowhere-else")
@AutoConfigureMockMvc
@ActiveProfiles("oracle-it") // only this one: an `h2` profile set in .env must not apply here
class OracleIT {

    @Container
    @ServiceConnection
    static final OracleContainer ORACLE = new OracleContainer("gvenzl/oracle-free:23-slim-faststart");

    @Autowired
    private MockMvc mvc;

    @Test
    void theApplicationMigratesAndServesTasksOnOracle() throws Exception {
        mvc.perform(get("/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checks.database").value("ok"));

        mvc.perform(post("/api/v1/auth/register")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"Oracle@Example.com\", \"password\": \"password123\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value("oracle@example.com"));
        String login = mvc.perform(post("/api/v1/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"oracle@example.com\", \"password\": \"password123\"}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String bearer = "Bearer " + JsonPath.read(login, "$.accessToken");

        for (String title : new String[] {"b", "c", "a"}) {
            mvc.perform(post("/api/v1/tasks")
                            .header("Authorization", bearer)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"title\": \"%s\", \"dueDate\": \"2030-01-01\"}".formatted(title)))
                    .andExpect(status().isCreated());
        }
        String page = mvc.perform(
                        get("/api/v1/tasks?sort=-title&pageSize=2&page=1").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].title", contains("c", "b")))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();

        String id = JsonPath.read(page, "$.items[0].id");
        mvc.perform(patch("/api/v1/tasks/" + id)
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"done\", \"dueDate\": null}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("done"))
                .andExpect(jsonPath("$.dueDate").value((Object) null));
    }
}
