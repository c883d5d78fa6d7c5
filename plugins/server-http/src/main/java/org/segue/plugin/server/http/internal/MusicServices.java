package org.segue.plugin.server.http.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.segue.api.analysis.AnalysisService;
import org.segue.api.audio.AudioOpener;
import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.mix.MixEngine;
import org.segue.api.recommend.Recommender;
import org.segue.api.style.DjStyle;
import org.segue.plugin.server.http.internal.music.Mixes;
import org.segue.plugin.server.http.internal.music.Recommendations;
import org.segue.plugin.server.http.internal.music.TrackImporter;
import org.segue.plugin.server.http.internal.routes.MusicApi;

/**
 * The api services the music routes run on, bound by Declarative Services: analysis, decoding and
 * the mix engine (static), and the recommenders, DJ styles and effects that come and go with their
 * bundles (dynamic).
 */
@Component(service = MusicServices.class)
public class MusicServices implements MusicApi.Services {

    @Reference
    AnalysisService analysis;

    @Reference
    AudioOpener opener;

    @Reference
    MixEngine engine;

    private final Recommendations recommendations = new Recommendations();
    private final Map<String, StyleInfo> styles = new ConcurrentSkipListMap<>();
    private final Map<String, EffectDescriptor> effects = new ConcurrentSkipListMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRecommender(Recommender r, Map<String, Object> props) {
        recommendations.add(r, props);
    }

    void removeRecommender(Recommender r, Map<String, Object> props) {
        recommendations.remove(r, props);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addStyle(DjStyle style, Map<String, Object> props) {
        Object id = props.get(DjStyle.ID);
        if (id != null) {
            Object name = props.getOrDefault(DjStyle.NAME, id);
            Object description = props.getOrDefault("segue.style.description", "");
            styles.put(id.toString(), new StyleInfo(id.toString(), name.toString(), description.toString()));
        }
    }

    void removeStyle(DjStyle style, Map<String, Object> props) {
        Object id = props.get(DjStyle.ID);
        if (id != null) {
            styles.remove(id.toString());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEffect(Effect effect) {
        EffectDescriptor d = effect.descriptor();
        effects.put(d.id(), d);
    }

    void removeEffect(Effect effect) {
        effects.remove(effect.descriptor().id());
    }

    @Override
    public TrackImporter importer() {
        return new TrackImporter(analysis, opener);
    }

    @Override
    public AudioOpener opener() {
        return opener;
    }

    @Override
    public Recommendations recommendations() {
        return recommendations;
    }

    @Override
    public Mixes mixes() {
        return new Mixes(engine, analysis, styles::keySet, Clock.systemUTC());
    }

    @Override
    public List<StyleInfo> styles() {
        return List.copyOf(styles.values());
    }

    @Override
    public List<EffectDescriptor> effects() {
        return List.copyOf(effects.values());
    }
}
