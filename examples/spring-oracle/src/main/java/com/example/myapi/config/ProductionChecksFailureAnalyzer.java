package com.example.myapi.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed {@link ProductionChecks} into Spring Boot's short "APPLICATION FAILED TO START"
 * report instead of a stack trace. Registered in META-INF/spring.factories.
 */
public class ProductionChecksFailureAnalyzer extends AbstractFailureAnalyzer<ProductionChecks.UnsafeSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionChecks.UnsafeSettingException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
    }
}
