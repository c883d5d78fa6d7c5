package org.segue.plugin.analyzer.loudness.internal;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs ffmpeg's {@code ebur128} filter, an independent R 128 meter, on a file and reads its
 * summary; the reference the cross-check tests compare against. ffmpeg prints one decimal.
 */
final class FfmpegEbur128 {

    static final Path BINARY = Path.of("/usr/bin/ffmpeg");

    record Summary(double integratedLufs, double rangeLu, double truePeakDbtp) {
    }

    private static final Pattern INTEGRATED = Pattern.compile("I:\\s+(-?[0-9.]+|-inf) LUFS");
    private static final Pattern RANGE = Pattern.compile("LRA:\\s+(-?[0-9.]+) LU");
    private static final Pattern PEAK = Pattern.compile("Peak:\\s+(-?[0-9.]+|-inf) dBFS");

    private FfmpegEbur128() {
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    static Summary measure(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(BINARY.toString(), "-nostats", "-hide_banner", "-nostdin",
                "-i", file.toString(), "-af", "ebur128=peak=true", "-f", "null", "-")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(output);
        }
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("ffmpeg failed on " + file + ":\n" + output);
        }
        String text = output.toString(StandardCharsets.UTF_8);
        // The summary comes last; per-frame lines carry the same labels, so search from it.
        String summary = text.substring(Math.max(0, text.lastIndexOf("Summary:")));
        return new Summary(number(INTEGRATED, summary), number(RANGE, summary), number(PEAK, summary));
    }

    private static double number(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in ffmpeg's summary:\n" + text);
        }
        return m.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(m.group(1));
    }
}
