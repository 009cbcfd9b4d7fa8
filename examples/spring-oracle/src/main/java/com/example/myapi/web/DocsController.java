package com.example.myapi.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /openapi.yaml} serves docs/openapi.yaml byte for byte (the build copies it onto the
 * classpath); {@code /docs} is Swagger UI (from springdoc) showing that document.
 */
@RestController
public class DocsController {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final Resource contract = new ClassPathResource("contract/openapi.yaml");
    private final Resource swaggerUi = new ClassPathResource("docs/index.html");

    @GetMapping("/openapi.yaml")
    public ResponseEntity<Resource> openApi() {
        return ResponseEntity.ok().contentType(YAML).body(contract);
    }

    @GetMapping("/docs")
    public ResponseEntity<Resource> docs() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(swaggerUi);
    }
}
