package org.segue.api.recommend;

/** What the listener is doing. Constant names are stored; never rename. */
public enum Activity {
    /** Unknown or unrestricted. */
    ANY,
    WORKOUT,
    FOCUS,
    PARTY,
    WIND_DOWN,
    COMMUTE,
    DINNER
}
