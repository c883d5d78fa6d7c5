package org.segue.api.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where the beats and bars of a track fall, with its tempo changes.
 *
 * <p>Beats are listed explicitly rather than derived from one tempo and an offset, because live
 * drummers, edits and tempo changes drift away from any fixed grid; {@link #segments()} summarises
 * the tempo for planners that need one number per stretch of the track.
 *
 * <p>Immutable: the array is copied in and out. Prefer {@link #beat(int)} and
 * {@link #beatCount()} in loops to avoid the copy made by {@link #beats()}.
 *
 * @param beats beat times in seconds, finite, {@code >= 0}, strictly increasing; may be empty
 * @param beatsPerBar beats in one bar, {@code >= 1} (4 for most dance music)
 * @param firstDownbeat the index in {@code beats} of the first bar's first beat; beats before it are
 *        a pickup. {@code 0 <= firstDownbeat < beatsPerBar}, and less than the beat count unless
 *        there are no beats
 * @param segments tempo segments, at least one, the first starting at {@code 0}, starts strictly
 *        increasing
 */
public record BeatGrid(double[] beats, int beatsPerBar, int firstDownbeat, List<TempoSegment> segments) {

    /** Validates and copies. */
    public BeatGrid {
        Objects.requireNonNull(beats, "beats");
        beats = beats.clone();
        for (int i = 0; i < beats.length; i++) {
            double beat = beats[i];
            if (!(beat >= 0 && beat < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("beat " + i + " must be finite and >= 0: " + beat);
            }
            if (i > 0 && !(beat > beats[i - 1])) {
                throw new IllegalArgumentException("beats must strictly increase at index " + i);
            }
        }
        if (beatsPerBar < 1) {
            throw new IllegalArgumentException("beatsPerBar must be >= 1: " + beatsPerBar);
        }
        if (firstDownbeat < 0 || firstDownbeat >= beatsPerBar
                || (beats.length > 0 ? firstDownbeat >= beats.length : firstDownbeat != 0)) {
            throw new IllegalArgumentException("firstDownbeat out of range: " + firstDownbeat);
        }
        segments = List.copyOf(segments);
        if (segments.isEmpty() || segments.get(0).startSeconds() != 0) {
            throw new IllegalArgumentException("segments must be non-empty and start at 0");
        }
        for (int i = 1; i < segments.size(); i++) {
            if (!(segments.get(i).startSeconds() > segments.get(i - 1).startSeconds())) {
                throw new IllegalArgumentException("segment starts must strictly increase at index " + i);
            }
        }
    }

    /** A copy of the beat times in seconds. */
    @Override
    public double[] beats() {
        return beats.clone();
    }

    /** The number of beats. */
    public int beatCount() {
        return beats.length;
    }

    /**
     * The time of one beat in seconds.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < beatCount()}
     */
    public double beat(int index) {
        return beats[Objects.checkIndex(index, beats.length)];
    }

    /**
     * True when the beat starts a bar.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < beatCount()}
     */
    public boolean isDownbeat(int index) {
        Objects.checkIndex(index, beats.length);
        return index >= firstDownbeat && (index - firstDownbeat) % beatsPerBar == 0;
    }

    /**
     * The index of the last beat at or before a time: the beat that is "playing" then.
     *
     * @return the index, or {@code -1} when the time is before the first beat or there are no beats
     */
    public int beatIndexAt(double seconds) {
        int found = Arrays.binarySearch(beats, seconds);
        return found >= 0 ? found : -found - 2;
    }

    /**
     * The tempo in force at a time: the BPM of the last segment starting at or before it (the
     * first segment for negative times).
     */
    public double tempoAt(double seconds) {
        int low = 0;
        int high = segments.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (segments.get(mid).startSeconds() <= seconds) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return segments.get(low).bpm();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BeatGrid that
                && Arrays.equals(beats, that.beats)
                && beatsPerBar == that.beatsPerBar
                && firstDownbeat == that.firstDownbeat
                && segments.equals(that.segments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(beats), beatsPerBar, firstDownbeat, segments);
    }

    @Override
    public String toString() {
        return "BeatGrid[beats=" + beats.length + ", beatsPerBar=" + beatsPerBar
                + ", firstDownbeat=" + firstDownbeat + ", segments=" + segments + "]";
    }
}
