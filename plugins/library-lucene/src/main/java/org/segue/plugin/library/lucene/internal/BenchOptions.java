package org.segue.plugin.library.lucene.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The options of {@code segue bench library}, parsed from the command line.
 *
 * @param tracks how many synthetic tracks to index
 * @param queries how many timed queries per kind (after a warm-up)
 * @param dir the folder to build the index in and keep, or {@code null} for a temporary folder
 *        deleted afterwards (relative to the working directory once resolved by the command)
 */
record BenchOptions(int tracks, int queries, String dir) {

    static final int DEFAULT_TRACKS = 100_000;
    static final int DEFAULT_QUERIES = 2000;
    /** More than this would not fit the int document ids of one Lucene index comfortably nor any sane run. */
    static final int MAX_TRACKS = 100_000_000;
    static final int MAX_QUERIES = 10_000_000;
    static final String USAGE_TEXT = "usage: segue bench library [--tracks N] [--queries Q] [--dir DIR]\n"
            + "  --tracks N   tracks in the synthetic index (default 100000; 100k and 1m work too)\n"
            + "  --queries Q  timed queries per kind after the warm-up (default 2000)\n"
            + "  --dir DIR    build the index in DIR (absent or empty) and keep it; default: a temporary folder, deleted";

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException with a message for the user when an option is wrong
     */
    static BenchOptions parse(List<String> args) {
        int tracks = DEFAULT_TRACKS;
        int queries = DEFAULT_QUERIES;
        String dir = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--tracks" -> tracks = count(a, value(args, ++i, a), 1, MAX_TRACKS);
                case "--queries" -> queries = count(a, value(args, ++i, a), 1, MAX_QUERIES);
                case "--dir" -> {
                    dir = value(args, ++i, a);
                    if (dir.isBlank()) {
                        throw new IllegalArgumentException("--dir needs a folder");
                    }
                }
                default -> throw new IllegalArgumentException(a.startsWith("--")
                        ? "unknown option " + a : "unexpected argument '" + a + "'");
            }
        }
        return new BenchOptions(tracks, queries, dir);
    }

    /** A whole number, optionally with a {@code k} (thousand) or {@code m} (million) suffix, or {@code _} separators. */
    static int count(String option, String text, int min, int max) {
        String t = text.strip().replace("_", "").toLowerCase(Locale.ROOT);
        long factor = 1;
        if (t.endsWith("k")) {
            factor = 1_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            factor = 1_000_000;
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(t) * factor;
            if (!t.startsWith("+") && n >= min && n <= max) {
                return (int) n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a number in " + min + ".." + max + ", not '" + text + "'");
    }

    /** The folder to use, resolved against the working directory; {@code null} without {@code --dir}. */
    Path folder(Path workingDirectory) {
        return dir == null ? null : workingDirectory.resolve(dir);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}
