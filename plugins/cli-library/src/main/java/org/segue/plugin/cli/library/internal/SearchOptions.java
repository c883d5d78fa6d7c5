package org.segue.plugin.cli.library.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.Mode;
import org.segue.api.library.Range;
import org.segue.api.library.TrackQuery;

/**
 * The options {@code segue search} and {@code segue similar} share, parsed from the command line.
 *
 * @param words the words that are not options, in order
 * @param query the library query they make (text from the words for search)
 * @param json whether to print JSON instead of a table
 */
record SearchOptions(List<String> words, TrackQuery query, boolean json) {

    static final String OPTIONS = "[--bpm 120-128] [--half-double] [--key 8A] [--compatible] [--genre house] "
            + "[--energy 0.5-1] [--limit N] [--offset N] [--json]";
    static final int DEFAULT_LIMIT = 20;

    /**
     * Parses the arguments.
     *
     * @param textFromWords whether the words are the query's text (search) or left to the caller (similar)
     * @throws IllegalArgumentException with a message for the user when an option is wrong
     */
    static SearchOptions parse(List<String> args, boolean textFromWords) {
        List<String> words = new ArrayList<>();
        Range bpm = null;
        Range energy = null;
        boolean halfDouble = false;
        boolean compatible = false;
        boolean json = false;
        Set<String> keys = new LinkedHashSet<>();
        Set<String> genres = new LinkedHashSet<>();
        int limit = DEFAULT_LIMIT;
        int offset = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--bpm" -> bpm = range(a, value(args, ++i, a), 0.5);
                case "--energy" -> energy = range(a, value(args, ++i, a), 0);
                case "--half-double" -> halfDouble = true;
                case "--compatible" -> compatible = true;
                case "--json" -> json = true;
                case "--key" -> {
                    for (String k : value(args, ++i, a).split(",")) {
                        keys.add(camelot(k));
                    }
                }
                case "--genre" -> {
                    for (String g : value(args, ++i, a).split(",")) {
                        if (!g.isBlank()) {
                            genres.add(g.strip());
                        }
                    }
                }
                case "--limit" -> limit = number(a, value(args, ++i, a), 1, TrackQuery.MAX_LIMIT);
                case "--offset" -> offset = number(a, value(args, ++i, a), 0, Integer.MAX_VALUE);
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    words.add(a);
                }
            }
        }
        if (compatible) {
            keys = compatible(keys);
        }
        String text = textFromWords ? String.join(" ", words) : "";
        return new SearchOptions(List.copyOf(words),
                new TrackQuery(text, bpm, halfDouble, keys, genres, energy, offset, limit), json);
    }

    /** A key as an upper-case Camelot code, from Camelot ({@code 8a}) or Open Key ({@code 1m}). */
    static String camelot(String code) {
        String c = code.strip();
        try {
            return MusicalKey.fromCamelot(c).camelot();
        } catch (IllegalArgumentException notCamelot) {
            try {
                return MusicalKey.fromOpenKey(c).camelot();
            } catch (IllegalArgumentException notOpenKey) {
                throw new IllegalArgumentException("--key needs a Camelot (8A) or Open Key (1m) code, not '" + code + "'");
            }
        }
    }

    /** The keys and their harmonic neighbours: one step round the wheel, and the relative major/minor. */
    static Set<String> compatible(Set<String> keys) {
        Set<String> all = new LinkedHashSet<>();
        for (String k : keys) {
            MusicalKey key = MusicalKey.fromCamelot(k);
            int n = key.camelotNumber();
            String letter = key.mode() == Mode.MAJOR ? "B" : "A";
            all.add(k);
            all.add(Math.floorMod(n - 2, 12) + 1 + letter);
            all.add(n % 12 + 1 + letter);
            all.add(n + (key.mode() == Mode.MAJOR ? "A" : "B"));
        }
        return all;
    }

    /** {@code 120-128}, or one number {@code N} meaning {@code N ± tolerance}. */
    static Range range(String option, String text, double tolerance) {
        String[] parts = text.split("-", -1);
        try {
            if (parts.length == 1) {
                double v = Double.parseDouble(parts[0].strip());
                return new Range(v - tolerance, v + tolerance);
            }
            if (parts.length == 2) {
                double min = parts[0].isBlank() ? Double.NEGATIVE_INFINITY : Double.parseDouble(parts[0].strip());
                double max = parts[1].isBlank() ? Double.POSITIVE_INFINITY : Double.parseDouble(parts[1].strip());
                return new Range(min, max);
            }
        } catch (IllegalArgumentException e) {
            // NumberFormatException or min > max: reported below
        }
        throw new IllegalArgumentException(option + " needs a range such as 120-128, not '" + text + "'");
    }

    private static int number(String option, String text, int min, int max) {
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a number in " + min + ".." + max + ", not '" + text + "'");
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}
