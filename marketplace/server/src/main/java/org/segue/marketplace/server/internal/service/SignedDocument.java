package org.segue.marketplace.server.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import org.segue.marketplace.server.internal.Rejection;
import org.segue.marketplace.server.internal.catalog.Account;
import org.segue.marketplace.server.internal.catalog.Catalog;
import org.segue.marketplace.server.internal.crypto.Ed25519;

/**
 * A JSON document an account signed: the signature is over the exact bytes sent, so no
 * canonical JSON is needed. Every document names its {@code format}, its {@code account}, the
 * {@code key} fingerprint it was signed with, and {@code issued} (milliseconds since the epoch, the
 * signer's clock): a document is accepted only within {@link #CLOCK_SKEW} of the server's clock
 * and only if newer than every document accepted from that account before, which makes a
 * captured request worthless to replay.
 */
public record SignedDocument(byte[] bytes, JsonNode body, String account, long issued) {

    public static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    public static final int MAX_BYTES = 64 * 1024;

    /** Parses the document and checks its format; nothing about its signature yet. */
    public static SignedDocument parse(ObjectMapper json, byte[] bytes, String expectedFormat) throws Rejection {
        if (bytes == null || bytes.length == 0) {
            throw Rejection.badRequest("unsigned", "the signed document is missing");
        }
        if (bytes.length > MAX_BYTES) {
            throw new Rejection(413, "too-large", "the signed document is larger than " + MAX_BYTES + " bytes");
        }
        JsonNode body;
        try {
            body = json.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Rejection.badRequest("bad-json", "the signed document is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Rejection.badRequest("bad-json", "the signed document is not JSON: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            throw Rejection.badRequest("bad-json", "the signed document is not a JSON object");
        }
        if (!expectedFormat.equals(body.path("format").asText())) {
            throw Rejection.badRequest("bad-format", "format must be '" + expectedFormat + "', was '"
                    + body.path("format").asText() + "'");
        }
        String account = text(body, "account");
        if (!body.path("issued").isIntegralNumber()) {
            throw Rejection.badRequest("bad-json", "issued (milliseconds since the epoch) is missing");
        }
        return new SignedDocument(bytes, body, account, body.path("issued").asLong());
    }

    /** The document's signature must verify with the account's registered key. */
    public Account verify(Catalog catalog, String signature) throws Rejection {
        Account account = catalog.account(this.account).orElseThrow(() -> Rejection.forbidden("unknown-key",
                "unknown account '" + this.account + "': register its public key first"));
        String key = body.path("key").asText("");
        if (!key.isEmpty() && !key.equals(account.fingerprint())) {
            throw Rejection.forbidden("unknown-key", "key " + key + " is not the key registered for '"
                    + this.account + "' (" + account.fingerprint() + ")");
        }
        verifyWith(Ed25519.publicKey(account.publicKey()), signature);
        return account;
    }

    /** Checks the signature with a given key (registration proves possession of the new key). */
    public void verifyWith(PublicKey key, String signature) throws Rejection {
        if (signature == null || signature.isBlank()) {
            throw Rejection.forbidden("unsigned", "the request is not signed (no signature)");
        }
        if (!Ed25519.verify(key, bytes, signature)) {
            throw Rejection.forbidden("bad-signature", "the signature does not match the document and the key of '"
                    + account + "': it was altered or signed with another key");
        }
    }

    /** Refuses stale, future and replayed documents; call under the commit lock. */
    public void checkFresh(Catalog catalog, Instant now) throws Rejection {
        long skew = CLOCK_SKEW.toMillis();
        if (Math.abs(issued - now.toEpochMilli()) > skew) {
            throw Rejection.forbidden("stale", "issued " + Instant.ofEpochMilli(issued) + " is more than "
                    + CLOCK_SKEW.toMinutes() + " minutes from the server's clock " + now);
        }
        if (issued <= catalog.lastIssued(account)) {
            throw Rejection.forbidden("replayed", "issued " + issued + " is not newer than the last document accepted from '"
                    + account + "' (" + catalog.lastIssued(account) + "): a replay, or clocks out of order");
        }
    }

    public static String text(JsonNode body, String field) throws Rejection {
        JsonNode n = body.path(field);
        if (!n.isTextual() || n.asText().isBlank()) {
            throw Rejection.badRequest("bad-json", field + " is missing");
        }
        return n.asText();
    }
}
