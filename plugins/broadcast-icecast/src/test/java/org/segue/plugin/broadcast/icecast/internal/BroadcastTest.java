package org.segue.plugin.broadcast.icecast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.audio.AudioFormat;
import org.segue.api.audio.PcmSource;
import org.segue.api.command.Progress;

/** Broadcasts to a real Icecast server and listens to the mount like a listener's player would. */
class BroadcastTest {
    @TempDir
    static Path folder;
    static IcecastServer icecast;

    @BeforeAll
    static void start() throws Exception {
        icecast = IcecastServer.start(folder);
    }

    @AfterAll
    static void stop() throws Exception {
        if (icecast != null) {
            icecast.close();
        }
    }

    private static final Progress SILENT = new Progress() {
        @Override
        public void advance(long units) {
        }

        @Override
        public void status(String text) {
        }

        @Override
        public void close() {
        }
    };

    private static Broadcast.Target target(String mount, String password, boolean realTime) {
        return new Broadcast.Target(icecast.base.resolve(mount), "source", password,
                Map.of("ice-name", "Segue test set", "ice-genre", "test"), realTime, 1.0, Duration.ofSeconds(10),
                List.of("ffmpeg"));
    }

    @Test
    void aListenerHearsTheToneInRealTime() throws Exception {
        int rate = 44100;
        double seconds = 6;
        CompletableFuture<byte[]> heard = CompletableFuture.supplyAsync(() -> listen(icecast.base.resolve("set.ogg")));
        long started = System.nanoTime();
        long frames = Broadcast.run(new ToneSource(rate, 440, seconds), target("set.ogg", IcecastServer.SOURCE_PASSWORD,
                true), SILENT, () -> false);
        double took = (System.nanoTime() - started) / 1e9;
        assertEquals(Math.round(rate * seconds), frames);
        assertTrue(took > seconds - 1.0 - 0.7, "paced to real time, one second ahead: took " + took + " s");

        byte[] ogg = heard.get(30, TimeUnit.SECONDS);
        assertTrue(ogg.length > 4 && ogg[0] == 'O' && ogg[1] == 'g' && ogg[2] == 'g' && ogg[3] == 'S',
                "an Ogg stream from its first page");
        float[] pcm = decode(ogg, rate);
        assertTrue(pcm.length > rate * 3, "the listener heard at least 3 s: " + pcm.length / (double) rate);
        assertEquals(440, frequency(pcm, rate), 4, "the tone that was sent");
    }

    @Test
    void theServerListsTheStreamWithItsName() throws Exception {
        CompletableFuture<Long> running = CompletableFuture.supplyAsync(() -> {
            try {
                return Broadcast.run(new ToneSource(44100, 220, 4), target("named.ogg", IcecastServer.SOURCE_PASSWORD,
                        true), SILENT, () -> false);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        String status = "";
        for (int i = 0; i < 50 && !status.contains("named.ogg"); i++) {
            Thread.sleep(100);
            status = icecast.status();
        }
        assertTrue(status.contains("\"server_name\":\"Segue test set\""), status);
        assertTrue(status.contains("\"server_type\":\"audio/ogg\""), status);
        running.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aWrongPasswordIsRefusedByNameWithoutShowingIt() {
        IOException e = assertThrows(IOException.class, () -> Broadcast.run(new ToneSource(44100, 440, 1),
                target("wrong.ogg", "guess-123", false), SILENT, () -> false));
        assertTrue(e.getMessage().contains("wrong source user or password"), e.getMessage());
        assertTrue(e.getMessage().contains("/wrong.ogg"), e.getMessage());
        assertFalse(e.getMessage().contains("guess-123"), e.getMessage());
    }

    @Test
    void aMountInUseIsRefused() throws Exception {
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> {
            try {
                return Broadcast.run(new ToneSource(44100, 330, 4), target("busy.ogg", IcecastServer.SOURCE_PASSWORD,
                        true), SILENT, () -> false);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        for (int i = 0; i < 50 && !icecast.status().contains("busy.ogg"); i++) {
            Thread.sleep(100);
        }
        IOException e = assertThrows(IOException.class, () -> Broadcast.run(new ToneSource(44100, 440, 1),
                target("busy.ogg", IcecastServer.SOURCE_PASSWORD, false), SILENT, () -> false));
        assertTrue(e.getMessage().contains("in use"), e.getMessage());
        first.get(30, TimeUnit.SECONDS);
    }

    @Test
    void nobodyListeningIsAClearError() throws Exception {
        int unused;
        try (var s = new java.net.ServerSocket(0)) {
            unused = s.getLocalPort();
        }
        Broadcast.Target nowhere = new Broadcast.Target(URI.create("http://127.0.0.1:" + unused + "/x.ogg"), "source",
                "p", Map.of(), false, 1, Duration.ofSeconds(2), List.of("ffmpeg"));
        IOException e = assertThrows(IOException.class,
                () -> Broadcast.run(new ToneSource(44100, 440, 1), nowhere, SILENT, () -> false));
        assertTrue(e.getMessage().contains("Icecast server 127.0.0.1:" + unused), e.getMessage());
    }

    private static byte[] listen(URI mount) {
        HttpClient http = HttpClient.newHttpClient();
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(mount).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() == 200) {
                    try (InputStream in = r.body()) {
                        return in.readAllBytes();
                    }
                }
                r.body().close();
                Thread.sleep(50);
            } catch (IOException e) {
                // the stream ended with the source
                return new byte[0];
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new byte[0];
            }
        }
        return new byte[0];
    }

    /** Ogg Vorbis to mono float PCM, by ffmpeg. */
    private static float[] decode(byte[] ogg, int rate) throws IOException, InterruptedException {
        Path in = Files.write(folder.resolve("heard-" + System.nanoTime() + ".ogg"), ogg);
        Process p = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-i", in.toString(), "-f", "f32le", "-ac", "1",
                "-ar", Integer.toString(rate), "pipe:1").start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        p.waitFor(30, TimeUnit.SECONDS);
        ByteBuffer b = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        float[] pcm = new float[b.remaining() / 4];
        b.asFloatBuffer().get(pcm);
        return pcm;
    }

    /** Frequency from rising zero crossings over the middle of the signal. */
    private static double frequency(float[] pcm, int rate) {
        int from = pcm.length / 4;
        int to = pcm.length * 3 / 4;
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (pcm[i - 1] < 0 && pcm[i] >= 0) {
                if (first < 0) {
                    first = i;
                } else {
                    crossings++;
                }
                last = i;
            }
        }
        return crossings * rate / (double) (last - first);
    }

    /** A stereo sine tone. */
    static final class ToneSource implements PcmSource {
        private final int rate;
        private final double hz;
        private final long total;
        private long position;

        ToneSource(int rate, double hz, double seconds) {
            this.rate = rate;
            this.hz = hz;
            this.total = Math.round(rate * seconds);
        }

        @Override
        public AudioFormat format() {
            return new AudioFormat(rate, 2);
        }

        @Override
        public long frameLength() {
            return total;
        }

        @Override
        public int read(float[][] destination, int offset, int maxFrames) {
            if (position >= total) {
                return -1;
            }
            int n = (int) Math.min(maxFrames, total - position);
            for (int i = 0; i < n; i++) {
                float v = (float) (0.5 * Math.sin(2 * Math.PI * hz * (position + i) / rate));
                destination[0][offset + i] = v;
                destination[1][offset + i] = v;
            }
            position += n;
            return n;
        }

        @Override
        public boolean seekable() {
            return false;
        }

        @Override
        public void seek(long frame) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
