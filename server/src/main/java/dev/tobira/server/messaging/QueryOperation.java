package dev.tobira.server.messaging;

/**
 * One SES v1 or SNS operation of the AWS query protocol. Each answers with a {@code MessageId}, which
 * {@link QueryEndpoint} writes as {@code <ActionResponse><ActionResult><MessageId>}.
 */
interface QueryOperation {

    /**
     * Performs the call.
     *
     * @return the MessageId of what was accepted
     * @throws SideDoorError when the call is refused; nothing is then enqueued
     */
    String handle(QueryForm form);
}
