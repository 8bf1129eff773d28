package dev.tobira.server.api.model;

import java.util.regex.Pattern;

/**
 * Whole-value regular expression matching with a cap on the work done. A few model patterns
 * nest quantifiers (e.g. {@code [\p{L}…]*\{##[\p{L}…]*##\}[\p{L}…]*} on 20,000-character
 * message templates), so a crafted value could make {@link java.util.regex.Matcher#matches()}
 * backtrack for seconds. Past the cap the value counts as not matching.
 */
final class BoundedMatch {

    /** Character reads allowed per match: ample for every legitimate value of the model. */
    static final long DEFAULT_BUDGET = 20_000_000L;

    private BoundedMatch() {
    }

    /** Whether {@code pattern} matches all of {@code value} within {@link #DEFAULT_BUDGET}. */
    static boolean matchesWhole(Pattern pattern, String value) {
        return matchesWhole(pattern, value, DEFAULT_BUDGET);
    }

    static boolean matchesWhole(Pattern pattern, String value, long budget) {
        try {
            return pattern.matcher(new Counted(value, new long[] {budget})).matches();
        } catch (BudgetExhausted exhausted) {
            return false;
        }
    }

    private static final class BudgetExhausted extends RuntimeException {
        BudgetExhausted() {
            super("regular expression budget exhausted", null, false, false);
        }
    }

    /** A view of a string that charges every character read against a shared budget. */
    private record Counted(String text, int start, int end, long[] budget) implements CharSequence {

        Counted(String text, long[] budget) {
            this(text, 0, text.length(), budget);
        }

        @Override
        public int length() {
            return end - start;
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new BudgetExhausted();
            }
            return text.charAt(start + index);
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new Counted(text, start + from, start + to, budget);
        }

        @Override
        public String toString() {
            return text.substring(start, end);
        }
    }
}
