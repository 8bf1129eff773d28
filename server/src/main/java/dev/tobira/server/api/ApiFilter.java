package dev.tobira.server.api;

import dev.tobira.server.messaging.QueryEndpoint;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code POST /}: the Cognito API ({@link Dispatcher}, the operation named by {@code X-Amz-Target})
 * or, for an AWS query-protocol form with no {@code X-Amz-Target}, the SES and SNS {@link QueryEndpoint};
 * every other request goes on down the chain. No Cognito logic lives here.
 *
 * <p>A filter, registered first after CORS, rather than a Spring MVC controller, for two reasons: an API
 * call needs nothing that comes after it (sessions, Spring Security's chains, MVC's handler lookup and
 * message conversion), which together cost about a tenth of a password sign-in's CPU; and it reads the
 * body before anything can make the container parse a form body into parameters and consume it — the
 * SigV4 signature covers those bytes exactly.
 */
public final class ApiFilter extends OncePerRequestFilter {

    private final Dispatcher dispatcher;
    private final QueryEndpoint queryEndpoint;
    private final int maxBodyBytes;

    public ApiFilter(Dispatcher dispatcher, QueryEndpoint queryEndpoint, ApiSettings settings) {
        this.dispatcher = dispatcher;
        this.queryEndpoint = queryEndpoint;
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        ApiRequest call = read(request, maxBodyBytes);
        ApiResponse answer = QueryEndpoint.accepts(call) ? queryEndpoint.handle(call) : dispatcher.dispatch(call);
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        byte[] body = answer.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
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
                body(servletRequest, maxBodyBytes),
                // The peer, or with --behind-proxy what Tomcat's RemoteIpValve took from X-Forwarded-For.
                String.valueOf(servletRequest.getRemoteAddr()));
    }

    /**
     * With a Content-Length within the limit, exactly that many bytes are read into one array (a
     * shorter body is what arrived); otherwise {@code readNBytes} grows buffers up to the limit + 1.
     */
    private static byte[] body(HttpServletRequest servletRequest, int maxBodyBytes) throws IOException {
        long declared = servletRequest.getContentLengthLong();
        int toRead = declared >= 0 && declared <= maxBodyBytes ? (int) declared : maxBodyBytes + 1;
        return servletRequest.getInputStream().readNBytes(toRead);
    }

    /** Limits of the API adapter. */
    public record ApiSettings(int maxBodyBytes) {}
}
