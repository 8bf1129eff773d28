package dev.tobira.core.token;

/**
 * What a token is for, as its {@code token_use} claim says. Each use has its own signing keys
 * (spec §6.2: ID and access tokens are signed with different keys), so a token of one use can never
 * pass for the other even if the claim were changed.
 */
public enum TokenUse {
    /** An ID token: who the user is, for the app ({@code token_use} {@code id}). */
    ID("id"),
    /** An access token: what the bearer may call ({@code token_use} {@code access}). */
    ACCESS("access");

    private final String claim;

    TokenUse(String claim) {
        this.claim = claim;
    }

    /** The value of the {@code token_use} claim. */
    public String claim() {
        return claim;
    }
}
