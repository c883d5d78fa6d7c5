/**
 * The track library: metadata, analysis results and search.
 *
 * <p>The kernel (or a library plugin, e.g. one built on Lucene) registers a
 * {@link org.segue.api.library.TrackLibrary} service; importers, analyzers' results, planners,
 * recommenders and the REST server use it. Tracks come from local files or from streaming
 * connectors; {@link org.segue.api.library.TrackSource} records where, under which licence, and
 * whether the audio may be mixed.
 *
 * <p>Versioning: consumers (callers of the library) import {@code [1.0,2)}; providers of
 * {@link org.segue.api.library.TrackLibrary} import {@code [1.1,1.2)}.
 *
 * <p>1.1: {@link org.segue.api.library.TrackLibrary#OWNER}, the service property naming a per-user library.
 */
@Export
@Version("1.1.0")
package org.segue.api.library;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
