package dev.tobira.server.interop;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A client of the OAuth 2.0 endpoints over java.net.http, as a relying party calls them. */
final class OAuthHttp {

    /** Never follows redirects: the tests look at each {@code Location}. */
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private OAuthHttp() {}

    /** {@code POST url} with a form body and, unless null, an {@code Authorization} header. */
    static HttpResponse<String> postForm(String url, String authorization, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
