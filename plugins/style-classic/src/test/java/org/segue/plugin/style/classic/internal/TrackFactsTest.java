package org.segue.plugin.style.classic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.segue.api.analysis.SegmentLabel;

/** Bar arithmetic, phrase rounding and drop finding, against the synthetic tracks' own sums. */
class TrackFactsTest {

    private final Synth pickup = Synth.track("t", 125, 64).pickup(3).offset(0.4).build();
    private final TrackFacts facts = TrackFacts.of(pickup.results);

    @Test
    void barsCountFromTheFirstDownbeatNotTheFirstBeat() {
        assertEquals(pickup.downbeat(0), facts.downbeat(0), 1e-9);
        assertEquals(pickup.downbeat(16), facts.downbeat(16), 1e-9);
        assertEquals(16, facts.barNearest(pickup.downbeat(16) + 0.1));
        assertEquals(16.5, facts.barPosition(pickup.downbeat(16.5)), 1e-9);
    }

    @Test
    void barsOutsideTheGridAreExtrapolatedAtItsTempo() {
        assertEquals(pickup.downbeat(-2), facts.downbeat(-2), 1e-9);
        assertEquals(pickup.downbeat(70), facts.downbeat(70), 1e-9);
        // 64 bars and half a second of tail: a 16-bar stretch can start on bar 48 at the latest.
        assertEquals(48, facts.lastStartBar(16));
    }

    @Test
    void phrasesRoundDownAndSnapOnlyWhenClose() {
        assertEquals(8, Phrases.floor(15, 8));
        assertEquals(-8, Phrases.floor(-1, 8));
        assertEquals(32, Phrases.snap(31, 8, 2));
        assertEquals(36, Phrases.snap(36, 8, 2));
        assertEquals(16, Phrases.snap(18, 16, 2));
    }

    @Test
    void shortGridsAreNotTrusted() {
        assertFalse(TrackFacts.of(Synth.track("s", 120, 4).build().results).hasGrid());
        assertTrue(facts.hasGrid());
    }

    @Test
    void aLabelledDropWinsOverTheEnergyCurve() {
        Synth labelled = Synth.dnb("d", 174).build();
        Drops.Drop drop = Drops.find(TrackFacts.of(labelled.results), false).orElseThrow();
        assertEquals(32, drop.bar());
        assertTrue(drop.labelled());
        assertEquals(80, Drops.find(TrackFacts.of(labelled.results), true).orElseThrow().bar());
    }

    @Test
    void withoutLabelsTheBiggestEnergyRiseIsTheDrop() {
        Synth unlabelled = Synth.track("d", 174, 96).noStructure().section(SegmentLabel.INTRO, 0, 20, 0.5)
                .section(SegmentLabel.BUILD, 20, 24, 0.6).section(SegmentLabel.DROP, 24, 80, 0.95)
                .section(SegmentLabel.OUTRO, 80, 96, 0.3).build();
        Drops.Drop drop = Drops.find(TrackFacts.of(unlabelled.results), false).orElseThrow();
        assertEquals(24, drop.bar());
        assertFalse(drop.labelled());
    }

    @Test
    void aFlatTrackHasNoDrop() {
        Synth flat = Synth.track("f", 174, 96).section(SegmentLabel.VERSE, 0, 96, 0.6).noStructure().build();
        assertTrue(Drops.find(TrackFacts.of(flat.results), false).isEmpty());
    }

    @Test
    void timesReadAsMinutesSecondsAndTenths() {
        assertEquals("3:06.4", Words.time(186.44));
        assertEquals("0:00.0", Words.time(0));
        assertEquals("-0:05.3", Words.time(-5.27));
        assertEquals("10:00.0", Words.time(599.99));
    }
}
