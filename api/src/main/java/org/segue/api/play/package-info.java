/**
 * Badges and challenges, computed from a stream of user events.
 *
 * <p>The kernel records {@link org.segue.api.play.UserEvent}s (a mix created, a transition rated,
 * a plugin installed…) and feeds each user's events, in time order, to every
 * {@link org.segue.api.play.Badge} and {@link org.segue.api.play.Challenge} service. Both are pure
 * functions from (stored progress, event) to new progress; the host stores the progress, shows it,
 * and ranks challenge scores on leaderboards.
 *
 * <p>Producers record events through the host's {@link org.segue.api.play.EventLog} service.
 *
 * <p>Versioning: consumers (badge and challenge implementers, event producers) import
 * {@code [1.1,2)}; the host, which implements the provider type {@link org.segue.api.play.EventLog},
 * imports {@code [1.2,1.3)}. 1.2 added {@link org.segue.api.play.PlayStatistics} (badges, challenges,
 * leaderboards and analytics for pages and charts) and {@link org.segue.api.play.EventLog#recordAll}. 1.1 added {@code EventLog}, {@code RecordResult}, the {@code state} of
 * the progress records and event types and attributes.
 */
@Export
@Version("1.3.0")
package org.segue.api.play;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
