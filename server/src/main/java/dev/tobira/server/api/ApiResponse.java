package dev.tobira.server.api;

import java.util.Map;

/** What the API answers: status, the AWS headers, and a JSON body. */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {

    public ApiResponse {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
