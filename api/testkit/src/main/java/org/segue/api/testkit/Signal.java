package org.segue.api.testkit;

/**
 * Synthesised audio with the truth it was made from.
 *
 * @param audio planar samples, one array per channel
 * @param sampleRate frames per second
 * @param beats beat times in seconds (empty when the signal has no beat)
 * @param downbeats the beats that start a bar
 */
public record Signal(float[][] audio, int sampleRate, double[] beats, double[] downbeats) {

    /** Seconds of audio. */
    public double seconds() {
        return audio[0].length / (double) sampleRate;
    }

    /** The same signal on two identical channels. */
    public Signal stereo() {
        if (audio.length == 2) {
            return this;
        }
        return new Signal(new float[][] {audio[0], audio[0].clone()}, sampleRate, beats, downbeats);
    }
}
