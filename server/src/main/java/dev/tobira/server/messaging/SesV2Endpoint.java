package dev.tobira.server.messaging;

import dev.tobira.server.api.ApiFilter;
import dev.tobira.server.api.ApiRequest;
import dev.tobira.server.api.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SES v2 on Tobira's port: {@code POST /v2/email/outbound-emails} (REST-JSON), answered
 * {@code {"MessageId":…}}; errors carry their type in {@code x-amzn-ErrorType} and
 * {@code {"message":…}} in the body, as botocore and the AWS SDK for JavaScript v3 read them. Order:
 * the side doors on?, the size, the signature ({@code ses}), the JSON, the operation.
 */
@RestController
public class SesV2Endpoint {

    private static final Logger log = LoggerFactory.getLogger(SesV2Endpoint.class);

    private final SideDoorAuth auth;
    private final SesV2SendEmail sendEmail;
    private final int maxBodyBytes;
    private final JsonMapper json = JsonMapper.builder().build();

    public SesV2Endpoint(SideDoorAuth auth, SesOutbox ses, ApiFilter.ApiSettings settings) {
        this.auth = auth;
        this.sendEmail = new SesV2SendEmail(ses);
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    @PostMapping(path = "/v2/email/outbound-emails")
    public ResponseEntity<byte[]> sendEmail(HttpServletRequest servletRequest) throws IOException {
        ApiResponse response = handle(ApiFilter.read(servletRequest, maxBodyBytes));
        HttpHeaders headers = new HttpHeaders();
        response.headers().forEach(headers::set);
        return ResponseEntity.status(response.status()).headers(headers).body(response.body());
    }

    ApiResponse handle(ApiRequest request) {
        String requestId = UUID.randomUUID().toString();
        try {
            auth.requireEnabled();
            byte[] body = request.body();
            if (body.length > maxBodyBytes) {
                throw SideDoorError.badRequest("InvalidParameterValue", "Message length is more than " + maxBodyBytes
                        + " bytes long.");
            }
            auth.authenticate(request, QueryEndpoint.SES, true);
            JsonNode input;
            try {
                input = body.length == 0 ? json.createObjectNode() : json.readTree(body);
            } catch (JacksonException e) {
                throw SideDoorError.badRequest("InvalidParameterValue", "The request body is not valid JSON.");
            }
            if (input == null || !input.isObject()) {
                throw SideDoorError.badRequest("InvalidParameterValue", "The request body must be a JSON object.");
            }
            String messageId = sendEmail.handle(input);
            return respond(200, Map.of("MessageId", messageId), Map.of(), requestId);
        } catch (SideDoorError e) {
            return error(e, requestId);
        } catch (RuntimeException e) {
            log.error("Internal error in SES v2 SendEmail (request {})", requestId, e);
            return error(new SideDoorError("InternalFailure", 500, "An internal error occurred. Request id: " + requestId),
                    requestId);
        }
    }

    /** SES v1's codes as SES v2 names them: its request checks answer {@code BadRequestException}. */
    private ApiResponse error(SideDoorError e, String requestId) {
        String type = switch (e.code()) {
            case "ValidationError", "InvalidParameterValue" -> "BadRequestException";
            default -> e.code();
        };
        return respond(e.status(), Map.of("message", e.getMessage()), Map.of("x-amzn-ErrorType", type), requestId);
    }

    private ApiResponse respond(int status, Map<String, String> body, Map<String, String> headers, String requestId) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", "application/json");
        all.put("x-amzn-RequestId", requestId);
        return new ApiResponse(status, all, json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }
}
