package dev.tobira.core.srp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §2.4: the TIMESTAMP of a PASSWORD_VERIFIER answer. */
class SrpTimestampTest {

    private static final Instant NOV_2 = Instant.parse("2026-11-02T08:04:05Z");

    @Test
    @DisplayName("Format `EEE MMM d HH:mm:ss z yyyy`, English, UTC, zone printed as `UTC`, day not zero-padded: "
            + "`Mon Nov 2 08:04:05 UTC 2026`")
    void formatWhenInstantThenCanonicalText() {
        assertThat(SrpTimestamp.format(NOV_2)).isEqualTo("Mon Nov 2 08:04:05 UTC 2026");
        assertThat(SrpTimestamp.format(NOV_2.plusMillis(999))).isEqualTo("Mon Nov 2 08:04:05 UTC 2026");
        assertThat(SrpTimestamp.format(Instant.parse("2017-03-23T15:44:10Z"))).isEqualTo("Thu Mar 23 15:44:10 UTC 2017");
        assertThat(SrpTimestamp.format(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo("Fri Jan 1 00:00:00 UTC 2027");
    }

    @Test
    void parseWhenCanonicalThenInstant() {
        assertThat(SrpTimestamp.parse("Mon Nov 2 08:04:05 UTC 2026")).contains(NOV_2);
        assertThat(SrpTimestamp.parse("Thu Mar 23 15:44:10 UTC 2017")).contains(Instant.parse("2017-03-23T15:44:10Z"));
    }

    @Test
    @DisplayName("A zero-padded day (`Mon May 01 …`) parses")
    void parseWhenZeroPaddedDayThenSameInstant() {
        assertThat(SrpTimestamp.parse("Mon Nov 02 08:04:05 UTC 2026")).contains(NOV_2);
    }

    @Test
    void parseWhenOtherZoneNameOrCaseThenTheInstantItNames() {
        assertThat(SrpTimestamp.parse("Mon Nov 2 08:04:05 GMT 2026")).contains(NOV_2);
        assertThat(SrpTimestamp.parse("mon nov 2 08:04:05 utc 2026")).contains(NOV_2);
        assertThat(SrpTimestamp.parse("Mon Nov 2 00:04:05 PST 2026")).contains(NOV_2);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "Mon Nov  2 08:04:05 UTC 2026",     // strftime %e pads the day with a space (qwigo/warrant#55)
            "Mo Nov 2 08:04:05 UTC 2026",       // German day name
            "lun. nov. 2 08:04:05 UTC 2026",    // French names
            "Mon Nov 2 08:04:05 2026",          // no zone
            "2026-11-02T08:04:05Z",             // ISO 8601
            "Tue Nov 2 08:04:05 UTC 2026",      // 2 Nov 2026 is a Monday
            "Mon Nov 31 08:04:05 UTC 2026",     // no such day
            "Mon Nov 2 08:04:05 UTC 2026 ",     // trailing space
    })
    @DisplayName("Unparseable (e.g. locale day names, `%e` double space) → InvalidParameterException "
            + "\"TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.\"")
    void parseWhenNotTheFormatThenEmpty(String timestamp) {
        assertThat(SrpTimestamp.parse(timestamp)).isEmpty();
    }

    @Property
    @Label("parse(format(t)) is t to the second, for any t")
    void parseWhenFormattedThenSameSecond(@ForAll("instants") Instant t) {
        assertThat(SrpTimestamp.parse(SrpTimestamp.format(t))).contains(t);
    }

    @Property
    @Label("format writes the day without zero padding, as amazon-cognito-identity-js DateHelper.getNowString does")
    void formatWhenAnyInstantThenWhatAmazonCognitoIdentityJsWrites(@ForAll("instants") Instant t) {
        ZonedDateTime utc = t.atZone(ZoneOffset.UTC);
        // DateHelper.getNowString: weekDay + " " + month + " " + day + " " + HH:mm:ss + " UTC " + year
        String dateHelper = DateTimeFormatter.ofPattern("EEE MMM", Locale.US).format(utc) + " " + utc.getDayOfMonth()
                + " " + DateTimeFormatter.ofPattern("HH:mm:ss", Locale.US).format(utc) + " UTC " + utc.getYear();

        assertThat(SrpTimestamp.format(t)).isEqualTo(dateHelper);
    }

    @Property
    @Label("A zero-padded day parses to the same instant as the canonical text")
    void parseWhenDayZeroPaddedThenSameInstantAsCanonical(@ForAll("instants") Instant t) {
        String canonical = SrpTimestamp.format(t);
        String zeroPadded = canonical.replaceFirst("^(\\w{3} \\w{3}) (\\d) ", "$1 0$2 ");

        assertThat(SrpTimestamp.parse(zeroPadded)).isEqualTo(SrpTimestamp.parse(canonical));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs()
                .between(0, Instant.parse("9999-12-31T23:59:59Z").getEpochSecond())
                .map(Instant::ofEpochSecond);
    }
}
