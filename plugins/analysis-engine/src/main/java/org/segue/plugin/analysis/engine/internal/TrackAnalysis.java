package org.segue.plugin.analysis.engine.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.segue.api.analysis.TrackReport.AnalyzerFailure;
import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.AudioFormat;
import org.segue.api.audio.PcmSource;
import org.segue.support.audio.PlanarBuffer;
import org.segue.support.usage.PluginUsage;

/**
 * The one pass over a track: decode block by block into one reused {@link PlanarBuffer} and hand
 * each block to every analyzer. Memory stays bounded by the block and the analyzers' compact
 * features, whatever the track's length.
 */
final class TrackAnalysis {

    /** A decoder that keeps returning no frames would spin for ever; this many in a row is an error. */
    private static final int MAX_EMPTY_READS = 10_000;

    private TrackAnalysis() {
    }

    /**
     * Runs every analyzer over the source.
     *
     * @param name the file or stream name, for error messages
     * @param failures receives one entry per analyzer that failed
     * @param usage receives each analyzer's time and outcome once all are closed, also when
     *        decoding fails
     * @return the results of the analyzers that succeeded
     * @throws IOException when decoding fails; every analyzer is closed before it propagates
     */
    static ResultStore run(String name, String trackId, PcmSource source, List<AnalyzerSlot.Entry> analyzers,
            int blockFrames, List<AnalyzerFailure> failures, PluginUsage usage) throws IOException {
        AudioFormat format = source.format();
        ResultStore results = new ResultStore(trackId);
        List<AnalyzerSlot> slots = new ArrayList<>(analyzers.size());
        try {
            for (AnalyzerSlot.Entry entry : analyzers) {
                slots.add(AnalyzerSlot.begin(entry, format, source.frameLength(), failures));
            }
            PlanarBuffer block = new PlanarBuffer(format.channels(), blockFrames, format.sampleRate());
            long position = 0;
            int empty = 0;
            for (int n; (n = source.read(block.data, 0, blockFrames)) >= 0; ) {
                if (n == 0) {
                    if (++empty > MAX_EMPTY_READS) {
                        throw new AudioDecodingException(name, "the decoder stopped making progress at frame " + position);
                    }
                    continue;
                }
                empty = 0;
                block.set(n, position);
                position += n;
                for (AnalyzerSlot slot : slots) {
                    slot.accept(block);
                }
            }
            results.duration(position / (double) format.sampleRate());
            for (AnalyzerSlot slot : slots) {
                slot.finish(results);
            }
            return results.freeze();
        } finally {
            for (AnalyzerSlot slot : slots) {
                slot.close();
                usage.add(slot.entry().analyzer().getClass(), slot.id(), slot.nanos(), slot.active());
            }
        }
    }
}
