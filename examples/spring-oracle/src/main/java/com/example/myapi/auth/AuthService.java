package com.example.myapi.auth;

import com.example.myapi.auth.AuthDtos.LoginRequest;
import com.example.myapi.auth.AuthDtos.RegisterRequest;
import com.example.myapi.auth.AuthDtos.TokenResponse;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

@Service
public class AuthService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;

    public AuthService(UserRepository users, PasswordEncoder passwordEncoder, TokenService tokens) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
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

    @Transactional(readOnly = true)
    public TokenResponse login(LoginRequest request) {
        return users.findByEmail(request.email())
                .filter(user -> passwordEncoder.matches(request.password(), user.getPasswordHash()))
                .map(tokens::issue)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Wrong e-mail or password."));
    }

    @Transactional(readOnly = true)
    public User currentUser(long userId) {
        // A valid token for a user deleted since: treat it like any other unusable token.
        return users.findById(userId)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "This account no longer exists."));
    }

    private static ResponseStatusException emailTaken() {
        return new ResponseStatusException(HttpStatus.CONFLICT, "This e-mail address is already registered.");
    }
}
