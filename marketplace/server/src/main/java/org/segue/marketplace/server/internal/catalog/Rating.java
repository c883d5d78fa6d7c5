package org.segue.marketplace.server.internal.catalog;

import java.time.Instant;

/** One account's rating of a plugin, 1 to 5 stars, with an optional review. */
public record Rating(String account, int stars, String review, Instant at) {
}
