package org.segue.plugin.library.lucene.internal;

import java.nio.file.Path;
import java.util.Random;

import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.StandardResults;
import org.segue.api.testkit.ResultMap;

/**
 * The child process of {@link CrashSafetyTest}: imports tracks {@code c<start>, c<start+1>, …}
 * one put (one commit) at a time until it is killed, printing {@code committed N} after each put
 * returns.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int start = Integer.parseInt(args[1]);
        try (TrackIndex index = TrackIndex.open(folder)) {
            for (int i = start; ; i++) {
                String id = "c" + i;
                index.put(TestTracks.track(id, "Artist " + i, "Title " + i, "genre" + i % 7), analysis(id, i));
                System.out.println("committed " + i);
                System.out.flush();
            }
        }
    }

    /** A realistic-size analysis (a 10-minute energy curve) so a commit writes some bytes. */
    static ResultMap analysis(String id, int i) {
        Random random = new Random(i);
        ResultMap r = TestTracks.analysis(id, 90 + i % 80, (1 + i % 12) + "A", random.nextDouble(),
                TestTracks.unitVector(random, 48));
        float[] curve = new float[1200];
        for (int j = 0; j < curve.length; j++) {
            curve[j] = random.nextFloat();
        }
        r.put(StandardResults.ONSET_STRENGTH, new FeatureCurve("onsets", 0, 0.5, curve));
        return r;
    }
}
