package dev.tobira.core.user;

/**
 * What Tobira keeps of a password: the SRP salt and verifier {@code v = g^x mod N} (spec §2.2),
 * both as lower-case hex. The password itself is never stored.
 */
public record PasswordVerifier(String saltHex, String verifierHex) {}
