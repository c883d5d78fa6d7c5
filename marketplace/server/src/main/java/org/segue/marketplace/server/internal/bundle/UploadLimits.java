package org.segue.marketplace.server.internal.bundle;

/**
 * What an uploaded bundle may weigh. The zip limits are checked on the bytes actually inflated,
 * never on the sizes the archive claims, because a zip bomb lies about those.
 *
 * @param maxUploadBytes largest request body (the jar plus its signed release document)
 * @param maxEntries most entries in the jar
 * @param maxEntryBytes largest inflated entry
 * @param maxTotalBytes largest sum of inflated entries
 * @param maxRatio largest inflated/compressed ratio, for entries and for the whole jar, checked once
 *                 more than {@code ratioFloorBytes} are inflated (small files compress well legitimately)
 * @param ratioFloorBytes inflated size below which the ratio is not checked
 * @param maxManifestBytes largest META-INF/MANIFEST.MF
 */
public record UploadLimits(long maxUploadBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes,
                           int maxRatio, long ratioFloorBytes, int maxManifestBytes) {

    public static UploadLimits defaults() {
        return new UploadLimits(32L << 20, 10_000, 64L << 20, 128L << 20, 100, 1L << 20, 64 << 10);
    }

    public UploadLimits withMaxUploadBytes(long bytes) {
        return new UploadLimits(bytes, maxEntries, maxEntryBytes, maxTotalBytes, maxRatio, ratioFloorBytes, maxManifestBytes);
    }
}
