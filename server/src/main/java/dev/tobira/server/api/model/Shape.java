package dev.tobira.server.api.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One shape of the service model, with the constraints Cognito enforces on input.
 *
 * @param name       the model's shape name, e.g. {@code UsernameType}
 * @param type       what kind of value the shape holds
 * @param members    a structure's members in model order (empty for other types)
 * @param checkOrder a structure's members in the order Cognito reports their violations
 * @param min        {@code min} of the model: a length for strings, blobs, lists and maps, a
 *                   value for numbers
 * @param max        {@code max} of the model, as {@code min}
 * @param pattern    the model's regular expression, which a string must match as a whole
 * @param enumValues the allowed values of an enum string, in model order (empty: not an enum)
 * @param sensitive  whether the model marks the shape sensitive
 * @param redacted   whether Cognito leaves the value out of a violation message
 * @param listMember a list's member shape name
 * @param mapKey     a map's key shape name
 * @param mapValue   a map's value shape name
 */
record Shape(
        String name,
        ShapeType type,
        List<Member> members,
        List<Member> checkOrder,
        Optional<BigDecimal> min,
        Optional<BigDecimal> max,
        Optional<Pattern> pattern,
        List<String> enumValues,
        boolean sensitive,
        boolean redacted,
        Optional<String> listMember,
        Optional<String> mapKey,
        Optional<String> mapValue) {

    Shape {
        members = List.copyOf(members);
        checkOrder = List.copyOf(checkOrder);
        enumValues = List.copyOf(enumValues);
    }

    /** The structure member with this wire name, if there is one. */
    Optional<Member> member(String wireName) {
        for (Member candidate : members) {
            if (candidate.name().equals(wireName)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * A member of a structure.
     *
     * @param name     the member name on the wire, e.g. {@code ClientId}
     * @param pathName the name in violation paths: the first letter lower-cased, e.g. {@code clientId}
     * @param target   the member's shape name
     * @param required whether the structure requires the member
     */
    record Member(String name, String pathName, String target, boolean required) {

        /**
         * Cognito's path name of a member: only the first letter is lower-cased, so
         * {@code SMSMfaSettings} becomes {@code sMSMfaSettings} (Lambda's {@code KMSKeyArn} is
         * reported at {@code 'kMSKeyArn'} by the same framework).
         */
        static String pathNameOf(String memberName) {
            return memberName.isEmpty()
                    ? memberName
                    : Character.toLowerCase(memberName.charAt(0)) + memberName.substring(1);
        }
    }
}
