package org.segue.api.mix;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Makes {@link StretchProcessor}s: key-preserving tempo change and pitch shift for a deck, so two
 * tracks can be beat-matched and keyed together.
 *
 * <p>A stateless factory service; the engine asks it for one processor per deck, on a control
 * thread. The service with the highest ranking is used; others (e.g. a wrapper of an external
 * library) may be chosen by id in configuration.
 */
@ConsumerType
public interface TimeStretcher {

    /** Service property (String): id with revision, e.g. {@code "segue.stretch.wsola/1"}. */
    String ID = "segue.stretch.id";

    /** [control] A new processor; call {@link StretchProcessor#prepare} before use. */
    StretchProcessor newProcessor();
}
