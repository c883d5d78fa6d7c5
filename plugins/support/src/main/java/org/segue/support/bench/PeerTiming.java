package org.segue.support.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times a peer tool (aubio, rubberband …) the way benches compare with it: run once per file from
 * one shell and read the children's CPU time from the shell's {@code times}, so process start-up
 * counts as it does for a user and the figure is CPU, not wall, time.
 */
public final class PeerTiming {

    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");

    private PeerTiming() {
    }

    /** True when {@code program} is an executable on the PATH. */
    public static boolean installed(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    /**
     * Runs {@code command} (a shell fragment in which {@code "$f"} is the file) once per file and
     * returns the CPU seconds all runs took, empty when the times could not be read.
     */
    public static OptionalDouble cpuSeconds(String command, List<Path> files) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("bash", "-c",
                "for f in \"$@\"; do " + command + " >/dev/null 2>&1; done; times", "bench"));
        files.forEach(f -> argv.add(f.toString()));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return OptionalDouble.empty();
        }
        // "times" prints the shell's own user/system time, then its children's: the last line.
        String[] lines = out.strip().split("\n");
        Matcher m = TIMES.matcher(lines[lines.length - 1]);
        if (!m.find()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                + Integer.parseInt(m.group(3)) * 60 + Double.parseDouble(m.group(4)));
    }

    /** The median of some measurements. */
    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
