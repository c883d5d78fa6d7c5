package org.segue.plugin.analyzer.timbre.internal;

import org.osgi.service.component.annotations.Component;
import org.segue.api.analysis.AnalysisTask;
import org.segue.api.analysis.Analyzer;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.ResultKey;
import org.segue.api.analysis.SegueAnalyzer;
import org.segue.api.audio.AudioFormat;

/**
 * Energy, spectral shape, structure, mood and timbre of a track, from one short-time spectrum
 * analysis: the energy curve ({@code segue.energy}, cross-track scale), sections
 * ({@code segue.structure}), a heuristic valence/arousal ({@code segue.mood}), the MFCC summary
 * ({@code segue.timbre}) and a 48-dimension similarity vector ({@code segue.embedding}, layout on
 * {@link TimbreEmbedding}); plus the curves below, which the UI draws (band levels colour the
 * waveform) and other plugins may read by name.
 *
 * <p>The produced key names are repeated as literals because annotation values must be
 * constants; {@code TimbreAnalyzerTest} checks them against the keys.
 *
 * <p>Stateless factory: each track's analysis lives in its {@link TimbreTask}.
 */
@Component(service = Analyzer.class)
@SegueAnalyzer(id = TimbreAnalyzer.ID, produces = {
    "segue.energy", "segue.structure", "segue.mood", "segue.timbre", "segue.embedding",
    "segue.energy.relative", "segue.bands.low", "segue.bands.mid", "segue.bands.high",
    "segue.spectral.centroid", "segue.spectral.rolloff", "segue.spectral.flatness", "segue.spectral.flux"})
public class TimbreAnalyzer implements Analyzer {

    static final String ID = "segue.analyzer.timbre/1";

    /** Energy every 0.5 s normalised to the track: 1 at its loudest, 0 at its quietest. */
    static final ResultKey<FeatureCurve> ENERGY_RELATIVE = curve("segue.energy.relative");
    /** RMS amplitude below 250 Hz every 0.5 s (full-scale sine = 0.71). */
    static final ResultKey<FeatureCurve> BANDS_LOW = curve("segue.bands.low");
    /** RMS amplitude from 250 Hz to 4 kHz every 0.5 s. */
    static final ResultKey<FeatureCurve> BANDS_MID = curve("segue.bands.mid");
    /** RMS amplitude above 4 kHz (to 11 kHz) every 0.5 s. */
    static final ResultKey<FeatureCurve> BANDS_HIGH = curve("segue.bands.high");
    /** Spectral centroid (magnitude-weighted mean frequency, Hz) every second; 0 when silent. */
    static final ResultKey<FeatureCurve> CENTROID = curve("segue.spectral.centroid");
    /** Frequency below which 85 % of the power lies, Hz, every second; 0 when silent. */
    static final ResultKey<FeatureCurve> ROLLOFF = curve("segue.spectral.rolloff");
    /** Spectral flatness of the mel bands, 0 (tonal) .. 1 (noise), every second. */
    static final ResultKey<FeatureCurve> FLATNESS = curve("segue.spectral.flatness");
    /** Mean rise of log mel energies between frames (natural-log units), every second. */
    static final ResultKey<FeatureCurve> FLUX = curve("segue.spectral.flux");

    private static ResultKey<FeatureCurve> curve(String name) {
        return new ResultKey<>(name, FeatureCurve.class, 1);
    }

    @Override
    public AnalysisTask begin(AudioFormat format, long frameLengthHint) {
        return new TimbreTask(format, frameLengthHint);
    }
}
