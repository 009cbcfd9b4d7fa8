package com.example.myapi.auth;

import com.example.myapi.auth.AuthDtos.LoginRequest;
import com.example.myapi.auth.AuthDtos.RegisterRequest;
import com.example.myapi.auth.AuthDtos.TokenResponse;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;

@Service
public class AuthService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;
    /** Checked when the e-mail is unknown, so that the answer takes as long as for a known one. */
    private final String dummyHash;

    public AuthService(UserRepository users, PasswordEncoder passwordEncoder, TokenService tokens) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.dummyHash = passwordEncoder.encode("not-a-password-of-anyone");
    }

    @Transactional
    public User register(RegisterRequest request) {
        if (users.existsByEmail(request.email())) {
            throw emailTaken();
        }
        try {
            return users.saveAndFlush(
                    new User(request.email(), passwordEncoder.encode(request.password()), request.name()));
        } catch (DataIntegrityViolationException e) {
            throw emailTaken(); // registered by a concurrent request since the check above
        }
    }

    /** The same bcrypt work whether the e-mail exists or not: timing does not tell who has an account. */
    @Transactional(readOnly = true)
    public TokenResponse login(LoginRequest request) {
        Optional<User> user = users.findByEmail(request.email());
        String hash = user.map(User::getPasswordHash).orElse(dummyHash);
        // Over 72 bytes no password was ever accepted (register refuses it), and bcrypt would throw.
        boolean matches = MaxUtf8Bytes.Validator.fits(request.password(), AuthDtos.PASSWORD_MAX_BYTES)
                && passwordEncoder.matches(request.password(), hash);
        if (user.isEmpty() || !matches) {
            throw unauthorized("Wrong e-mail or password.");
        }
        return tokens.issue(user.get());
    }

    @Transactional(readOnly = true)
    public User currentUser(long userId) {
        // A valid token for a user deleted since: treat it like any other unusable token.
        return users.findById(userId).orElseThrow(() -> unauthorized("This account no longer exists."));
    }

    /** 401 with the challenge that every 401 carries (RFC 9110), as Spring Security's own do. */
    private static ErrorResponseException unauthorized(String detail) {
        ErrorResponseException error = new ErrorResponseException(HttpStatus.UNAUTHORIZED);
        error.setDetail(detail);
        error.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return error;
    }

    private static ResponseStatusException emailTaken() {
        return new ResponseStatusException(HttpStatus.CONFLICT, "This e-mail address is already registered.");
    }
}
