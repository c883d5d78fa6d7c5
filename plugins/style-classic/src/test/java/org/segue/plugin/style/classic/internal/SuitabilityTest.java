package org.segue.plugin.style.classic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.segue.api.style.DjStyle;

/** Which style each kind of pair gets: the ordering a set planner relies on. */
class SuitabilityTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("house 124 -> 126", Synth.house("a", 124).build(), Synth.house("b", 126).build(),
                        HouseBlend.ID),
                Arguments.of("dnb 172 -> 174", Synth.dnb("a", 172).build(), Synth.dnb("b", 174).build(),
                        DnbDoubleDrop.ID),
                Arguments.of("hip-hop 90 -> 94", Synth.hipHop("a", 90).build(), Synth.hipHop("b", 94).build(),
                        CutEcho.ID),
                Arguments.of("ballad 70 -> house 128", Synth.ballad("a").build(), Synth.house("b", 128).build(),
                        RadioCrossfade.ID),
                Arguments.of("3/4 -> 4/4", Synth.waltz("a").build(), Synth.house("b", 122).build(),
                        RadioCrossfade.ID),
                Arguments.of("no grids", Synth.house("a", 124).noGrid().build(), Synth.house("b", 125).noGrid().build(),
                        RadioCrossfade.ID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void theFittingStyleScoresHighest(String name, Synth out, Synth in, String expected) {
        Map<String, Double> scores = scores(out, in);
        double best = scores.get(expected);
        scores.forEach((id, score) -> {
            assertTrue(score >= 0 && score <= 1, id + " out of [0,1]: " + score);
            if (!id.equals(expected)) {
                assertTrue(best > score, expected + " (" + best + ") should beat " + id + " (" + score + ") for "
                        + name + ": " + scores);
            }
        });
        assertTrue(scores.get(RadioCrossfade.ID) > 0, "the fallback must always be available");
    }

    @Test
    void houseBlendIsHighForHouseTempiWithinSixPercent() {
        double close = Styles.houseBlend().suitability(Synth.house("a", 124).build().results,
                Synth.house("b", 126).build().results);
        double sixPercent = Styles.houseBlend().suitability(Synth.house("a", 120).build().results,
                Synth.house("b", 127.2).build().results);
        double tooFar = Styles.houseBlend().suitability(Synth.house("a", 120).build().results,
                Synth.house("b", 136).build().results);
        assertTrue(close >= 0.9, "close: " + close);
        assertTrue(sixPercent >= 0.6 && sixPercent < close, "6 %: " + sixPercent);
        assertEquals(0, tooFar, "13 % apart");
    }

    @Test
    void beatMatchedStylesNeedGridsAndOneMeter() {
        Synth waltz = Synth.waltz("a").build();
        Synth house = Synth.house("b", 122).build();
        Synth gridless = Synth.house("c", 122).noGrid().build();
        for (DjStyle style : List.of(Styles.houseBlend(), Styles.doubleDrop(), Styles.filterSweep())) {
            assertEquals(0, style.suitability(waltz.results, house.results), style.getClass().getSimpleName());
            assertEquals(0, style.suitability(house.results, gridless.results), style.getClass().getSimpleName());
        }
        assertEquals(0, Styles.cutEcho().suitability(house.results, gridless.results));
    }

    @Test
    void doubleDropNeedsDrumAndBassTempiAndDrops() {
        DnbDoubleDrop style = Styles.doubleDrop();
        assertEquals(0, style.suitability(Synth.house("a", 124).build().results, Synth.house("b", 126).build().results));
        Synth noDrops = Synth.track("c", 174, 128).section(org.segue.api.analysis.SegmentLabel.VERSE, 0, 128, 0.6)
                .build();
        assertEquals(0, style.suitability(Synth.dnb("a", 172).build().results, noDrops.results));
        assertTrue(style.suitability(Synth.dnb("a", 172).build().results, Synth.dnb("b", 174).build().results) > 0.9);
    }

    @Test
    void halfOrDoubleTimeIsNotFarApart() {
        // 64 bpm into 128 meets at double time: the radio fade is less needed than for 70 into 128.
        RadioCrossfade radio = Styles.radio();
        double halfTime = radio.suitability(Synth.hipHop("a", 64).build().results, Synth.house("b", 128).build().results);
        double unrelated = radio.suitability(Synth.hipHop("a", 100).build().results,
                Synth.house("b", 128).build().results);
        assertTrue(halfTime < unrelated, halfTime + " vs " + unrelated);
    }

    @Test
    void clashingKeysFavourTheFilterOverTheLongBlend() {
        Synth out = Synth.house("a", 124).build();
        Synth compatible = Synth.house("b", 126).key("9A").build();
        Synth clashing = Synth.house("b", 126).key("2B").build();
        assertTrue(Styles.filterSweep().suitability(out.results, clashing.results)
                > Styles.filterSweep().suitability(out.results, compatible.results));
        assertTrue(Styles.houseBlend().suitability(out.results, clashing.results)
                < Styles.houseBlend().suitability(out.results, compatible.results));
    }

    private static Map<String, Double> scores(Synth out, Synth in) {
        Map<String, Double> scores = new LinkedHashMap<>();
        Styles.all().forEach((id, style) -> scores.put(id, style.suitability(out.results, in.results)));
        return scores;
    }
}
