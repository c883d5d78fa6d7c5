package org.segue.plugin.cli.plugin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.PublicKey;

/**
 * What the publisher vouches for: their signature over the release document, with a key the user
 * trusts, and that the downloaded jar is the one that document names (SHA-256 and size). This is
 * the check that keeps even the marketplace from substituting an artifact.
 */
final class ReleaseCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The signed facts of one release. */
    record Signed(String account, String sha256, long size) {
    }

    private ReleaseCheck() {
    }

    static Signed verify(Index index, Index.Plugin plugin, Index.Release release, Keys trusted) {
        String what = plugin.symbolicName() + " " + release.version();
        PublicKey key = index.accounts().get(plugin.publisher());
        if (key == null) {
            throw new PluginException(what + ": publisher " + plugin.publisher() + " has no key in the index: unknown key");
        }
        String fingerprint = Keys.fingerprint(key);
        if (!trusted.trusts(key)) {
            throw new PluginException(what + ": published by " + plugin.publisher() + " with key " + fingerprint
                    + ", which you do not trust (unknown key). If you trust this publisher, run "
                    + "`segue plugin trust " + plugin.publisher() + " " + fingerprint + "`");
        }
        if (release.signature() == null || release.release().length == 0) {
            throw new PluginException(what + ": the release is unsigned");
        }
        if (!Keys.verify(key, release.release(), release.signature())) {
            throw new PluginException(what + ": the release document's signature does not verify with "
                    + plugin.publisher() + "'s key " + fingerprint + " (altered or forged)");
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(release.release());
        } catch (IOException e) {
            throw new PluginException(what + ": the signed release document is not JSON");
        }
        if (!"segue-release/1".equals(doc.path("format").asText())
                || !plugin.publisher().equals(doc.path("account").asText())
                || !fingerprint.equals(doc.path("key").asText())) {
            throw new PluginException(what + ": the signed document is not a segue-release/1 of account "
                    + plugin.publisher() + " with key " + fingerprint);
        }
        Signed signed = new Signed(doc.path("account").asText(), doc.path("sha256").asText(), doc.path("size").asLong(-1));
        if (signed.size() <= 0 || !signed.sha256().matches("[0-9a-f]{64}")) {
            throw new PluginException(what + ": the signed document has no valid sha256 and size");
        }
        return signed;
    }

    /** The downloaded bytes must be exactly the signed artifact. */
    static void checkArtifact(String what, Signed signed, byte[] jar) {
        if (jar.length != signed.size()) {
            throw new PluginException(what + ": downloaded " + jar.length + " bytes but the publisher signed "
                    + signed.size() + ": tampered artifact, refused");
        }
        String actual = Keys.sha256Hex(jar);
        if (!actual.equals(signed.sha256())) {
            throw new PluginException(what + ": the download's SHA-256 " + actual + " is not the signed "
                    + signed.sha256() + ": tampered artifact, refused");
        }
    }
}
