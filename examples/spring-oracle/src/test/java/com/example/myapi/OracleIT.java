package com.example.myapi;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.oracle.OracleContainer;

/**
 * The migrations and the API against a real Oracle Database: the one ORACLE_IT_URL names (CI's
 * Oracle service container, so CI runs a single Oracle), else Oracle Database Free started in
 * Docker by Testcontainers (the same image as docker-compose.yml). Skipped, and reported as
 * skipped, when there is neither.
 */
@EnabledIf(value = "oracleAvailable", disabledReason = "no Oracle: set ORACLE_IT_URL, or start Docker")
@SpringBootTest(properties = "app.jwt.secret=integration-test-signing-key-used-nowhere-else")
@AutoConfigureMockMvc
@ActiveProfiles("oracle-it") // only this one: an `h2` profile set in .env must not apply here
class OracleIT {

    private static final String SERVICE_URL = System.getenv("ORACLE_IT_URL");

    static boolean oracleAvailable() {
        return SERVICE_URL != null || DockerClientFactory.instance().isDockerAvailable();
    }

    @DynamicPropertySource
    static void oracle(DynamicPropertyRegistry registry) {
        if (SERVICE_URL != null) {
            registry.add("spring.datasource.url", () -> SERVICE_URL);
            registry.add("spring.datasource.username", () -> env("ORACLE_IT_USERNAME", "app"));
            registry.add("spring.datasource.password", () -> env("ORACLE_IT_PASSWORD", "app"));
            return;
        }
        // Started once for the class; Testcontainers removes it when the JVM exits.
        OracleContainer oracle = new OracleContainer("gvenzl/oracle-free:23-slim-faststart");
        oracle.start();
        registry.add("spring.datasource.url", oracle::getJdbcUrl);
        registry.add("spring.datasource.username", oracle::getUsername);
        registry.add("spring.datasource.password", oracle::getPassword);
    }

    private static String env(String name, String fallback) {
        return Objects.requireNonNullElse(System.getenv(name), fallback);
    }

    @Autowired
    private MockMvc mvc;

    @Test
    void theApplicationMigratesAndServesTasksOnOracle() throws Exception {
        // A new address each run: the CI service database may have seen one before.
        String email = "oracle-" + UUID.randomUUID() + "@example.com";
        mvc.perform(get("/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checks.database").value("ok"));

        mvc.perform(post("/api/v1/auth/register")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"%s\", \"password\": \"password123\"}".formatted(email.toUpperCase())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(email));
        String login = mvc.perform(post("/api/v1/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"%s\", \"password\": \"password123\"}".formatted(email)))
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
