package org.segue.plugin.server.http.internal.music;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.segue.api.analysis.Analyzer;
import org.segue.api.effect.Effect;
import org.segue.api.mix.MixEngine;
import org.segue.api.style.DjStyle;
import org.segue.plugin.analysis.engine.internal.AnalysisEngine;
import org.segue.plugin.analyzer.loudness.internal.LoudnessAnalyzer;
import org.segue.plugin.analyzer.rhythm.internal.RhythmAnalyzer;
import org.segue.plugin.analyzer.timbre.internal.TimbreAnalyzer;
import org.segue.plugin.analyzer.tonal.internal.TonalAnalyzer;
import org.segue.plugin.decoder.wav.internal.WavDecoder;
import org.segue.plugin.mix.engine.internal.MixEngineComponent;
import org.segue.plugin.planner.harmonic.internal.HarmonicPlanner;
import org.segue.plugin.stretch.wsola.internal.WsolaStretcher;
import org.segue.plugin.style.classic.internal.CutEcho;
import org.segue.plugin.style.classic.internal.FilterSweep;
import org.segue.plugin.style.classic.internal.HouseBlend;
import org.segue.plugin.style.classic.internal.RadioCrossfade;

/** The real decoder, analyzers, analysis engine and mix engine of the distribution, wired for a test. */
final class RealPlugins {

    final AnalysisEngine analysis;
    private MixEngine mixEngine;
    private List<String> styleIds;

    /** The WAV decoder and the given analyzers; the results cache goes under {@code cache}. */
    private RealPlugins(Path cache, List<Analyzer> analyzers) {
        analysis = Components.activated(AnalysisEngine.class, Map.of("cacheDirectory", cache.toString()));
        Components.bind(analysis, "addDecoder", new WavDecoder(), Map.of("service.id", 1L));
        long id = 2;
        for (Analyzer a : analyzers) {
            Components.bind(analysis, "addAnalyzer", a, Map.of(Analyzer.ID, Components.id(a), "service.id", id++));
        }
    }

    /** Decoding and loudness only: fast, for the services that need no musical analysis. */
    static RealPlugins decoding(Path cache) {
        return new RealPlugins(cache, List.of(new LoudnessAnalyzer()));
    }

    /** Every analyzer of the distribution and the mix engine with its planner, styles, effects and stretcher. */
    static RealPlugins mixing(Path cache) {
        RealPlugins p = new RealPlugins(cache, List.of(new LoudnessAnalyzer(), Components.activated(RhythmAnalyzer.class),
                Components.activated(TonalAnalyzer.class), new TimbreAnalyzer()));
        MixEngineComponent engine = new MixEngineComponent();
        Components.set(engine, "analysis", p.analysis);
        Components.set(engine, "opener", p.analysis);
        Components.set(engine, "planner", Components.activated(HarmonicPlanner.class));
        Components.set(engine, "stretcher", Components.activated(WsolaStretcher.class));
        List<DjStyle> styles = List.of(Components.activated(HouseBlend.class), Components.activated(RadioCrossfade.class),
                Components.activated(CutEcho.class), Components.activated(FilterSweep.class));
        for (DjStyle s : styles) {
            Components.bind(engine, "addStyle", s, Map.of(DjStyle.ID, Components.id(s)));
        }
        for (Effect e : effects()) {
            Components.bind(engine, "addEffect", e, Map.of(Effect.ID, e.descriptor().id()));
        }
        p.mixEngine = engine;
        p.styleIds = styles.stream().map(Components::id).toList();
        return p;
    }

    MixEngine mixEngine() {
        return mixEngine;
    }

    List<String> styleIds() {
        return styleIds;
    }

    private static List<Effect> effects() {
        String pkg = "org.segue.plugin.effect.core.internal.";
        List<Effect> effects = new java.util.ArrayList<>();
        for (String name : List.of("Eq3Effect", "FilterEffect", "EchoEffect", "BiquadEffect", "CompressorEffect",
                "LimiterEffect", "GateEffect", "ReverbEffect", "FlangerEffect", "PhaserEffect", "PannerEffect")) {
            try {
                effects.add((Effect) Components.activated(Class.forName(pkg + name)));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return effects;
    }
}
