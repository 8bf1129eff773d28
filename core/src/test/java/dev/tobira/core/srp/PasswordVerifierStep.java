package dev.tobira.core.srp;

import dev.tobira.core.srp.SrpServer.Challenge;
import dev.tobira.core.user.PasswordVerifier;
import java.util.Map;

/**
 * What a server does with a {@code PASSWORD_VERIFIER} answer (spec §2.2), for tests: derive
 * {@code K} from the pending challenge, re-format {@code TIMESTAMP} canonically (spec §2.4) and
 * check {@code PASSWORD_CLAIM_SIGNATURE} against the server's own {@code USER_ID_FOR_SRP}.
 */
final class PasswordVerifierStep {

    private PasswordVerifierStep() {}

    static boolean accepts(String poolName, String userIdForSrp, PasswordVerifier verifier, String srpA,
            Challenge challenge, byte[] secretBlock, Map<String, String> challengeResponses) {
        byte[] key = SrpServer.key(SrpServer.parseSrpA(srpA), challenge.b(), challenge.B(), verifier);
        String timestamp = SrpTimestamp.format(SrpTimestamp.parse(challengeResponses.get("TIMESTAMP"))
                .orElseThrow(() -> new AssertionError("TIMESTAMP does not parse: " + challengeResponses)));
        return SrpServer.verify(key, poolName, userIdForSrp, secretBlock, timestamp,
                challengeResponses.get("PASSWORD_CLAIM_SIGNATURE"));
    }
}
