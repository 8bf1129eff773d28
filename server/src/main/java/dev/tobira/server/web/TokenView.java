package dev.tobira.server.web;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A token as the dashboard's token panel shows it: its decoded header and claims, times as dates,
 * and only a short, useless prefix of the token itself. Decoding is for display; the tokens came
 * straight from the pool over its own connection and are not verified here.
 *
 * @param prefix the first characters of the token, to tell tokens apart, never enough to use one
 */
public record TokenView(String name, String prefix, List<Claim> header, List<Claim> claims) {

    /** One claim; {@code time} is set for the claims that are seconds since the epoch. */
    public record Claim(String name, String value, Instant time) {}

    private static final Set<String> TIMES = Set.of("exp", "iat", "auth_time", "nbf");
    private static final int PREFIX = 12;

    public TokenView {
        header = List.copyOf(header);
        claims = List.copyOf(claims);
    }

    /** Decodes {@code token}; a token that is not a JWT gets no claims. */
    public static TokenView of(String name, String token) {
        String prefix = token.length() <= PREFIX ? "" : token.substring(0, PREFIX) + "…";
        try {
            JWT jwt = JWTParser.parse(token);
            List<Claim> header = new ArrayList<>();
            jwt.getHeader().toJSONObject().forEach((k, v) -> header.add(new Claim(k, text(v), null)));
            List<Claim> claims = new ArrayList<>();
            for (Map.Entry<String, Object> claim : jwt.getJWTClaimsSet().getClaims().entrySet()) {
                Object value = claim.getValue();
                Instant time = !TIMES.contains(claim.getKey()) ? null
                        : value instanceof Date date ? date.toInstant()
                        : value instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : null;
                claims.add(new Claim(claim.getKey(), time != null ? String.valueOf(time.getEpochSecond()) : text(value),
                        time));
            }
            return new TokenView(name, prefix, header, claims);
        } catch (ParseException e) {
            return new TokenView(name, prefix, List.of(), List.of());
        }
    }

    private static String text(Object value) {
        if (value instanceof Collection<?> values) {
            return String.join(", ", values.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
