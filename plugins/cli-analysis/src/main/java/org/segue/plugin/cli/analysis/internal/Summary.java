package org.segue.plugin.cli.analysis.internal;

import java.util.Locale;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.Loudness;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;

/** The few numbers a DJ reads first, as text for the table. */
final class Summary {

    private Summary() {
    }

    static String bpm(AnalysisResults r) {
        return r.get(StandardResults.TEMPO).map(Tempo::bpm).map(b -> String.format(Locale.ROOT, "%.1f", b)).orElse("-");
    }

    static String key(AnalysisResults r) {
        return r.get(StandardResults.KEY).map(KeyEstimate::key)
                .map(k -> k.displayName() + " (" + k.camelot() + ")").orElse("-");
    }

    static String loudness(AnalysisResults r) {
        return r.get(StandardResults.LOUDNESS).map(Loudness::integratedLufs)
                .map(l -> String.format(Locale.ROOT, "%.1f", l)).orElse("-");
    }

    static String duration(AnalysisResults r) {
        long s = Math.round(r.durationSeconds());
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
