package org.segue.plugin.style.classic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.segue.api.style.DjStyle;
import org.segue.api.style.TransitionPlan;

/** What holds for every style: valid, deterministic, explained plans that differ from style to style. */
class PlanContractTest {

    static Stream<Arguments> suitedPairs() {
        return Stream.of(
                Arguments.of(HouseBlend.ID, Synth.house("a", 124).build(), Synth.house("b", 126).build()),
                Arguments.of(DnbDoubleDrop.ID, Synth.dnb("a", 172).build(), Synth.dnb("b", 174).build()),
                Arguments.of(CutEcho.ID, Synth.hipHop("a", 90).build(), Synth.hipHop("b", 94).build()),
                Arguments.of(FilterSweep.ID, Synth.house("a", 124).build(), Synth.house("b", 126).key("2B").build()),
                Arguments.of(RadioCrossfade.ID, Synth.ballad("a").build(), Synth.house("b", 128).build()),
                Arguments.of(RadioCrossfade.ID, Synth.waltz("a").build(), Synth.house("b", 122).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suitedPairs")
    void plansAreValidDeterministicAndExplained(String id, Synth out, Synth in) {
        DjStyle style = Styles.all().get(id);
        TransitionPlan plan = style.plan(Styles.request(out, in));
        PlanChecks.assertValid(plan, id, out, in);
        assertEquals(plan, style.plan(Styles.request(out, in)), "the same request gives the same plan");
        assertTrue(style.suitability(out.results, in.results) > 0.5, "suited pair scores well");
    }

    @Test
    void theStylesSoundDifferentOnTheSamePair() {
        Synth out = Synth.house("a", 124).build();
        Synth in = Synth.house("b", 126).build();
        List<String> ids = new ArrayList<>();
        List<TransitionPlan> plans = new ArrayList<>();
        for (Map.Entry<String, DjStyle> entry : Styles.all().entrySet()) {
            TransitionPlan plan = entry.getValue().plan(Styles.request(out, in));
            PlanChecks.assertValid(plan, entry.getKey(), out, in);
            ids.add(entry.getKey());
            plans.add(plan);
        }
        for (int i = 0; i < plans.size(); i++) {
            for (int j = i + 1; j < plans.size(); j++) {
                Set<List<Object>> a = PlanChecks.targets(plans.get(i));
                Set<List<Object>> b = PlanChecks.targets(plans.get(j));
                assertNotEquals(a, b, ids.get(i) + " and " + ids.get(j) + " automate the same parameters");
            }
        }
        // Lengths tell the long blend, the short cut and the rest apart.
        assertEquals(32, plans.get(ids.indexOf(HouseBlend.ID)).lengthBars());
        assertEquals(2, plans.get(ids.indexOf(CutEcho.ID)).lengthBars());
        assertEquals(8, plans.get(ids.indexOf(FilterSweep.ID)).lengthBars());
        assertEquals(16, plans.get(ids.indexOf(DnbDoubleDrop.ID)).lengthBars());
    }

    @Test
    void everyStyleScoresWithinRangeOnEveryPair() {
        List<Synth> tracks = List.of(Synth.house("h", 124).build(), Synth.dnb("d", 174).build(),
                Synth.hipHop("p", 90).build(), Synth.ballad("b").build(), Synth.waltz("w").build(),
                Synth.house("g", 124).noGrid().build(), Synth.track("e", 120, 16).build());
        for (Synth out : tracks) {
            for (Synth in : tracks) {
                for (Map.Entry<String, DjStyle> style : Styles.all().entrySet()) {
                    double score = style.getValue().suitability(out.results, in.results);
                    assertTrue(score >= 0 && score <= 1, style.getKey() + " " + out.id + "->" + in.id + ": " + score);
                    if (style.getKey().equals(RadioCrossfade.ID)) {
                        assertTrue(score > 0, "the fallback must never be ruled out");
                    }
                }
            }
        }
    }
}
