package dev.tobira.bench.sidebyside;

import java.util.Arrays;

/**
 * The flows the side-by-side benchmark drives. One operation is the whole flow as a client makes it,
 * however many HTTP requests that takes ({@link #requests}); it counts only when the server returned
 * what the flow ends with (tokens, or a confirmed user).
 */
enum Flow {
    PASSWORD("password", "USER_PASSWORD_AUTH", 1, false),
    SIGN_UP("sign-up", "SignUp + AdminConfirmSignUp", 2, false),
    REFRESH("refresh", "REFRESH_TOKEN_AUTH", 1, false),
    SRP("srp", "USER_SRP_AUTH + PASSWORD_VERIFIER", 2, true),
    CUSTOM_AUTH("custom-auth", "CUSTOM_AUTH: SRP, then the emailed code", 4, true),
    EMAIL_OTP("email-otp", "USER_AUTH + EMAIL_OTP", 3, true),
    /** The scale benchmark's look-up: one user by email, through the attribute index. */
    LIST_USERS("list-users", "ListUsers, Filter email = …", 1, true);

    /** The flows of the side-by-side comparison (the default of {@code --flows}). */
    static final java.util.List<Flow> SIDE_BY_SIDE = java.util.List.of(PASSWORD, SIGN_UP, REFRESH, SRP, CUSTOM_AUTH,
            EMAIL_OTP);
    /** The flows of the scale benchmark (the default of {@code --flows} with {@code --pool-users}). */
    static final java.util.List<Flow> SCALE = java.util.List.of(PASSWORD, LIST_USERS);

    /** The name on the command line ({@code --flows}). */
    final String key;
    /** The name in the table. */
    final String title;
    /** HTTP requests per operation, the dev outbox's read of an emailed code included. */
    final int requests;
    /** Only Tobira can do it for real: the peers have no SRP verifier check, no triggers, no EMAIL_OTP. */
    final boolean tobiraOnly;

    Flow(String key, String title, int requests, boolean tobiraOnly) {
        this.key = key;
        this.title = title;
        this.requests = requests;
        this.tobiraOnly = tobiraOnly;
    }

    static Flow of(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown flow " + key + "; the flows are "
                        + String.join(", ", Arrays.stream(values()).map(f -> f.key).toList())));
    }
}
