package dev.tobira.server.api;

import dev.tobira.server.messaging.QueryEndpoint;
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

/**
 * Adapts {@code POST /} to the {@link Dispatcher} (the Cognito API, named by {@code X-Amz-Target}) or,
 * for an AWS query-protocol form with no {@code X-Amz-Target}, to the SES and SNS {@link QueryEndpoint};
 * no Cognito logic lives here.
 */
@RestController
public class ApiController {

    private final Dispatcher dispatcher;
    private final QueryEndpoint queryEndpoint;
    private final int maxBodyBytes;

    public ApiController(Dispatcher dispatcher, QueryEndpoint queryEndpoint, ApiSettings settings) {
        this.dispatcher = dispatcher;
        this.queryEndpoint = queryEndpoint;
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    @PostMapping(path = "/")
    public ResponseEntity<byte[]> call(HttpServletRequest servletRequest) throws IOException {
        ApiRequest request = read(servletRequest, maxBodyBytes);
        return write(QueryEndpoint.accepts(request) ? queryEndpoint.handle(request) : dispatcher.dispatch(request));
    }

    /**
     * The call as it arrived, its body read up to one byte past {@code maxBodyBytes}, so that an
     * oversized body costs no more than the limit in memory and is still recognised as oversized.
     */
    public static ApiRequest read(HttpServletRequest servletRequest, int maxBodyBytes) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(servletRequest.getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(servletRequest.getHeaders(name))));
        }
        return new ApiRequest(servletRequest.getMethod(), servletRequest.getRequestURI(),
                servletRequest.getQueryString() == null ? "" : servletRequest.getQueryString(), headers,
                readAtMost(servletRequest.getInputStream(), maxBodyBytes + 1),
                // The peer, or with --behind-proxy what Tomcat's RemoteIpValve took from X-Forwarded-For.
                String.valueOf(servletRequest.getRemoteAddr()));
    }

    /** {@code response} as Spring MVC sends it. */
    public static ResponseEntity<byte[]> write(ApiResponse response) {
        HttpHeaders out = new HttpHeaders();
        response.headers().forEach(out::set);
        return ResponseEntity.status(response.status()).headers(out).body(response.body());
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    /** Limits of the API adapter. */
    public record ApiSettings(int maxBodyBytes) {}
}
