package org.segue.plugin.decoder.ffmpeg.internal;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.segue.api.audio.AudioDecodingException;

/**
 * Finds ffmpeg and ffprobe and runs ffprobe. Looked up on every call, not once: a user who installs
 * ffmpeg while Segue runs need not restart it.
 *
 * @param ffmpeg the configured ffmpeg path, or empty to search the PATH
 * @param ffprobe the configured ffprobe path, or empty for the one beside ffmpeg, else on the PATH
 * @param timeoutSeconds how long ffprobe may run before it is killed
 */
record Tools(String ffmpeg, String ffprobe, int timeoutSeconds) {
    /** Most bytes of ffprobe output kept: its JSON for one file is a few KB. */
    private static final int MAX_OUTPUT = 4 << 20;

    static String missing(String source) {
        return "decoding " + fileName(source) + " needs ffmpeg, which is not installed; install it (Debian: "
                + "apt-get install ffmpeg) or convert the file to FLAC/WAV";
    }

    private static String fileName(String source) {
        int slash = source.lastIndexOf(File.separatorChar);
        return slash >= 0 ? source.substring(slash + 1) : source;
    }

    Path ffmpegPath(String source) throws AudioDecodingException {
        Path p = locate(ffmpeg, "ffmpeg", null);
        if (p == null) {
            throw new AudioDecodingException(source, missing(source));
        }
        return p;
    }

    Path ffprobePath(String source) throws AudioDecodingException {
        Path beside = null;
        if (ffprobe.isBlank()) {
            Path f = locate(ffmpeg, "ffmpeg", null);
            beside = f == null ? null : f.resolveSibling(f.getFileName().toString().replace("ffmpeg", "ffprobe"));
        }
        Path p = locate(ffprobe, "ffprobe", beside);
        if (p == null) {
            throw new AudioDecodingException(source, missing(source) + " (ffprobe not found)");
        }
        return p;
    }

    private static Path locate(String configured, String name, Path beside) {
        if (!configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? p : null;
        }
        if (beside != null && Files.isExecutable(beside)) {
            return beside;
        }
        String path = System.getenv("PATH");
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, windows ? name + ".exe" : name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Runs ffprobe with {@code arguments} on {@code file}; returns its parsed JSON. */
    Object probe(Path file, List<String> arguments) throws IOException {
        String source = file.toString();
        List<String> command = new java.util.ArrayList<>();
        command.add(ffprobePath(source).toString());
        command.addAll(arguments);
        command.add("--");
        command.add(file.toAbsolutePath().toString());
        Path err = Files.createTempFile("segue-ffprobe", ".log");
        try {
            // stderr to a file, not a pipe: a flood of warnings cannot fill a pipe and block it.
            Process process = new ProcessBuilder(command).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice()))).start();
            // A hung ffprobe is killed, which also ends the blocked read below.
            java.util.concurrent.CompletableFuture.runAsync(process::destroyForcibly,
                    java.util.concurrent.CompletableFuture.delayedExecutor(timeoutSeconds, TimeUnit.SECONDS));
            byte[] out;
            try (InputStream in = process.getInputStream()) {
                out = readBounded(in, process);
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AudioDecodingException(source, "ffprobe did not finish within " + timeoutSeconds + " s");
            }
            if (process.exitValue() != 0) {
                throw new AudioDecodingException(source, "ffprobe cannot read it: " + lastLine(err));
            }
            return Json.parse(new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(source + ": interrupted while probing", e);
        } catch (IllegalArgumentException e) {
            throw new AudioDecodingException(source, "unreadable ffprobe output: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** Reads ffprobe's stdout, killing it when it runs past the timeout or the size limit. */
    private byte[] readBounded(InputStream in, Process process) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            if (System.nanoTime() > deadline || out.size() > MAX_OUTPUT) {
                process.destroyForcibly();
                break;
            }
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static String lastLine(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            int nl = text.lastIndexOf('\n');
            String line = nl >= 0 ? text.substring(nl + 1) : text;
            return line.isEmpty() ? "(no message)" : line.length() > 300 ? line.substring(0, 300) : line;
        } catch (IOException | RuntimeException e) {
            return "(no message)";
        }
    }

    static String nullDevice() {
        return System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null";
    }
}
