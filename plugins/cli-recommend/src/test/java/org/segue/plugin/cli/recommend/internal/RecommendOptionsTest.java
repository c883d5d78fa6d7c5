package org.segue.plugin.cli.recommend.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.api.recommend.Activity;
import org.segue.api.recommend.ListeningContext;

class RecommendOptionsTest {

    @Test
    void defaults() {
        RecommendOptions o = RecommendOptions.parse(List.of("song.wav"));
        assertEquals(new RecommendOptions("song.wav", "default", ListeningContext.any(), 10, false, "hybrid"), o);
    }

    @Test
    void everyOption() {
        RecommendOptions o = RecommendOptions.parse(List.of("--user", "anna", "t1", "--context", "evening,focus",
                "--limit", "3", "--why", "--strategy", "mix-next"));
        assertEquals(new RecommendOptions("t1", "anna", new ListeningContext(LocalTime.of(19, 0), null, Activity.FOCUS),
                3, true, "mix-next"), o);
    }

    @Test
    void contextWords() {
        assertEquals(new ListeningContext(LocalTime.of(6, 30), "happy", Activity.WIND_DOWN),
                RecommendOptions.context("6:30, Wind-Down, happy"));
        assertEquals(new ListeningContext(null, null, Activity.WORKOUT), RecommendOptions.context("workout,"));
    }

    @Test
    void errorsSayWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RecommendOptions.parse(List.of()))
                .getMessage().contains("name a file"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RecommendOptions.parse(List.of("a", "b")))
                .getMessage().contains("one file"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> RecommendOptions.parse(List.of("a", "--limit", "0"))).getMessage().contains("--limit"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> RecommendOptions.parse(List.of("a", "--strategy", "magic"))).getMessage().contains("magic"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> RecommendOptions.parse(List.of("a", "--user"))).getMessage().contains("--user needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> RecommendOptions.parse(List.of("a", "--context", "workout,focus"))).getMessage()
                .contains("one activity"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> RecommendOptions.parse(List.of("a", "--bogus"))).getMessage().contains("--bogus"));
    }
}
