package org.segue.marketplace.server.internal.catalog;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Map;
import org.segue.marketplace.server.internal.bundle.BundleHeaders;

/**
 * A committed change to the catalogue, one journal record each. The type names are written into
 * the journal and so are forever: add new types, never rename one.
 *
 * <p>{@code issued} is the publisher's own clock from the signed document; the catalogue keeps the
 * highest per account so that a captured request cannot be replayed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Event.AccountRegistered.class, name = "account-registered/1"),
    @JsonSubTypes.Type(value = Event.ReleasePublished.class, name = "release-published/1"),
    @JsonSubTypes.Type(value = Event.YankSet.class, name = "yank-set/1"),
    @JsonSubTypes.Type(value = Event.RatingSet.class, name = "rating-set/1"),
    @JsonSubTypes.Type(value = Event.DownloadsCounted.class, name = "downloads-counted/1"),
})
public sealed interface Event {

    Instant at();

    record AccountRegistered(String account, String publicKey, String fingerprint, long issued, Instant at)
            implements Event {
    }

    record ReleasePublished(String account, BundleHeaders headers, String sha256, long size, String release,
                            String signature, ReleaseMetadata metadata, long issued, Instant at) implements Event {
    }

    record YankSet(String account, String plugin, String version, boolean yanked, String reason, long issued,
                   Instant at) implements Event {
    }

    record RatingSet(String account, String plugin, int stars, String review, long issued, Instant at)
            implements Event {
    }

    /** Downloads since the last such record, by {@code symbolicName + " " + version}. */
    record DownloadsCounted(Map<String, Long> counts, Instant at) implements Event {
    }
}
