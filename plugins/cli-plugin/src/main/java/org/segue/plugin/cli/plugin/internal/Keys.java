package org.segue.plugin.cli.plugin.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys a user trusts, as the marketplace formats write them: a public key is Base64 of its
 * X.509 SubjectPublicKeyInfo, its fingerprint {@code sha256:<hex>} of those bytes. A trusted entry
 * may be either; a key is trusted when its fingerprint is among them, so pinning a fingerprint is as
 * strong as pinning the key and fits on a command line.
 */
final class Keys {

    private final Set<String> fingerprints = new LinkedHashSet<>();

    /** @param entries Base64 keys or fingerprints, each possibly a comma- or space-separated list */
    Keys(List<String> entries) {
        for (String entry : entries) {
            for (String one : entry.split("[,\\s]+")) {
                if (one.isBlank()) {
                    continue;
                }
                fingerprints.add(one.startsWith("sha256:") ? one.toLowerCase(java.util.Locale.ROOT) : fingerprint(decode(one)));
            }
        }
    }

    boolean isEmpty() {
        return fingerprints.isEmpty();
    }

    boolean trusts(PublicKey key) {
        return fingerprints.contains(fingerprint(key));
    }

    static PublicKey decode(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PluginException("not an Ed25519 public key (Base64 SubjectPublicKeyInfo) nor a sha256: fingerprint: "
                    + abbreviate(base64));
        }
    }

    static String fingerprint(PublicKey key) {
        return "sha256:" + sha256Hex(key.getEncoded());
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** True when {@code signatureBase64} is the Ed25519 signature of exactly {@code data} by {@code key}. */
    static boolean verify(PublicKey key, byte[] data, String signatureBase64) {
        if (signatureBase64 == null) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(data);
            return s.verify(Base64.getDecoder().decode(signatureBase64.trim()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static String abbreviate(String s) {
        return s.length() > 24 ? s.substring(0, 24) + "…" : s;
    }
}
