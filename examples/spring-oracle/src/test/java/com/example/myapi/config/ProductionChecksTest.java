package com.example.myapi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The `prod` profile refuses the JWT_SECRET that .env.example shows to everyone. */
class ProductionChecksTest {

    private static AppProperties withSecret(String secret) {
        return new AppProperties(new AppProperties.Jwt(secret, Duration.ofHours(1)), List.of());
    }

    /** The placeholder as .env.example has it (Maven runs the tests from the project root). */
    private static String placeholderOfEnvExample() throws IOException {
        return Files.readAllLines(Path.of(".env.example")).stream()
                .filter(line -> line.startsWith("JWT_SECRET="))
                .findFirst()
                .orElseThrow()
                .substring("JWT_SECRET=".length());
    }

    @Test
    void thePlaceholderSecretStopsTheAppWithOneClearMessage() throws IOException {
        ProductionChecks.UnsafeSettingException failure = catchThrowableOfType(
                ProductionChecks.UnsafeSettingException.class,
                () -> new ProductionChecks(withSecret(placeholderOfEnvExample())));

        FailureAnalysis analysis = new ProductionChecksFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).isEqualTo("JWT_SECRET is the placeholder from .env.example.");
        assertThat(analysis.getAction()).contains("JWT_SECRET");
    }

    @Test
    void aSecretOfYourOwnPasses() {
        assertThatNoException()
                .isThrownBy(() -> new ProductionChecks(withSecret("a-secret-of-my-own-that-nobody-else-has-0123")));
    }
}
