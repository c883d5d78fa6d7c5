package org.segue.api.analysis;

/** The quality of a chord: the intervals above its root. Constant names are stored; never rename. */
public enum ChordQuality {
    MAJOR(""),
    MINOR("m"),
    DOMINANT_7("7"),
    MAJOR_7("maj7"),
    MINOR_7("m7"),
    DIMINISHED("dim"),
    HALF_DIMINISHED_7("m7b5"),
    AUGMENTED("aug"),
    SUS2("sus2"),
    SUS4("sus4");

    private final String symbol;

    ChordQuality(String symbol) {
        this.symbol = symbol;
    }

    /** The suffix in lead-sheet notation, e.g. {@code "m7"}; empty for major. */
    public String symbol() {
        return symbol;
    }
}
