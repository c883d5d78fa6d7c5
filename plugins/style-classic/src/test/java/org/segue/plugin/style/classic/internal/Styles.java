package org.segue.plugin.style.classic.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.segue.api.style.DjStyle;
import org.segue.api.style.TransitionRequest;

/** The five styles at their default configuration, and requests between synthetic tracks. */
final class Styles {

    private Styles() {
    }

    static HouseBlend houseBlend() {
        return new HouseBlend(Configs.defaults(HouseBlend.Config.class));
    }

    static DnbDoubleDrop doubleDrop() {
        return new DnbDoubleDrop(Configs.defaults(DnbDoubleDrop.Config.class));
    }

    static CutEcho cutEcho() {
        return new CutEcho(Configs.defaults(CutEcho.Config.class));
    }

    static FilterSweep filterSweep() {
        return new FilterSweep(Configs.defaults(FilterSweep.Config.class));
    }

    static RadioCrossfade radio() {
        return new RadioCrossfade(Configs.defaults(RadioCrossfade.Config.class));
    }

    /** Every style by id, in a fixed order. */
    static Map<String, DjStyle> all() {
        Map<String, DjStyle> styles = new LinkedHashMap<>();
        styles.put(HouseBlend.ID, houseBlend());
        styles.put(DnbDoubleDrop.ID, doubleDrop());
        styles.put(CutEcho.ID, cutEcho());
        styles.put(FilterSweep.ID, filterSweep());
        styles.put(RadioCrossfade.ID, radio());
        return styles;
    }

    /** A request that leaves the length open and targets the incoming's own tempo. */
    static TransitionRequest request(Synth out, Synth in) {
        return new TransitionRequest(out.results, in.results, null, in.bpm);
    }

    static TransitionRequest request(Synth out, Synth in, Integer bars, double targetBpm) {
        return new TransitionRequest(out.results, in.results, bars, targetBpm);
    }
}
