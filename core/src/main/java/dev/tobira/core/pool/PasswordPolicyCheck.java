package dev.tobira.core.pool;

import dev.tobira.core.CognitoException.InvalidPasswordException;
import dev.tobira.core.pool.UserPool.PasswordPolicy;

/**
 * Checks a password against a pool's policy, one rule at a time in Cognito's order, failing with
 * Cognito's message for the first rule broken (spec §5.1).
 */
public final class PasswordPolicyCheck {

    /** The symbols Cognito counts as special characters. */
    public static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";

    private PasswordPolicyCheck() {}

    public static void check(PasswordPolicy policy, String password) {
        String prefix = "Password did not conform with policy: ";
        if (password.codePointCount(0, password.length()) < policy.minimumLength()) {
            throw new InvalidPasswordException(prefix + "Password not long enough");
        }
        if (Boolean.TRUE.equals(policy.requireLowercase()) && password.chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
            throw new InvalidPasswordException(prefix + "Password must have lowercase characters");
        }
        if (Boolean.TRUE.equals(policy.requireUppercase()) && password.chars().noneMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new InvalidPasswordException(prefix + "Password must have uppercase characters");
        }
        if (Boolean.TRUE.equals(policy.requireNumbers()) && password.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidPasswordException(prefix + "Password must have numeric characters");
        }
        if (Boolean.TRUE.equals(policy.requireSymbols()) && password.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)) {
            throw new InvalidPasswordException(prefix + "Password must have symbol characters");
        }
    }

    /** A random password that satisfies {@code policy}: for temporary passwords Tobira makes itself. */
    public static String generate(PasswordPolicy policy, java.util.random.RandomGenerator random) {
        String lower = "abcdefghijkmnopqrstuvwxyz";
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String digits = "23456789";
        String symbols = "!@#%&*-_=+";
        String all = lower + upper + digits + symbols;
        int length = Math.max(12, policy.minimumLength());
        StringBuilder out = new StringBuilder();
        out.append(lower.charAt(random.nextInt(lower.length())));
        out.append(upper.charAt(random.nextInt(upper.length())));
        out.append(digits.charAt(random.nextInt(digits.length())));
        out.append(symbols.charAt(random.nextInt(symbols.length())));
        while (out.length() < length) {
            out.append(all.charAt(random.nextInt(all.length())));
        }
        // Shuffle so the required classes are not always in front.
        for (int i = out.length() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char c = out.charAt(i);
            out.setCharAt(i, out.charAt(j));
            out.setCharAt(j, c);
        }
        return out.toString();
    }
}
