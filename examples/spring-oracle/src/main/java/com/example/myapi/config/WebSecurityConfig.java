package com.example.myapi.config;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import com.example.myapi.web.ProblemAuthenticationEntryPoint;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/** Which requests need a bearer token, and CORS. (`make migrate` and `make seed` run without a web server.) */
@Configuration
@ConditionalOnWebApplication
public class WebSecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint, AppProperties properties) throws Exception {
        CorsFilter corsFilter = new CorsFilter(corsConfigurationSource(properties));
        corsFilter.setCorsProcessor(new LenientCorsProcessor());
        http
                // A stateless API authenticated by bearer tokens: no session, no cookie to forge.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilter(corsFilter)
                .authorizeHttpRequests(auth -> auth.requestMatchers(GET, "/api/v1/auth/me")
                        .authenticated()
                        .requestMatchers(GET, "/api/v1/tasks", "/api/v1/tasks/*")
                        .authenticated()
                        .requestMatchers(POST, "/api/v1/tasks")
                        .authenticated()
                        .requestMatchers(PATCH, "/api/v1/tasks/*")
                        .authenticated()
                        .requestMatchers(DELETE, "/api/v1/tasks/*")
                        .authenticated()
                        // The rest is public or does not exist: an unknown route is a 404
                        // and a wrong method a 405, never a 401.
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(
                        oauth -> oauth.jwt(Customizer.withDefaults()).authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint));
        return http.build();
    }

    /** Browser front ends allowed to call the API: CORS_ORIGINS, comma-separated. */
    private static CorsConfigurationSource corsConfigurationSource(AppProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsOrigins());
        cors.addAllowedMethod("*");
        cors.addAllowedHeader("*");
        cors.addExposedHeader("Location");
        cors.addExposedHeader("X-Request-Id");
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
