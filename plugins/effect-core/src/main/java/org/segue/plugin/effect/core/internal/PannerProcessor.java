package org.segue.plugin.effect.core.internal;

import org.segue.api.audio.AudioBlock;

/**
 * Stereo panner: first width in mid/side ({@code side * width}: 0 mono, 1 unchanged, 2 twice as
 * wide), then constant-power balance: left gain {@code cos(theta)}, right {@code sin(theta)},
 * {@code theta = (pan + 1) * pi / 4}. So the centre is -3 dB on each side, the summed power is the
 * same at every position, and hard left leaves nothing on the right.
 *
 * <p>A mono stream has no image to move: it passes unchanged.
 */
final class PannerProcessor extends EffectBase {

    private static final int PAN = 0, WIDTH = 1;

    PannerProcessor() {
        super(PannerEffect.DESCRIPTOR);
    }

    @Override
    protected void allocate(int sampleRate, int channels) {
        // Stateless.
    }

    @Override
    protected void clearState() {
        // Stateless.
    }

    @Override
    protected void render(AudioBlock block, int from, int to) {
        if (blockChannels < 2) {
            return;
        }
        double theta0 = (start[PAN] + 1) * Math.PI / 4;
        double theta1 = (end[PAN] + 1) * Math.PI / 4;
        double left0 = Math.cos(theta0), left1 = Math.cos(theta1);
        double right0 = Math.sin(theta0), right1 = Math.sin(theta1);
        float[] l = block.channel(0);
        float[] r = block.channel(1);
        int n = to - from;
        for (int i = 0; i < n; i++) {
            double mid = 0.5 * (l[from + i] + r[from + i]);
            double side = 0.5 * (l[from + i] - r[from + i]) * ramp(start[WIDTH], end[WIDTH], i, n);
            l[from + i] = (float) (ramp(left0, left1, i, n) * (mid + side));
            r[from + i] = (float) (ramp(right0, right1, i, n) * (mid - side));
        }
    }
}
