package org.segue.plugin.cli.analysis.internal;

import java.util.Comparator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.ResultKey;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.TrackReport;

/** A track's report as JSON: a summary a script can use at once, then every result in full. */
final class ResultsJson {

    private ResultsJson() {
    }

    static ObjectNode report(ObjectMapper mapper, ParallelAnalysis.Outcome outcome) {
        ObjectNode node = mapper.createObjectNode();
        node.put("file", outcome.file().toString());
        if (!outcome.ok()) {
            node.put("error", outcome.error());
            return node;
        }
        TrackReport report = outcome.report();
        AnalysisResults r = report.results();
        node.put("contentHash", report.contentHash());
        node.put("cached", report.cached());
        node.put("durationSeconds", r.durationSeconds());
        r.get(StandardResults.TEMPO).ifPresent(t -> node.put("bpm", t.bpm()));
        r.get(StandardResults.KEY).map(KeyEstimate::key).ifPresent(k -> {
            node.put("key", k.displayName());
            node.put("camelot", k.camelot());
            node.put("openKey", k.openKey());
        });
        r.get(StandardResults.LOUDNESS).ifPresent(l -> node.put("integratedLufs", l.integratedLufs()));
        var failures = node.putArray("failures");
        report.failures().forEach(f -> failures.addObject().put("analyzer", f.analyzerId()).put("reason", f.reason()));
        ObjectNode results = node.putObject("results");
        r.keys().stream().sorted(Comparator.comparing(ResultKey::name)).forEach(key -> {
            ObjectNode entry = results.putObject(key.name());
            entry.put("analyzer", r.analyzer(key).orElse("?"));
            entry.put("schema", key.schemaVersion());
            entry.set("value", mapper.valueToTree(r.get(key).orElseThrow()));
        });
        return node;
    }
}
