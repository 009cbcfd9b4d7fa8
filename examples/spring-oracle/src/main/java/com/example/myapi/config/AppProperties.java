package com.example.myapi.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/** The `app.*` settings of application.yml, checked at startup so a bad value fails fast. */
@Validated
@ConfigurationProperties("app")
public record AppProperties(
        @Valid @NotNull Jwt jwt, @NotNull List<String> corsOrigins) {

    /**
     * @param secret HS256 signing key: at least 32 characters (256 bits), from JWT_SECRET
     * @param expiresIn how long an access token is valid (a bare number is in seconds)
     */
    public record Jwt(
            @NotBlank(message = "set JWT_SECRET (see .env.example)")
            @Size(min = 32, message = "must be at least 32 characters")
            String secret,

            @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration expiresIn) {}
}
