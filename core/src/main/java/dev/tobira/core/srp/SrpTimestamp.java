package dev.tobira.core.srp;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code TIMESTAMP} of a {@code PASSWORD_VERIFIER} answer (spec §2.4): format
 * {@code EEE MMM d HH:mm:ss z yyyy}, English, e.g. {@code Mon Nov 2 08:04:05 UTC 2026}.
 *
 * <p>Cognito parses the text and signs its own canonical re-format: a zero-padded day
 * ({@code Mon Nov 02 …}) parses, but a signature over it fails on days 1–9. So a server verifies
 * {@code PASSWORD_CLAIM_SIGNATURE} over {@code format(parse(TIMESTAMP))}, never over the text sent.
 */
public final class SrpTimestamp {

    /**
     * What Cognito's {@code SimpleDateFormat("EEE MMM d HH:mm:ss z yyyy", Locale.US)} reads: English
     * names in any case, a day and time fields of one or two digits, a zone name or id
     * ({@code UTC}, {@code GMT}, {@code PST}, {@code Europe/Paris}). Stricter in one way: the day name
     * must be that date's (such a mismatch could never verify anyway, since the canonical re-format
     * carries the right day name).
     */
    private static final DateTimeFormatter PARSER = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEE MMM d H:m:s z uuuu")
            .toFormatter(Locale.US)
            .withResolverStyle(ResolverStyle.STRICT);

    /** What clients write (amazon-cognito-identity-js {@code DateHelper.getNowString}, pycognito). */
    private static final DateTimeFormatter CANONICAL = DateTimeFormatter
            .ofPattern("EEE MMM d HH:mm:ss 'UTC' uuuu", Locale.US)
            .withZone(ZoneOffset.UTC);

    private SrpTimestamp() {}

    /**
     * The instant {@code timestamp} names, or empty when it is null or not in the format — the
     * caller answers that with {@code InvalidParameterException "TIMESTAMP format should be EEE MMM d
     * HH:mm:ss z yyyy in english."}. A double space before a one-digit day ({@code %e}) and
     * non-English names do not parse.
     */
    public static Optional<Instant> parse(String timestamp) {
        if (timestamp == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(timestamp, PARSER).toInstant());
        } catch (DateTimeException notATimestamp) {
            return Optional.empty();
        }
    }

    /**
     * The canonical text of {@code instant}, to the second: UTC, zone printed as {@code UTC}, day of
     * month not zero-padded, e.g. {@code Mon Nov 2 08:04:05 UTC 2026}. Byte for byte what
     * amazon-cognito-identity-js sends for the same second.
     */
    public static String format(Instant instant) {
        return CANONICAL.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
