package org.segue.plugin.server.http.internal.play;

import java.util.List;
import java.util.Map;

import org.segue.api.play.ChallengeDescriptor;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.segue.plugin.server.http.internal.play.PlayDtos.EntryDto;
import org.segue.plugin.server.http.internal.play.PlayDtos.MixRequest;
import org.segue.plugin.server.http.internal.play.PlayDtos.Page;
import org.segue.plugin.server.http.internal.web.Access;
import org.segue.plugin.server.http.internal.web.ApiException;
import org.segue.plugin.server.http.internal.web.Call;
import org.segue.plugin.server.http.internal.web.Reply;
import org.segue.plugin.server.http.internal.web.Router;

/**
 * Taking part in a challenge: join, enter one's own mix, list the entries (by pseudonym) and vote
 * for another user's. Only while the challenge is open, since the engine passes a challenge only
 * the events of its open period and a late one would be recorded yet count nothing.
 */
final class ChallengeRoutes {

    private final PlayRoutes p;

    ChallengeRoutes(PlayRoutes p) {
        this.p = p;
    }

    void register(Router r) {
        r.add("POST", "/api/challenges/{id}/join", Access.USER, this::join);
        r.add("GET", "/api/challenges/{id}/entries", Access.USER, this::entries);
        r.add("POST", "/api/challenges/{id}/entries", Access.USER, this::enter);
        r.add("POST", "/api/challenges/{id}/votes", Access.USER, this::vote);
    }

    private Reply join(Call c) {
        ChallengeDescriptor d = open(c);
        String user = PlayRoutes.user(c);
        boolean joined = p.events().history(user).stream().anyMatch(e -> e.type().equals(UserEventTypes.CHALLENGE_JOINED)
                && d.id().equals(e.attributes().get(UserEventTypes.CHALLENGE)));
        if (!joined) {
            p.record(new UserEvent(user, UserEventTypes.CHALLENGE_JOINED, p.clock.instant(),
                    java.util.Map.of(UserEventTypes.CHALLENGE, d.id())), null);
        }
        return Reply.noContent();
    }

    private Reply enter(Call c) throws Exception {
        ChallengeDescriptor d = open(c);
        if (!d.takesEntries()) {
            // Recorded, it would count nothing and show up nowhere.
            throw ApiException.conflict("challenge " + d.id() + " takes no entries: it scores the mixes you make", null);
        }
        String mixId = mixId(c);
        String user = PlayRoutes.user(c);
        PlayRoutes.OwnMix own = p.mixes.find(user, mixId).orElseThrow(() -> ApiException.notFound("mix " + mixId));
        Entries entries = entries(d);
        Entries.Entry existing = entries.entry(mixId);
        if (existing != null && existing.author().equals(user)) {
            return Reply.ok(dto(entries, existing, user)); // entering twice changes nothing
        }
        p.record(PlayEvents.challengeEntered(user, d.id(), own.plan(), own.mix(), p.clock.instant()), "mixId");
        entries = entries(d);
        return Reply.created(dto(entries, entries.entry(mixId), user),
                "/api/challenges/" + ChallengePaths.path(d.id()) + "/entries");
    }

    private Reply entries(Call c) {
        ChallengeDescriptor d = p.challenge(p.statistics(), c, c.param("id"));
        int offset = c.queryInt("offset", 0, 0, 1_000_000);
        int limit = c.queryInt("limit", 50, 1, PlayRoutes.MAX_PAGE);
        String user = PlayRoutes.user(c);
        Entries entries = entries(d);
        List<Entries.Entry> all = entries.entries();
        List<EntryDto> items = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit)).stream()
                .map(e -> dto(entries, e, user)).toList();
        return Reply.ok(new Page<>(all.size(), offset, items));
    }

    private Reply vote(Call c) {
        ChallengeDescriptor d = open(c);
        String mixId = mixId(c);
        String user = PlayRoutes.user(c);
        Entries entries = entries(d);
        Entries.Entry entry = entries.entry(mixId);
        if (entry == null) {
            throw ApiException.notFound("entry " + mixId + " of challenge " + d.id());
        }
        if (entry.author().equals(user)) {
            throw ApiException.conflict("no votes for one's own mix", "mixId");
        }
        if (entries.voted(user, mixId)) {
            throw ApiException.conflict("you have voted for mix " + mixId + " in this challenge already", "mixId");
        }
        p.record(new UserEvent(user, UserEventTypes.VOTE_CAST, p.clock.instant(), java.util.Map.of(
                UserEventTypes.CHALLENGE, d.id(), UserEventTypes.MIX, mixId, UserEventTypes.AUTHOR, entry.author())), "mixId");
        return Reply.noContent();
    }

    /** One read of the engine's entries table: cheap, so never cached (and never stale). */
    private Entries entries(ChallengeDescriptor d) {
        return Entries.of(p.statistics(), d.id());
    }

    private ChallengeDescriptor open(Call c) {
        ChallengeDescriptor d = p.challenge(p.statistics(), c, c.param("id"));
        if (!d.isOpenAt(p.clock.instant())) {
            throw ApiException.conflict("challenge " + d.id() + " runs from " + d.start() + " until " + d.end()
                    + "; it is not open now", null);
        }
        return d;
    }

    private static String mixId(Call c) {
        MixRequest req = c.body(MixRequest.class);
        if (req.mixId() == null || req.mixId().isBlank()) {
            throw ApiException.badField("mixId", "mixId is required");
        }
        return req.mixId().trim();
    }

    private static EntryDto dto(Entries entries, Entries.Entry e, String caller) {
        return new EntryDto(e.mixId(), entries.pseudonymOf(e.author()), e.author().equals(caller),
                entries.voted(caller, e.mixId()), entries.votes(e.mixId()), e.enteredAt().toString(), e.durationSeconds(),
                e.trackCount());
    }
}
