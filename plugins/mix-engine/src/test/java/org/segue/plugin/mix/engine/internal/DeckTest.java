package org.segue.plugin.mix.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.api.audio.AudioFormat;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.TrackTags;
import org.segue.api.mix.SetTrack;
import org.segue.api.testkit.ResultMap;
import org.segue.api.testkit.Signal;
import org.segue.api.testkit.Signals;
import org.segue.plugin.stretch.wsola.internal.WsolaStretcher;
import org.segue.support.audio.PlanarBuffer;

class DeckTest {

    /** A PcmSource over a synthesised signal. */
    static PcmSource source(Signal s) {
        return new PcmSource() {
            int pos;

            @Override
            public AudioFormat format() {
                return new AudioFormat(s.sampleRate(), s.audio().length);
            }

            @Override
            public long frameLength() {
                return s.audio()[0].length;
            }

            @Override
            public int read(float[][] d, int offset, int max) {
                int n = Math.min(max, s.audio()[0].length - pos);
                if (n <= 0) {
                    return -1;
                }
                for (int c = 0; c < s.audio().length; c++) {
                    System.arraycopy(s.audio()[c], pos, d[c], offset, n);
                }
                pos += n;
                return n;
            }

            @Override
            public boolean seekable() {
                return true;
            }

            @Override
            public void seek(long frame) {
                pos = (int) frame;
            }

            @Override
            public void close() {
            }
        };
    }

    /** Renders a deck that should play the track at {@code speed} from {@code start} seconds; returns click onsets. */
    static List<Double> play(Signal s, double start, double speed, double seconds) throws Exception {
        MixTrack track = MixTrack.of(new SetTrack("t", Path.of("t.wav"), new ResultMap("t", s.seconds()), TrackTags.empty()), 0);
        int block = MixRenderer.BLOCK;
        Deck deck = new Deck(0, track, source(s), new WsolaStretcher().newProcessor(), 44100, block, 1);
        PlanarBuffer master = new PlanarBuffer(2, block, 44100);
        float[] out = new float[(int) (seconds * 44100)];
        for (int pos = 0; pos + block <= out.length; pos += block) {
            master.clear(block);
            double t0 = start + pos / 44100.0 * speed;
            double t1 = start + (pos + block) / 44100.0 * speed;
            deck.render(master, block, t0, t1, 1, false, false);
            System.arraycopy(master.data[0], 0, out, pos, block);
        }
        List<Double> onsets = new ArrayList<>();
        for (int i = 1; i < out.length; i++) {
            if (Math.abs(out[i]) > 0.2 && (onsets.isEmpty() || i / 44100.0 - onsets.get(onsets.size() - 1) > 0.1)) {
                onsets.add(i / 44100.0);
            }
        }
        return onsets;
    }

    @Test
    void atSpeedOneTheDeckPlaysTheTrackAsItIs() throws Exception {
        Signal clicks = Signals.clicks(44100, 20, 120, 4, 0.5);
        List<Double> onsets = play(clicks, 2.0, 1.0, 10);
        assertTrue(onsets.size() >= 18, onsets.toString());
        for (int i = 0; i < onsets.size(); i++) {
            // Clicks every 0.5 s from 0.5 s in the track; the deck started at 2 s.
            assertEquals(0.5 * i + 0.5 * Math.ceil((2.0 - 0.5) / 0.5) + 0.5 - 2.0, onsets.get(i), 0.002, "click " + i);
        }
    }

    @Test
    void aFasterDeckStaysOnItsTargetTimes() throws Exception {
        Signal clicks = Signals.clicks(44100, 30, 120, 4, 0.5);
        double speed = 1.05;
        List<Double> onsets = play(clicks, 1.0, speed, 12);
        assertTrue(onsets.size() >= 20, onsets.toString());
        for (double t : onsets) {
            double trackTime = 1.0 + t * speed;
            double offBeat = Math.abs((trackTime - 0.5) / 0.5 - Math.round((trackTime - 0.5) / 0.5)) * 0.5 / speed;
            assertTrue(offBeat < 0.003, "click at " + t + " s is " + offBeat * 1000 + " ms off the beat");
        }
    }
}
