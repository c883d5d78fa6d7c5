package org.segue.plugin.cli.recommend.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class SimulationTest {

    @Test
    void sameSeedSameTableAndLearningBeatsChance() {
        List<Simulation.Row> a = new Simulation(3, 400).run(6);
        assertEquals(a, new Simulation(3, 400).run(6));
        Map<String, Simulation.Row> rows = a.stream().collect(Collectors.toMap(Simulation.Row::strategy, Function.identity()));
        // Relevant is the top 5 %, so chance is about 0.05; the learnt taste must do clearly better.
        assertTrue(rows.get("preference").precision() > 2 * rows.get("random").precision(), a.toString());
        assertTrue(rows.get("hybrid").ndcg() > rows.get("random").ndcg(), a.toString());
    }

    @Test
    void collaborativeFilteringFindsWhatTheTasteGroupsShare() {
        // 20 listeners in 5 groups: each has 3 others sharing its hidden scene, which no feature shows.
        Map<String, Simulation.Row> rows = new Simulation(5, 400).run(20).stream()
                .collect(Collectors.toMap(Simulation.Row::strategy, Function.identity()));
        assertTrue(rows.get("collaborative").precision() > 3 * rows.get("random").precision(), rows.toString());
        assertTrue(rows.get("collaborative").ndcg() > rows.get("similar").ndcg(), rows.toString());
    }
}
