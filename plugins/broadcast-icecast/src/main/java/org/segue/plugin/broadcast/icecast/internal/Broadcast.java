package org.segue.plugin.broadcast.icecast.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.segue.api.audio.PcmSource;
import org.segue.api.command.Progress;

/**
 * Streams decoded audio live to an Icecast mount: PCM is fed to an ffmpeg process that encodes Ogg
 * Vorbis (an open format every Icecast and browser plays), and a sender thread copies ffmpeg's
 * output to the {@link IcecastSource}. The PCM is paced to the wall clock, a little ahead
 * ({@link Target#leadSeconds()}), so listeners hear it as it is sent, as from a real DJ set;
 * {@code realTime=false} sends as fast as the encoder goes (for recording a mount, or tests).
 */
final class Broadcast {
    static final int BLOCK_FRAMES = 4096;

    /** Where and how to broadcast. */
    record Target(URI url, String user, String password, Map<String, String> iceHeaders, boolean realTime,
            double leadSeconds, Duration timeout, List<String> ffmpeg) {
    }

    private Broadcast() {
    }

    /**
     * Broadcasts the whole source (or until cancelled).
     *
     * @return the frames sent
     * @throws IOException naming the server, the encoder or the input when one fails
     */
    static long run(PcmSource source, Target target, Progress progress, BooleanSupplier cancelled)
            throws IOException, InterruptedException {
        int rate = source.format().sampleRate();
        int channels = source.format().channels();
        try (IcecastSource sink = IcecastSource.open(target.url(), target.user(), target.password(), "audio/ogg",
                target.iceHeaders(), target.timeout())) {
            Process encoder = startEncoder(target.ffmpeg(), rate, channels);
            AtomicReference<IOException> sendFailure = new AtomicReference<>();
            Thread sender = new Thread(() -> copy(encoder.getInputStream(), sink, sendFailure), "segue-broadcast-send");
            sender.setDaemon(true);
            sender.start();
            ByteArrayOutputStream encoderErrors = new ByteArrayOutputStream();
            Thread errors = new Thread(() -> drain(encoder.getErrorStream(), encoderErrors), "segue-broadcast-ffmpeg");
            errors.setDaemon(true);
            errors.start();
            long frames = 0;
            try (OutputStream pcm = encoder.getOutputStream()) {
                frames = feed(source, pcm, target, progress, cancelled, sendFailure);
            } catch (IOException e) {
                if (sendFailure.get() != null) {
                    throw sendFailure.get();
                }
                throw new IOException("the Ogg Vorbis encoder (ffmpeg) stopped: " + e.getMessage() + " "
                        + encoderErrors.toString(StandardCharsets.UTF_8).trim(), e);
            } finally {
                if (cancelled.getAsBoolean() || sendFailure.get() != null) {
                    // Nobody will read what it still encodes.
                    encoder.destroy();
                }
                sender.join(target.timeout().toMillis());
                if (!encoder.waitFor(target.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    encoder.destroyForcibly().waitFor();
                }
                errors.join(1000);
            }
            if (sendFailure.get() != null) {
                throw sendFailure.get();
            }
            if (encoder.exitValue() != 0 && !cancelled.getAsBoolean()) {
                throw new IOException("the Ogg Vorbis encoder (ffmpeg) failed with exit code " + encoder.exitValue()
                        + ": " + encoderErrors.toString(StandardCharsets.UTF_8).trim());
            }
            return frames;
        }
    }

    private static long feed(PcmSource source, OutputStream pcm, Target target, Progress progress,
            BooleanSupplier cancelled, AtomicReference<IOException> sendFailure) throws IOException, InterruptedException {
        int rate = source.format().sampleRate();
        int channels = source.format().channels();
        float[][] block = new float[channels][BLOCK_FRAMES];
        ByteBuffer bytes = ByteBuffer.allocate(BLOCK_FRAMES * channels * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        long started = System.nanoTime();
        long frames = 0;
        for (int n; (n = source.read(block, 0, BLOCK_FRAMES)) > 0; ) {
            if (cancelled.getAsBoolean() || sendFailure.get() != null) {
                break;
            }
            if (target.realTime()) {
                double aheadSeconds = frames / (double) rate - (System.nanoTime() - started) / 1e9;
                double wait = aheadSeconds - target.leadSeconds();
                if (wait > 0) {
                    Thread.sleep((long) (wait * 1000));
                }
            }
            bytes.clear();
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < channels; c++) {
                    bytes.putFloat(block[c][i]);
                }
            }
            pcm.write(bytes.array(), 0, bytes.position());
            frames += n;
            progress.advance(n);
        }
        return frames;
    }

    private static Process startEncoder(List<String> ffmpeg, int rate, int channels) throws IOException {
        List<String> command = new java.util.ArrayList<>(ffmpeg);
        command.addAll(List.of("-hide_banner", "-loglevel", "error", "-f", "f32le", "-ar", Integer.toString(rate), "-ac",
                Integer.toString(channels), "-i", "pipe:0", "-c:a", "libvorbis", "-q:a", "5", "-f", "ogg", "pipe:1"));
        try {
            return new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IOException("cannot start the Ogg Vorbis encoder '" + ffmpeg.get(0) + "' (install ffmpeg): "
                    + e.getMessage(), e);
        }
    }

    private static void copy(InputStream encoded, IcecastSource sink, AtomicReference<IOException> failure) {
        byte[] buffer = new byte[8192];
        try (encoded) {
            for (int n; (n = encoded.read(buffer)) > 0; ) {
                sink.write(buffer, 0, n);
            }
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            failure.compareAndSet(null, e);
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream into) {
        try (in) {
            in.transferTo(into);
        } catch (IOException ignored) {
            // only diagnostics are lost
        }
    }
}
