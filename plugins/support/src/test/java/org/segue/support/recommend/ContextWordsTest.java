package org.segue.support.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.segue.api.recommend.Activity;
import org.segue.api.recommend.ListeningContext;

class ContextWordsTest {

    @Test
    void wordsBecomeTimeActivityAndMood() {
        assertEquals(new ListeningContext(LocalTime.of(19, 0), "melancholic", Activity.FOCUS),
                ContextWords.parse("Evening, focus ,melancholic"));
        assertEquals(new ListeningContext(LocalTime.of(6, 30), "happy", Activity.WIND_DOWN),
                ContextWords.parse("6:30, Wind-Down, happy"));
        assertEquals(new ListeningContext(null, null, Activity.WORKOUT), ContextWords.parse("workout,"));
        assertEquals(ListeningContext.any(), ContextWords.parse(""));
        assertEquals(ListeningContext.any(), ContextWords.parse(null));
    }

    @Test
    void refusalsNameWhatIsWrong() {
        assertEquals("one activity at a time: workout and focus",
                assertThrows(IllegalArgumentException.class, () -> ContextWords.parse("workout,focus")).getMessage());
        assertEquals("one mood at a time: happy, sad",
                assertThrows(IllegalArgumentException.class, () -> ContextWords.parse("happy,sad")).getMessage());
        assertEquals("not a time of day: 25:00",
                assertThrows(IllegalArgumentException.class, () -> ContextWords.parse("25:00")).getMessage());
        assertEquals("not a context word: a+b",
                assertThrows(IllegalArgumentException.class, () -> ContextWords.parse("a+b")).getMessage());
    }
}
