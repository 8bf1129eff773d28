package dev.tobira.server.messaging;

/**
 * SES v1 {@code SendRawEmail}: {@code RawMessage.Data} (a base64 MIME message), and optionally
 * {@code Source} and {@code Destinations.member.N}, which replace its From and its recipients.
 */
final class SesSendRawEmail implements QueryOperation {

    private final SesOutbox ses;

    SesSendRawEmail(SesOutbox ses) {
        this.ses = ses;
    }

    @Override
    public String handle(QueryForm form) {
        byte[] raw = RawEmail.base64(form.required("RawMessage.Data", "rawMessage.data"), "RawMessage.Data");
        return ses.send(RawEmail.parse(raw, form.get("Source"), form.members("Destinations")));
    }
}
