package dev.tobira.server.messaging;

import java.util.regex.Pattern;

/**
 * A plain-text reading of an HTML body, for an email sent with HTML only: its text part (what the dev
 * outbox shows, what SMTP sends beside the HTML) is made from the HTML rather than left empty. Not a
 * renderer: blocks and line breaks become new lines, other tags disappear, the common entities are
 * decoded.
 */
final class HtmlText {

    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>");
    private static final Pattern LINE_BREAK = Pattern.compile(
            "(?i)<br\\s*/?>|</(p|div|tr|li|h[1-6]|table|blockquote|pre)\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*(\\n[ \\t]*){2,}");

    private HtmlText() {}

    static String of(String html) {
        String text = INVISIBLE.matcher(html).replaceAll("");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = NUMERIC_ENTITY.matcher(text).replaceAll(m -> {
            String number = m.group(1);
            int codePoint = number.startsWith("x") ? Integer.parseInt(number.substring(1), 16) : Integer.parseInt(number);
            return Character.isValidCodePoint(codePoint) ? java.util.regex.Matcher.quoteReplacement(
                    Character.toString(codePoint)) : "";
        });
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&");
        return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }
}
