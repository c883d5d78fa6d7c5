package org.segue.plugin.analyzer.loudness.internal;

import java.util.Arrays;

/**
 * The channel weights {@code G_i} of ITU-R BS.1770-4 Table 3: 1.0 for front channels, 1.41
 * (+1.5 dB) for the surrounds, 0 for the LFE, which the standard leaves out of the measurement.
 *
 * <p>The api carries a channel count but no layout, so the layout is inferred the way WAV and FLAC
 * order channels: five channels are L R C Ls Rs, six are L R C LFE Ls Rs (5.1). Every other count
 * weighs each channel 1.0, which is exact for mono and stereo. A mono file is measured as one
 * channel, as BS.1770 does, so it reads 3 LU below the same signal on two channels.
 */
final class ChannelWeights {

    private static final double SURROUND = 1.41;

    private ChannelWeights() {
    }

    static double[] of(int channels) {
        double[] weights = new double[channels];
        Arrays.fill(weights, 1.0);
        if (channels == 5) {
            weights[3] = SURROUND;
            weights[4] = SURROUND;
        } else if (channels == 6) {
            weights[3] = 0;
            weights[4] = SURROUND;
            weights[5] = SURROUND;
        }
        return weights;
    }
}
