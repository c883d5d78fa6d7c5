package org.segue.api.style;

/** Where an automated effect sits during a transition. Constant names are stored; never rename. */
public enum Deck {
    /** The track being mixed out. */
    OUTGOING,
    /** The track being mixed in. */
    INCOMING,
    /** The master bus, after the two decks are summed. */
    MASTER
}
