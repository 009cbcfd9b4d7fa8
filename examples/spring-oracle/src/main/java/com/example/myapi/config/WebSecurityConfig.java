package com.example.myapi.config;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;

import com.example.myapi.web.ProblemAuthenticationEntryPoint;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/** Which requests need a bearer token, and CORS. (`make migrate` and `make seed` run without a web server.) */
@Configuration
@ConditionalOnWebApplication
public class WebSecurityConfig {

    /** Health, the contract and its docs (Swagger UI from springdoc), Actuator's health and info. */
    private static final String[] PUBLIC_PAGES = {
        "/health",
        "/openapi.yaml",
        "/docs",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/v3/api-docs/**",
        "/actuator/health/**",
        "/actuator/info"
    };

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ProblemAuthenticationEntryPoint entryPoint,
            AppProperties properties,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers)
            throws Exception {
        CorsFilter corsFilter = new CorsFilter(corsConfigurationSource(properties));
        corsFilter.setCorsProcessor(new LenientCorsProcessor());
        http
                // A stateless API authenticated by bearer tokens: no session, no cookie to forge.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilter(corsFilter)
                // Deny by default: only the routes listed as public are. Actuator's others, and any
                // route a controller serves, need a token (HEAD included). A request that no
                // controller serves goes on to its 404 or 405, which reveals nothing.
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(POST, "/api/v1/auth/register", "/api/v1/auth/login")
                        .permitAll()
                        .requestMatchers(GET, PUBLIC_PAGES)
                        .permitAll()
                        .requestMatchers(HEAD, PUBLIC_PAGES)
                        .permitAll()
                        .requestMatchers("/api/v1/auth/me", "/api/v1/tasks", "/api/v1/tasks/*", "/actuator/**")
                        .authenticated()
                        .anyRequest()
                        .access(authenticatedIfServed(controllers)))
                .oauth2ResourceServer(
                        oauth -> oauth.jwt(Customizer.withDefaults()).authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint));
        return http.build();
    }

    /** A token is needed when a controller serves this request (method and path), else not. */
    private static AuthorizationManager<RequestAuthorizationContext> authenticatedIfServed(
            RequestMappingHandlerMapping controllers) {
        AuthenticatedAuthorizationManager<RequestAuthorizationContext> authenticated =
                AuthenticatedAuthorizationManager.authenticated();
        return (authentication, context) -> servedByAController(controllers, context.getRequest())
                ? authenticated.authorize(authentication, context)
                : new AuthorizationDecision(true);
    }

    private static boolean servedByAController(RequestMappingHandlerMapping controllers, HttpServletRequest request) {
        ServletRequestPathUtils.parseAndCache(request); // what the handler mapping reads; the dispatcher parses again
        try {
            return controllers.getHandler(request) != null;
        } catch (Exception e) {
            return false; // a known path with another method or media type: Spring MVC answers 405 or 415
        } finally {
            ServletRequestPathUtils.clearParsedRequestPath(request);
        }
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
