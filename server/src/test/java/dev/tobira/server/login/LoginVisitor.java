package dev.tobira.server.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without JavaScript on the managed login of the server at {@code base}: cookies kept, redirects not followed. */
final class LoginVisitor {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    LoginVisitor(String base) {
        this.base = base;
    }

    /** {@code /<domain>/oauth2/authorize} with {@code query}, and the login page it redirects to. */
    HttpResponse<String> authorize(String domain, Map<String, String> query) throws Exception {
        HttpResponse<String> authorize = get(base + "/" + domain + "/oauth2/authorize?" + query(query));
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
        assertThat(location(authorize)).startsWith(base + "/" + domain + "/login?");
        return get(location(authorize));
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the form {@code formId} of {@code page} to its action, with its CSRF token and {@code fields}. */
    HttpResponse<String> post(HttpResponse<String> page, String formId, Map<String, String> fields) throws Exception {
        Matcher form = Pattern.compile("<form[^>]*action=\"([^\"]*)\"[^>]*id=\"" + formId + "\"").matcher(page.body());
        assertThat(form.find()).as("form " + formId + " in " + page.body()).isTrue();
        Matcher csrf = CSRF.matcher(page.body().substring(form.start()));
        assertThat(csrf.find()).isTrue();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf.group(1));
        String action = form.group(1).replace("&amp;", "&");
        return http.send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(all))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The response's {@code Location}, made absolute. */
    String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no Location: " + response.statusCode() + " " + response.body()));
        return location.startsWith("/") ? base + location : location;
    }

    static String query(Map<String, String> query) {
        return query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
