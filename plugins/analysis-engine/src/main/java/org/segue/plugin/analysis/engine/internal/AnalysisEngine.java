package org.segue.plugin.analysis.engine.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.analysis.AnalysisService;
import org.segue.api.analysis.Analyzer;
import org.segue.api.analysis.LiveAnalysis;
import org.segue.api.analysis.TrackReport;
import org.segue.api.analysis.TrackReport.AnalyzerFailure;
import org.segue.api.audio.AudioDecoder;
import org.segue.api.audio.AudioFormat;
import org.segue.api.audio.AudioOpener;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.TrackTags;
import org.segue.api.play.EventLog;
import org.segue.support.usage.PluginUsage;
import org.segue.support.usage.TimedSource;
import org.segue.support.usage.UsageRecorder;

/**
 * Segue's {@link AnalysisService}: every registered decoder and analyzer (whiteboard), one pass per
 * track, failures isolated per analyzer, results cached by content hash. Also the
 * {@link AudioOpener} everything else opens files with, so decoder choice lives in one place.
 *
 * <p>Each analysis that does work records, when an {@link EventLog} is present, one batch of
 * {@code plugin.used} events under the host user: the decoder's and every analyzer's time in the
 * plugin's code and whether it failed. A cached result records nothing, as no plugin worked.
 */
@Component(configurationPid = AnalysisEngine.PID, service = {AnalysisService.class, AudioOpener.class})
@Designate(ocd = AnalysisEngine.Config.class)
public class AnalysisEngine implements AnalysisService, AudioOpener {

    public static final String PID = "org.segue.analysis.engine";

    @ObjectClassDefinition(name = "Segue analysis engine", description = "Runs the analyzers over tracks")
    public @interface Config {
        @AttributeDefinition(description = "Folder for cached results; empty means $XDG_CACHE_HOME/segue/analysis "
                + "(or ~/.cache/segue/analysis)")
        String cacheDirectory() default "";

        @AttributeDefinition(description = "Frames per block handed to the analyzers", min = "256", max = "65536")
        int blockFrames() default 4096;
    }

    private final DecoderRegistry decoders = new DecoderRegistry();
    private final List<AnalyzerSlot.Entry> analyzers = new CopyOnWriteArrayList<>();
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private volatile ResultCache cache;
    private volatile int blockFrames;
    Clock clock = Clock.systemUTC();

    /** Optional: Segue analyses without the play bundles; greedy, so a log installed later is used. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventLog events;

    private final UsageRecorder usage = new UsageRecorder("analysis", message ->
            System.getLogger(AnalysisEngine.class.getName()).log(System.Logger.Level.WARNING, message));

    @Activate
    @Modified
    void configure(Config config) {
        blockFrames = Math.max(256, config.blockFrames());
        cache = new ResultCache(cacheDirectory(config.cacheDirectory()), mapper);
    }

    static Path cacheDirectory(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("segue").resolve("analysis");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDecoder(AudioDecoder decoder, Map<String, Object> properties) {
        decoders.add(new DecoderRegistry.Entry(decoder, ranking(properties), serviceId(properties),
                name(properties, AudioDecoder.EXTENSIONS, decoder)));
    }

    void removeDecoder(AudioDecoder decoder) {
        decoders.remove(decoder);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addAnalyzer(Analyzer analyzer, Map<String, Object> properties) {
        analyzers.add(new AnalyzerSlot.Entry(name(properties, Analyzer.ID, analyzer), analyzer));
    }

    void removeAnalyzer(Analyzer analyzer) {
        analyzers.removeIf(e -> e.analyzer() == analyzer);
    }

    @Override
    public TrackReport analyze(Path file) throws IOException {
        return analyze(file, true);
    }

    @Override
    public TrackReport analyze(Path file, boolean useCache) throws IOException {
        List<AnalyzerSlot.Entry> current = snapshot();
        List<String> ids = current.stream().map(AnalyzerSlot.Entry::id).toList();
        String name = file.toString();
        String hash = ContentHash.of(file);
        ResultCache c = cache;
        if (useCache) {
            Optional<ResultStore> hit = c.load(hash, ids);
            if (hit.isPresent()) {
                return new TrackReport(name, hash, hit.get(), List.of(), true);
            }
        }
        List<AnalyzerFailure> failures = new ArrayList<>();
        ResultStore results = run(file, name, hash, current, failures);
        if (useCache && failures.isEmpty()) {
            try {
                c.store(hash, ids, results);
            } catch (IOException | RuntimeException e) {
                // The results stand; only the next run of this file will be slower.
            }
        }
        return new TrackReport(name, hash, results, failures, false);
    }

    /**
     * Decodes and analyses; whatever happens, the plugins' work is recorded once the decoder and
     * every analyzer are closed. The decoder failed when decoding threw: analyzers never throw
     * out of {@link TrackAnalysis}.
     */
    private ResultStore run(Path file, String name, String hash, List<AnalyzerSlot.Entry> current,
            List<AnalyzerFailure> failures) throws IOException {
        DecoderRegistry.Entry decoder = decoders.choose(file);
        PluginUsage work = new PluginUsage();
        long openStart = System.nanoTime();
        TimedSource source = null;
        boolean decoded = false;
        try {
            source = new TimedSource(decoder.decoder().open(file), System.nanoTime() - openStart);
            ResultStore results;
            try (TimedSource s = source) {
                results = TrackAnalysis.run(name, hash, s, current, blockFrames, failures, work);
            }
            decoded = true;
            return results;
        } finally {
            long nanos = source == null ? System.nanoTime() - openStart : source.nanos();
            work.add(decoder.decoder().getClass(), decoder.name(), nanos, decoded);
            usage.record(events, work.events(clock.instant()));
        }
    }

    @Override
    public PcmSource open(Path file) throws IOException {
        return decoders.open(file);
    }

    @Override
    public TrackTags tags(Path file) {
        return decoders.tags(file);
    }

    @Override
    public LiveAnalysis live(AudioFormat format) {
        return new EngineLiveAnalysis(format, snapshot());
    }

    /** The analyzers now, in id order so cache entries compare equal whatever the start order. */
    private List<AnalyzerSlot.Entry> snapshot() {
        List<AnalyzerSlot.Entry> list = new ArrayList<>(analyzers);
        list.sort(Comparator.comparing(AnalyzerSlot.Entry::id));
        return list;
    }

    private static int ranking(Map<String, Object> p) {
        return p.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
    }

    private static long serviceId(Map<String, Object> p) {
        return p.get(Constants.SERVICE_ID) instanceof Long l ? l : 0L;
    }

    private static String name(Map<String, Object> p, String key, Object service) {
        Object v = p.get(key);
        if (v instanceof String[] a && a.length > 0) {
            return String.join("/", a);
        }
        if (v instanceof String s && !s.isBlank()) {
            return s;
        }
        return service.getClass().getName();
    }
}
