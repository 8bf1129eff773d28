package dev.tobira.server.messaging;

/**
 * SES v1 {@code SendEmail}: {@code Source}, {@code Destination.{To,Cc,Bcc}Addresses.member.N},
 * {@code Message.Subject.Data}, {@code Message.Body.Text.Data} and/or {@code Message.Body.Html.Data}.
 * Charsets are accepted and need no work: the form is already decoded text.
 */
final class SesSendEmail implements QueryOperation {

    private final SesOutbox ses;

    SesSendEmail(SesOutbox ses) {
        this.ses = ses;
    }

    @Override
    public String handle(QueryForm form) {
        String source = form.required("Source", "source");
        if (!form.hasAny("Destination.")) {
            throw SideDoorError.missing("destination");
        }
        String subject = form.required("Message.Subject.Data", "message.subject.data");
        String text = form.get("Message.Body.Text.Data").orElse("");
        String html = form.get("Message.Body.Html.Data").orElse("");
        if (text.isEmpty() && html.isEmpty() && !form.hasAny("Message.Body.")) {
            throw SideDoorError.missing("message.body");
        }
        return ses.send(new Email(source, form.members("Destination.ToAddresses"),
                form.members("Destination.CcAddresses"), form.members("Destination.BccAddresses"), subject, text, html));
    }
}
