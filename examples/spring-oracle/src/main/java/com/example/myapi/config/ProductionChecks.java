package com.example.myapi.config;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Settings that are fine on a laptop and dangerous in production: checked at startup of the
 * {@code prod} profile ({@code make serve}, the Docker image). A failure stops the app with one
 * clear message ({@link ProductionChecksFailureAnalyzer}) and a non-zero exit.
 */
@Component
@Profile("prod")
public class ProductionChecks {

    /** How the JWT_SECRET of .env.example begins: anyone can read it, so it signs nothing real. */
    static final String PLACEHOLDER_SECRET_PREFIX = "change-me";

    public ProductionChecks(AppProperties properties) {
        if (properties.jwt().secret().startsWith(PLACEHOLDER_SECRET_PREFIX)) {
            throw new UnsafeSettingException(
                    "JWT_SECRET is the placeholder from .env.example.",
                    "Set JWT_SECRET to a fresh random string of at least 32 characters (openssl rand -hex 32).");
        }
    }

    /** A setting production must not run with, and what to do about it. */
    public static class UnsafeSettingException extends RuntimeException {

        private final String action;

        UnsafeSettingException(String description, String action) {
            super(description);
            this.action = action;
        }

        public String getAction() {
            return action;
        }
    }
}
