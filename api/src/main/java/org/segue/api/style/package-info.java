/**
 * DJ transition styles and the plans they produce.
 *
 * <p>A style plugin registers a {@link org.segue.api.style.DjStyle} service. Given the analyses of
 * two tracks it rates how well it can join them and writes a
 * {@link org.segue.api.style.TransitionPlan}: cue points, length, tempo ramp, key shift and
 * automation lanes for effect parameters, on a timeline measured in beats. A plan is plain data
 * (records, enums, lists, numbers and strings only) so it can be shown, edited by the user,
 * serialised to JSON, stored with a mix and previewed; the kernel's engine plays it.
 *
 * <p>Versioning: consumers (style implementers, plan readers) import {@code [1.0,2)}; there are no
 * provider types in this package.
 */
@Export
@Version("1.0.0")
package org.segue.api.style;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
