package org.segue.marketplace.server.internal.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.segue.marketplace.server.internal.Rejection;

/**
 * What a publisher says about a release, beside what the bundle says about itself.
 *
 * @param category one of {@link #CATEGORIES}, the extension points of the Segue api
 * @param license an SPDX expression (free text is refused only when empty or too long)
 * @param homepage an http(s) URL, or null
 */
public record ReleaseMetadata(String name, String summary, String description, String category,
                              String license, String homepage) {

    public static final List<String> CATEGORIES =
            List.of("analyzer", "effect", "style", "recommender", "connector", "badge");

    /** @throws Rejection naming the first field that is missing, too long or malformed */
    public void validate() throws Rejection {
        text("name", name, 1, 100);
        text("summary", summary, 1, 200);
        text("description", description == null ? "" : description, 0, 20_000);
        text("license", license, 1, 200);
        if (category == null || !CATEGORIES.contains(category)) {
            throw Rejection.badRequest("bad-metadata", "metadata.category must be one of " + CATEGORIES
                    + ", was " + (category == null ? "missing" : "'" + category + "'"));
        }
        if (homepage != null && !homepage.isEmpty()) {
            text("homepage", homepage, 1, 500);
            try {
                URI uri = new URI(homepage);
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new URISyntaxException(homepage, "not an http(s) URL with a host");
                }
            } catch (URISyntaxException e) {
                throw Rejection.badRequest("bad-metadata", "metadata.homepage is not an http(s) URL: " + e.getMessage());
            }
        }
    }

    private static void text(String field, String value, int min, int max) throws Rejection {
        if (value == null || value.strip().length() < min) {
            throw Rejection.badRequest("bad-metadata", "metadata." + field + " is missing");
        }
        if (value.length() > max) {
            throw Rejection.badRequest("bad-metadata", "metadata." + field + " is longer than " + max + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
            throw Rejection.badRequest("bad-metadata", "metadata." + field + " contains control characters");
        }
    }
}
