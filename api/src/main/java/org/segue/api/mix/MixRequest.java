package org.segue.api.mix;

/**
 * What kind of mix to make.
 *
 * @param set the set's arc, pitch-shift allowance and seed
 * @param styleId a DJ style to use for every transition, or {@code null} to choose the most
 *     suitable style per transition
 * @param maxMinutes stop adding tracks once the mix would be longer, 0 for no limit
 */
public record MixRequest(SetRequest set, String styleId, double maxMinutes) {
    public MixRequest {
        if (set == null) {
            throw new IllegalArgumentException("set must not be null");
        }
        if (!(maxMinutes >= 0)) {
            throw new IllegalArgumentException("maxMinutes must be >= 0: " + maxMinutes);
        }
    }

    /** Default arc, automatic styles, no length limit. */
    public static MixRequest defaults() {
        return new MixRequest(SetRequest.defaults(), null, 0);
    }
}
