package org.segue.plugin.server.http.internal.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.segue.api.testkit.RecordingEventLog;
import org.segue.plugin.server.http.internal.ServerCore;
import org.segue.plugin.server.http.internal.web.ApiException;

/** Tokens, visibility rules, privacy settings and persistence of {@link ShareStore}. */
class ShareStoreTest {

    @TempDir
    Path data;

    /** A clock the test moves. */
    static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Ticking clock = new Ticking();

    private ShareStore open() {
        return new ShareStore(data.resolve(ShareStore.FILE), ServerCore.mapper(), clock);
    }

    @Test
    void tokensAreLongRandomAndUrlSafe() {
        ShareStore s = open();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String t = s.create("alice", "0123456789abcdef", null).token();
            assertTrue(t.matches("[A-Za-z0-9_-]{24}"), t);
            assertEquals(18, Base64.getUrlDecoder().decode(t).length, "144 random bits");
            assertTrue(seen.add(t), "tokens never repeat");
        }
        assertTrue(s.find("not a token").isEmpty());
        assertTrue(s.find("../../../../etc/passwd000").isEmpty());
    }

    @Test
    void visibilityDefaultsToTheUsersSettingAndPublicNeedsConsent() {
        ShareStore s = open();
        assertEquals(ShareStore.Privacy.DEFAULT, s.privacy("alice"));
        assertEquals("unlisted", s.create("alice", "m1", null).visibility());
        s.setPrivacy("alice", "public", null);
        assertEquals("public", s.create("alice", "m1", null).visibility());
        assertEquals("unlisted", s.create("alice", "m1", "unlisted").visibility());
        ApiException bad = assertThrows(ApiException.class, () -> s.create("alice", "m1", "everyone"));
        assertEquals("visibility", bad.problem("/x").field());
        assertEquals(1, s.publicShares().size(), "only the share made public is listed");

        // Withdrawing consent: public links become unlisted at once, new public ones are refused.
        ShareStore.Privacy p = s.setPrivacy("alice", null, false);
        assertEquals(new ShareStore.Privacy("unlisted", false), p, "a public default falls back to unlisted");
        assertEquals(List.of(), s.publicShares());
        assertEquals(3, s.ofOwner("alice").size(), "the links still exist, unlisted");
        ApiException refused = assertThrows(ApiException.class, () -> s.create("alice", "m1", "public"));
        assertEquals(400, refused.status());
        assertEquals("visibility", refused.problem("/x").field());
        ApiException contradiction = assertThrows(ApiException.class, () -> s.setPrivacy("alice", "public", false));
        assertEquals("defaultShareVisibility", contradiction.problem("/x").field());
        assertEquals("unlisted", s.create("alice", "m1", null).visibility());
        assertEquals(ShareStore.Privacy.DEFAULT, s.privacy("bob"), "settings are per user");
    }

    @Test
    void onlyTheOwnerRevokesAndRevokedIsForGood() {
        ShareStore s = open();
        String t = s.create("alice", "m1", "public").token();
        assertFalse(s.revoke("bob", t));
        assertTrue(s.find(t).isPresent());
        assertTrue(s.revoke("alice", t));
        assertTrue(s.find(t).isEmpty());
        assertFalse(s.revoke("alice", t));
        assertTrue(open().find(t).isEmpty(), "still revoked after a restart");
    }

    @Test
    void restartKeepsSharesSettingsAndViews() throws Exception {
        ShareStore s = open();
        String keep = s.create("alice", "m1", "public").token();
        String other = s.create("bob", "m2", null).token();
        s.setPrivacy("bob", "unlisted", false);
        s.view(keep);
        s.view(keep);
        clock.now = clock.now.plusSeconds(11);
        s.view(keep); // past the flush interval: written
        s.view(keep); // within it: counted, written with the next change
        assertEquals(4, s.find(keep).orElseThrow().views());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve(ShareStore.FILE))));

        ShareStore again = open();
        assertEquals(3, again.find(keep).orElseThrow().views(), "views up to the last write survive");
        assertEquals("m1", again.find(keep).orElseThrow().mixId());
        assertEquals("alice", again.find(keep).orElseThrow().owner());
        assertEquals(new ShareStore.Privacy("unlisted", false), again.privacy("bob"));
        assertEquals(List.of(other), again.ofOwner("bob").stream().map(ShareStore.Share::token).toList());

        again.forget("bob");
        assertTrue(again.find(other).isEmpty());
        assertEquals(ShareStore.Privacy.DEFAULT, again.privacy("bob"));
        assertTrue(open().find(keep).isPresent());
    }

    @Test
    void aShareIsRecordedAsMixSharedOnce() {
        RecordingEventLog log = new RecordingEventLog();
        ShareEvents.record(log, clock, "alice", "m1", "AAAAAAAAAAAAAAAAAAAAAAAA");
        ShareEvents.record(log, clock, "alice", "m1", "AAAAAAAAAAAAAAAAAAAAAAAA");
        List<UserEvent> events = log.history("alice");
        assertEquals(2, events.size());
        assertEquals(1, events.stream().map(e -> e.attributes().get(UserEventTypes.EVENT_ID)).distinct().count());
        UserEvent e = events.get(0);
        assertEquals(UserEventTypes.MIX_SHARED, e.type());
        assertEquals("m1", e.attributes().get(UserEventTypes.MIX));
        assertFalse(e.attributes().toString().contains("AAAAAAAAAAAAAAAAAAAAAAAA"), "the token is not in the log");
        ShareEvents.record(null, clock, "alice", "m1", "AAAAAAAAAAAAAAAAAAAAAAAA"); // no log: nothing to do, no failure
    }
}
