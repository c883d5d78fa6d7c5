/**
 * Track analysis: one pass over the decoded audio, many analyzers, typed results.
 *
 * <p>An analyzer plugin registers an {@link org.segue.api.analysis.Analyzer} service. For each
 * track the kernel decodes the audio once and feeds every analyzer's
 * {@link org.segue.api.analysis.AnalysisTask} the same blocks; each task publishes values under
 * {@link org.segue.api.analysis.ResultKey}s into a {@link org.segue.api.analysis.ResultSink}. The
 * collected {@link org.segue.api.analysis.AnalysisResults} are stored in the library with each
 * key's schema version and the producing analyzer's id, so results from an older analyzer are
 * re-computed deliberately rather than misread. The standard keys and their value records (tempo,
 * beat grid, key, chords, loudness, energy, structure, mood, embeddings) are in
 * {@link org.segue.api.analysis.StandardResults}; plugins may define keys of their own.
 *
 * <p>All value records here are immutable, validate their arguments and copy arrays and lists, so
 * a result can be shared between threads and stored without defensive copies by the reader.
 *
 * <p>Versioning: consumers (analyzer implementers and result readers) import {@code [1.0,2)};
 * providers of {@link org.segue.api.analysis.AnalysisResults} and
 * {@link org.segue.api.analysis.ResultSink} (the kernel, the library, test kits) import
 * {@code [1.0,1.1)}.
 */
@Export
@Version("1.0.0")
package org.segue.api.analysis;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
