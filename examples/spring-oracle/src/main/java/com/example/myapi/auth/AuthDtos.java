package com.example.myapi.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;
import org.hibernate.validator.constraints.CodePointLength;

/** The JSON bodies of /api/v1/auth. */
public final class AuthDtos {

    private AuthDtos() {}

    /** bcrypt's limit: a password is hashed whole or refused, never cut short. */
    public static final int PASSWORD_MAX_BYTES = 72;

    /** An address needs a dot in its domain here: "me@localhost" is almost always a typo. */
    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    public record RegisterRequest(
            @NotBlank @Email(regexp = EMAIL) @Size(max = 254)
            String email,
            // 8 characters to 72 bytes: bcrypt reads no further (docs/openapi.yaml).
            @NotNull @CodePointLength(min = 8) @MaxUtf8Bytes(AuthDtos.PASSWORD_MAX_BYTES)
            String password,

            @CodePointLength(max = 200) String name) {

        public RegisterRequest {
            email = normalizeEmail(email);
            name = name == null || name.isBlank() ? null : name.strip();
        }
    }

    public record LoginRequest(
            @NotBlank String email, @NotBlank String password) {

        public LoginRequest {
            email = normalizeEmail(email);
        }
    }

    public record TokenResponse(String accessToken, String tokenType, long expiresIn) {}

    public record UserResponse(String id, String email, String name, Instant createdAt) {

        static UserResponse from(User user) {
            return new UserResponse(user.getId().toString(), user.getEmail(), user.getName(), user.getCreatedAt());
        }
    }

    static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
