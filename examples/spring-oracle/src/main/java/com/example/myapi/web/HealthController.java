package com.example.myapi.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contract's health check, for load balancers and the conformance suite. Spring Boot
 * Actuator's richer {@code /actuator/health} stays available beside it.
 */
@RestController
public class HealthController {

    private static final int TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    public HealthController(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Health(String status, Map<String, String> checks) {}

    @GetMapping("/health")
    public ResponseEntity<Health> health() {
        if (databaseIsUp()) {
            return ResponseEntity.ok(new Health("ok", Map.of("database", "ok")));
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(new Health("error", Map.of("database", "error")));
    }

    private boolean databaseIsUp() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
