package org.segue.plugin.analysis.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.AnalysisTask;
import org.segue.api.analysis.Analyzer;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.LiveAnalysis;
import org.segue.api.analysis.ResultSink;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.analysis.TrackReport;
import org.segue.api.audio.AudioBlock;
import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.AudioFormat;
import org.segue.api.testkit.BlockBuffer;
import org.segue.api.testkit.Signal;
import org.segue.api.testkit.Signals;

class AnalysisEngineTest {

    @TempDir
    Path dir;
    AnalysisEngine engine;
    final AtomicInteger closed = new AtomicInteger();

    /** Measures RMS per block: the engine must hand it every frame, in order. */
    final class RmsAnalyzer implements Analyzer {
        @Override
        public AnalysisTask begin(AudioFormat format, long frameLengthHint) {
            return new AnalysisTask() {
                double sum;
                long frames;
                long expectedPosition;

                @Override
                public void accept(AudioBlock block) {
                    if (block.position() != expectedPosition) {
                        throw new IllegalStateException("block at " + block.position() + ", expected " + expectedPosition);
                    }
                    expectedPosition += block.frames();
                    float[] x = block.channel(0);
                    for (int i = 0; i < block.frames(); i++) {
                        sum += x[i] * x[i];
                    }
                    frames += block.frames();
                }

                @Override
                public void partial(ResultSink sink) {
                    finish(sink);
                }

                @Override
                public void finish(ResultSink sink) {
                    sink.put(StandardResults.ENERGY, new FeatureCurve("rms", 0, 1, new float[] {(float) Math.sqrt(sum / frames)}));
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }
    }

    /** Throws after some blocks, as a buggy plugin would. */
    final class BrokenAnalyzer implements Analyzer {
        @Override
        public AnalysisTask begin(AudioFormat format, long frameLengthHint) {
            return new AnalysisTask() {
                int blocks;

                @Override
                public void accept(AudioBlock block) {
                    if (++blocks == 3) {
                        throw new ArrayIndexOutOfBoundsException("bug in plugin");
                    }
                }

                @Override
                public void finish(ResultSink sink) {
                    sink.put(StandardResults.TEMPO, new Tempo(120, 1));
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }
    }

    @BeforeEach
    void setUp() {
        engine = new AnalysisEngine();
        engine.configure(config(dir.resolve("cache").toString()));
        engine.addDecoder(new JdkWavDecoder(), Map.of("service.id", 1L));
        engine.addAnalyzer(new RmsAnalyzer(), Map.of("segue.analyzer.id", "test.rms/1"));
    }

    @Test
    void everyFrameReachesTheAnalyzersAndResultsAreCachedByContent() throws Exception {
        Path wav = writeWav("a.wav", Signals.sine(44100, 3, 440, 0.5));
        TrackReport first = engine.analyze(wav);
        assertFalse(first.cached());
        assertTrue(first.failures().isEmpty(), first.failures().toString());
        double rms = first.results().get(StandardResults.ENERGY).orElseThrow().values()[0];
        assertEquals(0.5 / Math.sqrt(2), rms, 0.001, "RMS of a 0.5 sine");
        assertEquals(3.0, first.results().durationSeconds(), 1e-3);
        assertEquals("test.rms/1", first.results().analyzer(StandardResults.ENERGY).orElseThrow());

        TrackReport second = engine.analyze(wav);
        assertTrue(second.cached(), "same content: from the cache");
        assertEquals(first.results().get(StandardResults.ENERGY), second.results().get(StandardResults.ENERGY));
        assertEquals(first.contentHash(), second.contentHash());

        writeWav("a.wav", Signals.sine(44100, 3, 440, 0.25));
        TrackReport changed = engine.analyze(wav);
        assertFalse(changed.cached(), "the audio changed: analysed again");
        assertEquals(0.25 / Math.sqrt(2), changed.results().get(StandardResults.ENERGY).orElseThrow().values()[0], 0.001);
    }

    @Test
    void aFailingAnalyzerIsIsolatedReportedAndClosed() throws Exception {
        engine.addAnalyzer(new BrokenAnalyzer(), Map.of("segue.analyzer.id", "test.broken/1"));
        Path wav = writeWav("b.wav", Signals.sine(44100, 2, 440, 0.5));
        TrackReport report = engine.analyze(wav);
        assertEquals(1, report.failures().size());
        assertEquals("test.broken/1", report.failures().get(0).analyzerId());
        assertTrue(report.failures().get(0).reason().contains("bug in plugin"), report.failures().get(0).reason());
        assertTrue(report.results().get(StandardResults.ENERGY).isPresent(), "the other analyzer went on");
        assertFalse(report.results().get(StandardResults.TEMPO).isPresent(), "nothing from the failed one");
        assertEquals(2, closed.get(), "both tasks closed");
        assertFalse(engine.analyze(wav).cached(), "results with a failure are not cached");
    }

    @Test
    void aNewAnalyzerInvalidatesTheCache() throws Exception {
        Path wav = writeWav("c.wav", Signals.sine(44100, 1, 440, 0.5));
        engine.analyze(wav);
        assertTrue(engine.analyze(wav).cached());
        engine.addAnalyzer(new RmsAnalyzer(), Map.of("segue.analyzer.id", "test.rms2/1"));
        assertFalse(engine.analyze(wav).cached());
    }

    @Test
    void badFilesGiveClearErrorsNamingTheFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.wav"));
        AudioDecodingException e = assertThrows(AudioDecodingException.class, () -> engine.analyze(empty));
        assertTrue(e.getMessage().contains("empty.wav") && e.getMessage().contains("empty"), e.getMessage());

        Path text = Files.writeString(dir.resolve("notes.mp3"), "not audio at all, just some text here");
        e = assertThrows(AudioDecodingException.class, () -> engine.analyze(text));
        assertTrue(e.getMessage().contains("notes.mp3") && e.getMessage().contains("no installed decoder"), e.getMessage());

        assertThrows(IOException.class, () -> engine.analyze(dir.resolve("missing.wav")));
    }

    @Test
    void liveAnalysisPublishesPartialResults() {
        Signal s = Signals.sine(44100, 2, 440, 0.5);
        try (LiveAnalysis live = engine.live(new AudioFormat(44100, 1))) {
            BlockBuffer block = new BlockBuffer(1, 4410, 44100);
            for (int i = 0; i < 10; i++) {
                live.accept(block.fill(s.audio(), i * 4410, 4410));
            }
            AnalysisResults partial = live.partial();
            assertEquals(1.0, partial.durationSeconds(), 1e-9);
            assertEquals(0.5 / Math.sqrt(2), partial.get(StandardResults.ENERGY).orElseThrow().values()[0], 0.01);
        }
        assertEquals(1, closed.get());
    }

    @Test
    void defaultCacheFollowsXdg() {
        assertTrue(AnalysisEngine.cacheDirectory("").endsWith(Path.of("segue", "analysis")));
        assertEquals(Path.of("/x/y"), AnalysisEngine.cacheDirectory("/x/y"));
    }

    private Path writeWav(String name, Signal s) throws IOException {
        return writeWav(dir, name, s);
    }

    /** A 16-bit mono WAV of the signal, written by the JDK. */
    static Path writeWav(Path dir, String name, Signal s) throws IOException {
        float[] x = s.audio()[0];
        ByteBuffer bytes = ByteBuffer.allocate(x.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : x) {
            bytes.putShort((short) Math.round(v * 32767));
        }
        javax.sound.sampled.AudioFormat f = new javax.sound.sampled.AudioFormat(s.sampleRate(), 16, 1, true, false);
        Path file = dir.resolve(name);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes.array()), f, x.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    static AnalysisEngine.Config config(String cacheDirectory) {
        return new AnalysisEngine.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AnalysisEngine.Config.class;
            }

            @Override
            public String cacheDirectory() {
                return cacheDirectory;
            }

            @Override
            public int blockFrames() {
                return 1000;
            }
        };
    }
}
