package dev.tobira.core.webauthn;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A passkey authenticator in software, for tests: an EC P-256 key made by hand into the browser's
 * PublicKeyCredential JSON (attestation {@code none}, WebAuthn §6.1, §6.5, §8.7), with knobs to play
 * a wrong origin, another relying party or a cloned (rewound) counter.
 */
public final class SoftwareAuthenticator {

    private final KeyPair key;
    private final byte[] credentialId = new byte[16];
    private String userHandle;
    private long counter;

    /** @param seed makes the credential id repeatable; the key comes from the JDK's generator */
    public SoftwareAuthenticator(long seed) {
        new Random(seed).nextBytes(credentialId);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            key = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String credentialId() {
        return b64(credentialId);
    }

    /** Sets the signature counter the next assertion reports before incrementing (a clone replays an old one). */
    public void counter(long value) {
        counter = value;
    }

    /**
     * {@code navigator.credentials.create()} for {@code publicKey} (Cognito's CredentialCreationOptions)
     * at {@code origin}, for relying party {@code rpId} (normally {@code publicKey.rp.id}).
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> create(Map<String, Object> publicKey, String origin, String rpId) {
        userHandle = (String) ((Map<String, Object>) publicKey.get("user")).get("id");
        byte[] clientData = clientData("webauthn.create", (String) publicKey.get("challenge"), origin);
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(0x45); // UP, UV, AT
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) counter).array());
        authData.writeBytes(new byte[16]); // AAGUID: none
        authData.writeBytes(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        authData.writeBytes(credentialId);
        authData.writeBytes(coseKey());
        Cbor attestation = new Cbor().map(3).text("fmt").text("none").text("attStmt").map(0)
                .text("authData").bytes(authData.toByteArray());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", b64(clientData));
        response.put("attestationObject", b64(attestation.out.toByteArray()));
        response.put("transports", List.of("internal"));
        return credential(response);
    }

    /** {@code navigator.credentials.get()} for {@code publicKey} (CREDENTIAL_REQUEST_OPTIONS) at {@code origin}. */
    public Map<String, Object> get(Map<String, Object> publicKey, String origin, String rpId) {
        counter++;
        byte[] clientData = clientData("webauthn.get", (String) publicKey.get("challenge"), origin);
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(0x05); // UP, UV
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) counter).array());
        byte[] data = authData.toByteArray();
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key.getPrivate());
            signer.update(data);
            signer.update(sha256(clientData));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", b64(clientData));
        response.put("authenticatorData", b64(data));
        response.put("signature", b64(signature));
        response.put("userHandle", userHandle);
        return credential(response);
    }

    private Map<String, Object> credential(Map<String, Object> response) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("id", credentialId());
        credential.put("rawId", credentialId());
        credential.put("type", "public-key");
        credential.put("response", response);
        credential.put("authenticatorAttachment", "platform");
        credential.put("clientExtensionResults", Map.of());
        return credential;
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
    }

    /** The public key as COSE_Key: kty EC2, alg ES256, crv P-256, x, y (RFC 9053). */
    private byte[] coseKey() {
        ECPublicKey pub = (ECPublicKey) key.getPublic();
        return new Cbor().map(5).integer(1).integer(2).integer(3).integer(-7).integer(-1).integer(1)
                .integer(-2).bytes(coordinate(pub.getW().getAffineX()))
                .integer(-3).bytes(coordinate(pub.getW().getAffineY())).out.toByteArray();
    }

    private static byte[] coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, out, 32 - length, length);
        return out;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The few CBOR items (RFC 8949) an attestation object and a COSE key need. */
    private static final class Cbor {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        private Cbor head(int major, long value) {
            if (value < 24) {
                out.write(major << 5 | (int) value);
            } else if (value < 256) {
                out.write(major << 5 | 24);
                out.write((int) value);
            } else {
                out.write(major << 5 | 25);
                out.write((int) (value >> 8));
                out.write((int) value & 0xff);
            }
            return this;
        }

        Cbor map(int entries) {
            return head(5, entries);
        }

        Cbor integer(long value) {
            return value >= 0 ? head(0, value) : head(1, -1 - value);
        }

        Cbor text(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            head(3, utf8.length);
            out.writeBytes(utf8);
            return this;
        }

        Cbor bytes(byte[] value) {
            head(2, value.length);
            out.writeBytes(value);
            return this;
        }
    }
}
