package org.segue.support.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.segue.api.audio.AudioFormat;
import org.segue.api.audio.PcmSource;

class TimedSourceTest {

    /** Sleeps in every call; its reads fail once {@code failAt} frames were read. */
    static final class SlowSource implements PcmSource {
        final long failAt;
        long read;

        SlowSource(long failAt) {
            this.failAt = failAt;
        }

        @Override
        public AudioFormat format() {
            return new AudioFormat(44100, 1);
        }

        @Override
        public long frameLength() {
            return 1000;
        }

        @Override
        public int read(float[][] destination, int offset, int maxFrames) throws IOException {
            pause();
            if (read >= failAt) {
                throw new IOException("truncated");
            }
            read += maxFrames;
            return maxFrames;
        }

        @Override
        public boolean seekable() {
            return true;
        }

        @Override
        public void seek(long frame) {
            pause();
            throw new IllegalStateException("no seeking in this one");
        }

        @Override
        public void close() {
            pause();
        }

        private static void pause() {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void sumsTheTimeOfEveryCallFromTheOpening() throws Exception {
        SlowSource slow = new SlowSource(Long.MAX_VALUE);
        TimedSource timed = new TimedSource(slow, 1_000_000);
        assertSame(slow, timed.source());
        float[][] buffer = new float[1][100];
        assertEquals(100, timed.read(buffer, 0, 100));
        assertEquals(100, timed.read(buffer, 0, 100));
        timed.close();
        // Three calls of at least 5 ms each, plus the 1 ms of opening.
        assertTrue(timed.nanos() >= 16_000_000, timed.nanos() + " ns");
        assertFalse(timed.failed());
    }

    @Test
    void aThrowingReadOrSeekIsNotedAndStillReachesTheCaller() throws Exception {
        TimedSource reads = new TimedSource(new SlowSource(100), 0);
        float[][] buffer = new float[1][100];
        reads.read(buffer, 0, 100);
        assertFalse(reads.failed());
        assertEquals("truncated", assertThrows(IOException.class, () -> reads.read(buffer, 0, 100)).getMessage());
        assertTrue(reads.failed());
        assertTrue(reads.nanos() >= 10_000_000, "the failed call's time counts too");

        TimedSource seeks = new TimedSource(new SlowSource(Long.MAX_VALUE), 0);
        assertThrows(IllegalStateException.class, () -> seeks.seek(10));
        assertTrue(seeks.failed());
    }
}
