package org.segue.marketplace.server.internal.catalog;

import java.time.Instant;

/**
 * A marketplace account: a name bound to one Ed25519 public key. Publishers and reviewers are
 * both accounts; an account becomes a publisher by publishing.
 *
 * @param publicKey Base64 X.509 SubjectPublicKeyInfo
 * @param fingerprint {@code sha256:<hex>} of the key
 */
public record Account(String name, String publicKey, String fingerprint, Instant registered) {
}
