/**
 * Making a mix: ordering a set of analysed tracks ({@link org.segue.api.mix.SetPlanner}) and
 * changing tempo and pitch of a deck while it plays ({@link org.segue.api.mix.TimeStretcher}).
 * Transition plans between two tracks are in {@code org.segue.api.style}; effects in
 * {@code org.segue.api.effect}.
 *
 * <p>Versioning: consumers (planner and stretcher implementers, callers) import {@code [1.0,2)};
 * providers of the {@code @ProviderType} interfaces import {@code [1.0,1.1)}.
 */
@Export
@Version("1.0.0")
package org.segue.api.mix;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
