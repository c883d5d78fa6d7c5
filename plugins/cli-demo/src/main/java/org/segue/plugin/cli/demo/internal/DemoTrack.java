package org.segue.plugin.cli.demo.internal;

/**
 * One track of the demo library: enough to compose it deterministically.
 *
 * @param file file name in the library folder
 * @param title the title tag
 * @param style "house", "techno" or "downtempo": which drum pattern and arrangement
 * @param bpm tempo
 * @param tonic pitch class of the key's tonic, 0 = C
 * @param minor minor or major key
 * @param seed for the noise of hats and claps, so every run makes the same bytes
 */
record DemoTrack(String file, String title, String style, double bpm, int tonic, boolean minor, long seed) {

    /** The demo library: dance tracks in neighbouring keys and tempi, and one slower track. */
    static final java.util.List<DemoTrack> LIBRARY = java.util.List.of(
            new DemoTrack("01-sunrise-drive.wav", "Sunrise Drive", "house", 122, 9, true, 11),
            new DemoTrack("02-glass-floor.wav", "Glass Floor", "house", 124, 4, true, 12),
            new DemoTrack("03-night-shift.wav", "Night Shift", "techno", 126, 11, true, 13),
            new DemoTrack("04-warehouse-lights.wav", "Warehouse Lights", "techno", 127, 2, false, 14),
            new DemoTrack("05-slow-river.wav", "Slow River", "downtempo", 92, 7, false, 15));

    static final String ARTIST = "Segue Synth Ensemble";
}
