package dev.tobira.server.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Adapts {@code POST /} to the {@link Dispatcher}; no Cognito logic lives here. */
@RestController
public class ApiController {

    private final Dispatcher dispatcher;
    private final int maxBodyBytes;

    public ApiController(Dispatcher dispatcher, ApiSettings settings) {
        this.dispatcher = dispatcher;
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    @PostMapping(path = "/")
    public ResponseEntity<byte[]> call(HttpServletRequest servletRequest) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(servletRequest.getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(servletRequest.getHeaders(name))));
        }
        ApiRequest request = new ApiRequest(servletRequest.getMethod(), servletRequest.getRequestURI(),
                servletRequest.getQueryString() == null ? "" : servletRequest.getQueryString(), headers,
                readAtMost(servletRequest.getInputStream(), maxBodyBytes + 1),
                // The peer, or with --behind-proxy what Tomcat's RemoteIpValve took from X-Forwarded-For.
                String.valueOf(servletRequest.getRemoteAddr()));
        ApiResponse response = dispatcher.dispatch(request);
        HttpHeaders out = new HttpHeaders();
        response.headers().forEach(out::set);
        return ResponseEntity.status(response.status()).headers(out).body(response.body());
    }

    /** Reads up to {@code limit} bytes, so an oversized body costs no more than the limit in memory. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    /** Limits of the API adapter. */
    public record ApiSettings(int maxBodyBytes) {}
}
