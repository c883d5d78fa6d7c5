package org.segue.plugin.analysis.engine.internal;

import java.io.IOException;

import org.segue.api.audio.AudioFormat;
import org.segue.api.audio.PcmSource;

/**
 * A decoder's source that sums the time spent in its calls, so the decoder's share of an analysis
 * can be told apart from the analyzers'. Two clock reads per block, nothing allocated.
 */
final class TimedSource implements PcmSource {

    private final PcmSource source;
    private long nanos;

    TimedSource(PcmSource source, long openNanos) {
        this.source = source;
        this.nanos = openNanos;
    }

    /** Time spent opening, reading, seeking and closing so far. */
    long nanos() {
        return nanos;
    }

    @Override
    public AudioFormat format() {
        return source.format();
    }

    @Override
    public long frameLength() {
        return source.frameLength();
    }

    @Override
    public int read(float[][] destination, int offset, int maxFrames) throws IOException {
        long start = System.nanoTime();
        try {
            return source.read(destination, offset, maxFrames);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    @Override
    public boolean seekable() {
        return source.seekable();
    }

    @Override
    public void seek(long frame) throws IOException {
        long start = System.nanoTime();
        try {
            source.seek(frame);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    @Override
    public void close() throws IOException {
        long start = System.nanoTime();
        try {
            source.close();
        } finally {
            nanos += System.nanoTime() - start;
        }
    }
}
