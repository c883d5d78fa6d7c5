package org.segue.api.analysis;

/**
 * The result keys Segue's own analyzers publish and its styles, planners and recommenders read.
 * Plugins may publish these (declaring them in {@link Analyzer#PRODUCES}) or define their own.
 *
 * <p>Where two installed analyzers produce the same key, the kernel keeps the value from the
 * analyzer with the highest service ranking.
 */
public interface StandardResults {

    /** The main tempo. */
    ResultKey<Tempo> TEMPO = new ResultKey<>("segue.tempo", Tempo.class, 1);

    /** Beats, bars and tempo changes. */
    ResultKey<BeatGrid> BEAT_GRID = new ResultKey<>("segue.beatgrid", BeatGrid.class, 1);

    /** The main key. */
    ResultKey<KeyEstimate> KEY = new ResultKey<>("segue.key", KeyEstimate.class, 1);

    /** Key changes over the track; a single segment when the key never changes. */
    ResultKey<KeySegments> KEY_CHANGES = new ResultKey<>("segue.key.changes", KeySegments.class, 1);

    /** Chords over time. */
    ResultKey<ChordProgression> CHORDS = new ResultKey<>("segue.chords", ChordProgression.class, 1);

    /** Integrated loudness, loudness range and true peak. */
    ResultKey<Loudness> LOUDNESS = new ResultKey<>("segue.loudness", Loudness.class, 1);

    /**
     * Perceived energy over time, {@code 0..1}, on a scale comparable across tracks (not normalised
     * per track) so set ordering can build energy arcs; hop around 0.5 s.
     */
    ResultKey<FeatureCurve> ENERGY = new ResultKey<>("segue.energy", FeatureCurve.class, 1);

    /** Onset strength (spectral flux) over time, {@code >= 0}, normalised so the track's maximum is 1. */
    ResultKey<FeatureCurve> ONSET_STRENGTH = new ResultKey<>("segue.onsets", FeatureCurve.class, 1);

    /** Sections: intro, build, drop, breakdown, outro… */
    ResultKey<Structure> STRUCTURE = new ResultKey<>("segue.structure", Structure.class, 1);

    /** Valence and arousal of the whole track. */
    ResultKey<Mood> MOOD = new ResultKey<>("segue.mood", Mood.class, 1);

    /** A timbre summary (statistics of MFCCs over the track), for "sounds like" similarity. */
    ResultKey<Embedding> TIMBRE = new ResultKey<>("segue.timbre", Embedding.class, 1);

    /** A learned whole-track embedding, for recommendation and similarity search. */
    ResultKey<Embedding> EMBEDDING = new ResultKey<>("segue.embedding", Embedding.class, 1);
}
