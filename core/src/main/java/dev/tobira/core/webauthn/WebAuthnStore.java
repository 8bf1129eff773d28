package dev.tobira.core.webauthn;

import java.util.List;
import java.util.Optional;

/**
 * Port: the pools' passkey settings, their users' passkeys and the registrations under way, shared by
 * every node. No method returns null.
 */
public interface WebAuthnStore {

    /** The pool's WebAuthnConfiguration, if SetUserPoolMfaConfig has set one. */
    Optional<WebAuthnConfig> config(String userPoolId);

    /** Sets (replaces) the pool's WebAuthnConfiguration. */
    void saveConfig(String userPoolId, WebAuthnConfig config);

    /** Remembers {@code pending} as the user's registration under way, replacing any earlier one. */
    void savePendingRegistration(PendingRegistration pending);

    /**
     * Removes and returns the user's registration under way: of two callers racing for the same one,
     * exactly one gets it.
     */
    Optional<PendingRegistration> takePendingRegistration(String userPoolId, String username);

    /** Adds a passkey; false, and nothing changes, when its credential id is already in the pool. */
    boolean add(Passkey passkey);

    /** The user's passkeys, oldest first. */
    List<Passkey> passkeys(String userPoolId, String username);

    /** The passkey with this credential id in the pool, whoever owns it. */
    Optional<Passkey> passkey(String userPoolId, String credentialId);

    /**
     * Moves the passkey's signature counter from {@code expected} to {@code updated}, in one conditional
     * change: false when the counter is no longer {@code expected} (another sign-in got there first)
     * or the passkey is gone.
     */
    boolean updateSignatureCount(String userPoolId, String credentialId, long expected, long updated);

    /** Deletes the user's passkey; false when the user has no passkey with this id. */
    boolean delete(String userPoolId, String username, String credentialId);
}
