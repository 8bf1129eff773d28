package dev.tobira.server.delivery;

import dev.tobira.core.message.Message;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What is recorded and logged of a failed delivery: the exception chain's types and messages, on one
 * line, at most {@link #MAX_LENGTH} characters, with every word of the message's subject, body and
 * html replaced by {@code ***}. Transports do not put the text they send into exceptions, but a server's
 * reply or a library may quote it; the codes and temporary passwords in it must not reach logs.
 */
final class FailureText {

    static final int MAX_LENGTH = 500;

    /** Words this short are kept: they are the words of error messages, and too short to be a secret. */
    private static final int MIN_REDACTED = 4;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /**
     * Ways of cutting a text into words: at spaces, at anything but letters and digits, at anything but
     * ASCII letters and digits, and at anything but digits, so that "コードは123456です" yields 123456.
     */
    private static final Pattern[] SEPARATORS = {
            WHITESPACE, Pattern.compile("[^\\p{L}\\p{N}]+"), Pattern.compile("[^A-Za-z0-9]+"),
            Pattern.compile("[^\\p{N}]+")};
    private static final int MAX_CAUSES = 4;

    private FailureText() {}

    static String of(Throwable failure, Message message) {
        StringBuilder text = new StringBuilder();
        Throwable t = failure;
        for (int i = 0; t != null && i < MAX_CAUSES && text.length() < 4 * MAX_LENGTH; i++, t = t.getCause()) {
            if (i > 0) {
                text.append("; caused by ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String redacted = redact(WHITESPACE.matcher(text).replaceAll(" ").strip(), message);
        return redacted.length() <= MAX_LENGTH ? redacted : redacted.substring(0, MAX_LENGTH - 1) + "…";
    }

    static String redact(String text, Message message) {
        // Longest first, so that a word is replaced whole before any part of it is.
        Set<String> words = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (String source : new String[] {message.subject(), message.body(), message.html()}) {
            if (source == null) {
                continue;
            }
            for (Pattern separator : SEPARATORS) {
                for (String word : separator.split(source)) {
                    if (word.length() >= MIN_REDACTED) {
                        words.add(word);
                    }
                }
            }
        }
        String result = text;
        for (String word : words) {
            result = result.replace(word, "***");
        }
        return result;
    }
}
