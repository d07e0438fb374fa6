package io.clientbook.task;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key that makes a campaign exactly-once: its tasks carry the trigger key {@code campaign:<key>}
 * (source CAMPAIGN), and the unique (source, customer, trigger key) lets each customer get at most one
 * task per key. The key is the request's {@code campaign} field, else derived from the caller's
 * Idempotency-Key: a hash of the API key id and the header, so two callers' equal headers are two
 * campaigns, and a retry with the same header is the same campaign even after the stored response
 * has expired.
 */
final class CampaignKey {

    static final String TRIGGER_PREFIX = "campaign:";
    private static final String DERIVED_PREFIX = "idem-";

    private CampaignKey() {
    }

    /** The campaign key, or null when the request names none and sends no Idempotency-Key. */
    static String of(String explicit, String callerKeyId, String idempotencyKey) {
        if (explicit != null) {
            return explicit;
        }
        if (idempotencyKey == null) {
            return null;
        }
        return DERIVED_PREFIX + HexFormat.of().formatHex(sha256(callerKeyId + "\n" + idempotencyKey)).substring(0, 32);
    }

    static String triggerKey(String campaign) {
        return TRIGGER_PREFIX + campaign;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
