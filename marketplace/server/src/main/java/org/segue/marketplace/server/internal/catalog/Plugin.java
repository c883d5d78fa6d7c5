package org.segue.marketplace.server.internal.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A snapshot of one plugin: every version newest first, yanked ones included, and its ratings.
 * The plugin's face (name, summary, category) is that of its newest version that is not yanked.
 */
public record Plugin(String symbolicName, String owner, List<Release> versions, List<Rating> ratings) {

    public Plugin {
        versions = List.copyOf(versions);
        ratings = List.copyOf(ratings);
    }

    public Optional<Release> latest() {
        return versions.stream().filter(r -> !r.yanked()).findFirst();
    }

    /** The metadata to show: that of the latest version, or of the newest one when all are yanked. */
    public ReleaseMetadata metadata() {
        return latest().orElse(versions.get(0)).metadata();
    }

    public Optional<Release> version(org.segue.marketplace.server.internal.bundle.OsgiVersion version) {
        return versions.stream().filter(r -> r.version().equals(version)).findFirst();
    }

    public long downloads() {
        return versions.stream().mapToLong(Release::downloads).sum();
    }

    public double averageRating() {
        return ratings.stream().mapToInt(Rating::stars).average().orElse(0);
    }
}
