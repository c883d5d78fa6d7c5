package org.segue.api.analysis;

/**
 * The loudness of a track as EBU R 128 / ITU-R BS.1770 measures it; used for gain matching
 * between decks.
 *
 * @param integratedLufs integrated loudness in LUFS; {@code -Infinity} for digital silence
 * @param rangeLu loudness range in LU, finite and {@code >= 0}
 * @param truePeakDbtp true peak in dBTP (above 0 when the track clips); {@code -Infinity} for
 *        digital silence
 */
public record Loudness(double integratedLufs, double rangeLu, double truePeakDbtp) {

    /** Validates: no NaN, no positive infinity. */
    public Loudness {
        if (!(integratedLufs < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("integratedLufs must be finite or -Infinity: " + integratedLufs);
        }
        if (!(rangeLu >= 0 && rangeLu < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("rangeLu must be finite and >= 0: " + rangeLu);
        }
        if (!(truePeakDbtp < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("truePeakDbtp must be finite or -Infinity: " + truePeakDbtp);
        }
    }
}
