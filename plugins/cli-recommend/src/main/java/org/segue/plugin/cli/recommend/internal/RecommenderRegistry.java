package org.segue.plugin.cli.recommend.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.segue.api.recommend.Recommender;

/** The installed recommenders by short name ({@code segue.recommender.mix-next/1} → {@code mix-next}). */
final class RecommenderRegistry {
    private final Map<String, Recommender> byName = new ConcurrentSkipListMap<>();

    void add(Recommender r, Map<String, Object> properties) {
        Object id = properties.get(Recommender.ID);
        if (id != null) {
            byName.put(shortName(id.toString()), r);
        }
    }

    void remove(Recommender r, Map<String, Object> properties) {
        Object id = properties.get(Recommender.ID);
        if (id != null) {
            byName.remove(shortName(id.toString()), r);
        }
    }

    Map<String, Recommender> all() {
        return byName;
    }

    static String shortName(String id) {
        String s = id.startsWith("segue.recommender.") ? id.substring("segue.recommender.".length()) : id;
        int slash = s.indexOf('/');
        return slash < 0 ? s : s.substring(0, slash);
    }
}
