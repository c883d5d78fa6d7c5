/**
 * Track recommendations and the listening feedback they learn from.
 *
 * <p>A recommender plugin registers a {@link org.segue.api.recommend.Recommender} service. The
 * kernel's recommendation runtime sends it requests (seed tracks, listening context, exclusions),
 * merges the ranked answers of all installed recommenders, and forwards user
 * {@link org.segue.api.recommend.Feedback} to those that learn. Recommenders find candidate tracks
 * and their analyses through the {@code org.segue.api.library.TrackLibrary} service.
 *
 * <p>Versioning: consumers (recommender implementers and callers) import {@code [1.0,2)}; there are
 * no provider types in this package.
 */
@Export
@Version("1.0.0")
package org.segue.api.recommend;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
