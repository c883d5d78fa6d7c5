package org.segue.plugin.decoder.ffmpeg.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.AudioFormat;
import org.segue.api.audio.PcmSource;

/**
 * Reads 32-bit float PCM ({@code -f f32le}) from an ffmpeg process's stdout. A seek starts a new
 * process at the target time ({@code -ss} before {@code -i}: ffmpeg seeks the container, then
 * decodes and drops up to the exact time), so it is accurate to the sample or two that microsecond
 * timestamps allow.
 *
 * <p>When ffmpeg exits with an error (corrupt or truncated data), the samples it wrote are
 * delivered first, then {@link #read} raises {@link AudioDecodingException} with ffmpeg's message.
 */
final class FfmpegSource implements PcmSource {
    private static final int BUFFER_BYTES = 64 * 1024;
    /** How long a finished stream waits for ffmpeg's exit status. */
    private static final int EXIT_WAIT_SECONDS = 30;

    private final String source;
    private final Path ffmpeg;
    private final Path file;
    private final Probe probe;
    private final Path ownedTemp;
    private final int bytesPerFrame;
    private final byte[] buffer;
    private int buffered;
    private Process process;
    private InputStream out;
    private Path log;
    private boolean ended;
    private boolean closed;
    private long position;

    /** @param ownedTemp a temporary copy of a stream, deleted on close, or null */
    FfmpegSource(String source, Path ffmpeg, Path file, Probe probe, Path ownedTemp) {
        this.source = source;
        this.ffmpeg = ffmpeg;
        this.file = file;
        this.probe = probe;
        this.ownedTemp = ownedTemp;
        this.bytesPerFrame = 4 * probe.format().channels();
        this.buffer = new byte[BUFFER_BYTES / bytesPerFrame * bytesPerFrame];
    }

    void start(long frame) throws IOException {
        stop();
        // -xerror: without it ffmpeg ends truncated or corrupt input with exit status 0.
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-v", "error", "-xerror"));
        if (frame > 0) {
            command.add("-ss");
            command.add(String.format(java.util.Locale.ROOT, "%.6f", frame / (double) probe.format().sampleRate()));
        }
        command.addAll(List.of("-i", file.toAbsolutePath().toString(), "-map", "0:a:0", "-vn", "-sn", "-dn",
                "-ac", Integer.toString(probe.format().channels()), "-ar", Integer.toString(probe.format().sampleRate()),
                "-f", "f32le", "-"));
        log = Files.createTempFile("segue-ffmpeg", ".log");
        // stderr to a file: a flood of decoder warnings cannot fill a pipe and stall ffmpeg.
        process = new ProcessBuilder(command).redirectError(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(Tools.nullDevice()))).start();
        out = process.getInputStream();
        buffered = 0;
        ended = false;
        position = frame;
    }

    @Override
    public AudioFormat format() {
        return probe.format();
    }

    @Override
    public long frameLength() {
        return probe.frames();
    }

    @Override
    public int read(float[][] destination, int offset, int maxFrames) throws IOException {
        if (closed) {
            throw new IOException(source + ": source is closed");
        }
        if (maxFrames <= 0) {
            return 0;
        }
        if (ended) {
            return -1;
        }
        int want = Math.min(maxFrames, buffer.length / bytesPerFrame) * bytesPerFrame;
        while (buffered < bytesPerFrame) {
            int n = out.read(buffer, buffered, want - buffered);
            if (n < 0) {
                ended = true;
                finish();
                return -1;
            }
            buffered += n;
        }
        int frames = Math.min(buffered / bytesPerFrame, maxFrames);
        int channels = destination.length;
        for (int c = 0; c < channels; c++) {
            float[] d = destination[c];
            for (int f = 0, p = c * 4; f < frames; f++, p += bytesPerFrame) {
                d[offset + f] = Float.intBitsToFloat((buffer[p] & 0xff) | (buffer[p + 1] & 0xff) << 8
                        | (buffer[p + 2] & 0xff) << 16 | buffer[p + 3] << 24);
            }
        }
        int used = frames * bytesPerFrame;
        System.arraycopy(buffer, used, buffer, 0, buffered - used);
        buffered -= used;
        position += frames;
        return frames;
    }

    /** At the end of the output: ffmpeg's exit status tells a clean end from a failure. */
    private void finish() throws IOException {
        try {
            if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AudioDecodingException(source, "ffmpeg did not exit after its output ended");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(source + ": interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new AudioDecodingException(source, "ffmpeg failed after frame " + position + ": "
                    + Tools.lastLine(log));
        }
    }

    @Override
    public boolean seekable() {
        return true;
    }

    @Override
    public void seek(long frame) throws IOException {
        if (frame < 0) {
            throw new IllegalArgumentException("frame < 0: " + frame);
        }
        start(frame);
    }

    private void stop() throws IOException {
        if (process != null) {
            process.destroyForcibly();
            out.close();
            process = null;
        }
        if (log != null) {
            Files.deleteIfExists(log);
            log = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            stop();
            if (ownedTemp != null) {
                Files.deleteIfExists(ownedTemp);
            }
        }
    }
}
