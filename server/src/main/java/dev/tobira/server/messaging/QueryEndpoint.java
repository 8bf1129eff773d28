package dev.tobira.server.messaging;

import dev.tobira.server.api.ApiRequest;
import dev.tobira.server.api.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SES v1 and SNS on {@code POST /}: AWS query-protocol calls ({@code application/x-www-form-urlencoded},
 * {@code Action=SendEmail&Version=2010-12-01&…}), answered in XML as those services answer.
 *
 * <p>The service is the one the SigV4 credential scope names ({@code ses} or {@code sns}); an unsigned
 * call is placed by its {@code Action} ({@code Publish} is SNS's), so that its refusal is in the right
 * service's words. Order: the side doors on?, the size, the signature, the action, the operation.
 */
public final class QueryEndpoint {

    static final String SES = "ses";
    static final String SNS = "sns";
    private static final Map<String, String> NAMESPACES = Map.of(
            SES, "http://ses.amazonaws.com/doc/2010-12-01/",
            SNS, "http://sns.amazonaws.com/doc/2010-03-31/");
    private static final Pattern SCOPED_SERVICE = Pattern.compile("Credential=[^/,\\s]*/[^/,\\s]*/[^/,\\s]*/([^/,\\s]*)/");
    private static final Pattern PUBLISH = Pattern.compile("(^|&)Action=Publish(&|$)");
    private static final Logger log = LoggerFactory.getLogger(QueryEndpoint.class);

    private final SideDoorAuth auth;
    private final Map<String, Map<String, QueryOperation>> operations;
    private final int maxBodyBytes;

    public QueryEndpoint(SideDoorAuth auth, SesOutbox ses, SideDoorOutbox outbox, Clock clock,
            int maxBodyBytes) {
        this.auth = auth;
        this.operations = Map.of(
                SES, Map.of("SendEmail", new SesSendEmail(ses), "SendRawEmail", new SesSendRawEmail(ses)),
                SNS, Map.of("Publish", new SnsPublish(outbox, clock)));
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Whether {@code request} is a query-protocol call: a form POST with no {@code X-Amz-Target}. */
    public static boolean accepts(ApiRequest request) {
        return request.header("X-Amz-Target").isEmpty() && request.header("Content-Type")
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
                .orElse(false);
    }

    public ApiResponse handle(ApiRequest request) {
        String requestId = UUID.randomUUID().toString();
        byte[] body = request.body();
        String service = SES;
        String action = "";
        try {
            service = scopedService(request).orElseGet(() -> PUBLISH.matcher(new String(body,
                    StandardCharsets.ISO_8859_1)).find() ? SNS : SES);
            auth.requireEnabled();
            if (body.length > maxBodyBytes) {
                throw service.equals(SNS) ? SideDoorError.badRequest("InvalidParameter", "Invalid parameter: Message too long")
                        : SideDoorError.badRequest("InvalidParameterValue", "Message length is more than "
                                + maxBodyBytes + " bytes long.");
            }
            QueryForm form = QueryForm.parse(body);
            action = form.get("Action").orElse("");
            auth.authenticate(request, service, false);
            QueryOperation operation = operations.get(service).get(action);
            if (operation == null) {
                throw SideDoorError.badRequest("InvalidAction", "The action " + (action.isEmpty() ? "(none)" : action)
                        + " is not valid for this web service. Tobira answers SES's SendEmail and SendRawEmail and"
                        + " SNS's Publish to a phone number.");
            }
            String messageId = operation.handle(form);
            return xml(200, "<" + action + "Response xmlns=\"" + NAMESPACES.get(service) + "\"><" + action + "Result>"
                    + "<MessageId>" + escape(messageId) + "</MessageId></" + action + "Result><ResponseMetadata>"
                    + "<RequestId>" + requestId + "</RequestId></ResponseMetadata></" + action + "Response>", requestId);
        } catch (SideDoorError e) {
            return error(service, e, requestId);
        } catch (RuntimeException e) {
            log.error("Internal error in {} {} (request {})", service, action, requestId, e);
            return error(service, new SideDoorError("InternalFailure", 500,
                    "An internal error occurred. Request id: " + requestId), requestId);
        }
    }

    /** The service the SigV4 credential scope names, if it is one answered here. */
    private static Optional<String> scopedService(ApiRequest request) {
        return request.header("Authorization").map(SCOPED_SERVICE::matcher)
                .filter(Matcher::find).map(m -> m.group(1)).filter(NAMESPACES::containsKey);
    }

    private static ApiResponse error(String service, SideDoorError e, String requestId) {
        return xml(e.status(), "<ErrorResponse xmlns=\"" + NAMESPACES.get(service) + "\"><Error><Type>" + e.faultType()
                + "</Type><Code>" + escape(e.code()) + "</Code><Message>" + escape(e.getMessage()) + "</Message></Error>"
                + "<RequestId>" + requestId + "</RequestId></ErrorResponse>", requestId);
    }

    private static ApiResponse xml(int status, String document, String requestId) {
        return new ApiResponse(status, Map.of("Content-Type", "text/xml", "x-amzn-RequestId", requestId),
                document.getBytes(StandardCharsets.UTF_8));
    }

    /** XML character data: markup characters escaped, characters XML 1.0 cannot carry dropped. */
    static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
