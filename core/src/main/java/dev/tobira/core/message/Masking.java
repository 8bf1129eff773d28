package dev.tobira.core.message;

/**
 * Destinations as Cognito shows them in {@code CodeDeliveryDetails.Destination} and
 * {@code CODE_DELIVERY_DESTINATION} (spec §5.1, §4.2): enough for the user to recognise the
 * address, not enough to learn it.
 *
 * <ul>
 *   <li>Email: the first character of the local part, {@code ***@}, the first character of the
 *       domain, {@code ***}: {@code alice@example.com} → {@code a***@e***}.
 *   <li>Phone: the plus sign, then {@code *} for every digit but the last four:
 *       {@code +15555550100} → {@code +*******0100}. A number of fewer than eight digits shows only
 *       the last half of its digits, so a short number is never shown whole.
 * </ul>
 *
 * <p>No method throws: an address that is malformed, blank or null is masked as far as it can be,
 * and never shown in full.
 */
public final class Masking {

    private static final String STARS = "***";
    private static final int PHONE_DIGITS_SHOWN = 4;

    private Masking() {}

    /** {@code address} masked the way Cognito masks a destination on {@code channel}. */
    public static String destination(Message.Channel channel, String address) {
        return channel == Message.Channel.SMS ? phone(address) : email(address);
    }

    /**
     * {@code alice@example.com} → {@code a***@e***}. The last {@code @} splits local part from
     * domain; without one the whole address is treated as a local part ({@code a***}); an empty
     * side shows no character ({@code ***@e***}). Empty for a null or blank address.
     */
    public static String email(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        String a = address.strip();
        int at = a.lastIndexOf('@');
        if (at < 0) {
            return firstCharacter(a) + STARS;
        }
        return firstCharacter(a.substring(0, at)) + STARS + "@" + firstCharacter(a.substring(at + 1)) + STARS;
    }

    /**
     * {@code +15555550100} → {@code +*******0100}: every digit but the last four replaced by
     * {@code *}, other characters (spaces, dashes) dropped. The plus sign is kept when the number
     * has one. Empty for a null number or one without digits.
     */
    public static String phone(String number) {
        if (number == null) {
            return "";
        }
        String digits = number.chars().filter(c -> c >= '0' && c <= '9')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (digits.isEmpty()) {
            return "";
        }
        int shown = Math.min(PHONE_DIGITS_SHOWN, digits.length() / 2);
        String plus = number.strip().startsWith("+") ? "+" : "";
        return plus + "*".repeat(digits.length() - shown) + digits.substring(digits.length() - shown);
    }

    /** The first code point, so that a surrogate pair is never split. */
    private static String firstCharacter(String s) {
        return s.isEmpty() ? "" : Character.toString(s.codePointAt(0));
    }
}
