/** Passkeys: the WebAuthn relying party of each pool, its users' credentials and the port that keeps them. */
package dev.tobira.core.webauthn;
