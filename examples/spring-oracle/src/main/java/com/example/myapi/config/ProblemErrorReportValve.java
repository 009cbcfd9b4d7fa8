package com.example.myapi.config;

import com.example.myapi.web.RequestIdFilter;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.http.HttpStatus;

/**
 * Tomcat rejects some requests before Spring sees them (a URL holding %00, say) and would
 * answer with its own HTML error page. This engine valve answers those as problem+json, with
 * a request id, like every other error of the API; it lets every other request through.
 */
class ProblemErrorReportValve extends ValveBase {

    ProblemErrorReportValve() {
        super(true); // supports async requests
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (!response.isErrorReportRequired()) {
            getNext().invoke(request, response);
            return;
        }
        // Tomcat flagged the error while parsing the request: Spring will not see it.
        response.setErrorReported();
        response.setSuspended(false);
        response.resetBuffer();
        int status = response.getStatus();
        String detail = "The server could not process this request.";
        String message = response.getMessage();
        if (status == HttpStatus.BAD_REQUEST.value() && message != null && message.startsWith("Invalid URI")) {
            // A URL that cannot be decoded (%00, %2F, %zz...) names no resource, like a malformed id.
            status = HttpStatus.NOT_FOUND.value();
            detail = "No resource has this URL.";
            response.setStatus(status);
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail + "\"}";
        response.setHeader(
                RequestIdFilter.HEADER, RequestIdFilter.requestIdFor(request.getHeader(RequestIdFilter.HEADER)));
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        response.finishResponse();
    }
}
