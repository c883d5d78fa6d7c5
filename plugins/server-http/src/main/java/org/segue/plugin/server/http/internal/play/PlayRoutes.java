package org.segue.plugin.server.http.internal.play;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.segue.api.play.ChallengeDescriptor;
import org.segue.api.play.EventLog;
import org.segue.api.play.PlayStatistics;
import org.segue.api.play.PlayStatistics.ChallengeStanding;
import org.segue.api.play.PlayStatistics.LeaderboardPage;
import org.segue.api.play.RecordResult;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.segue.plugin.server.http.internal.music.MixDtos.MixDto;
import org.segue.plugin.server.http.internal.music.MixDtos.PlanDto;
import org.segue.plugin.server.http.internal.play.PlayDtos.BadgeDto;
import org.segue.plugin.server.http.internal.play.PlayDtos.ChallengeDto;
import org.segue.plugin.server.http.internal.play.PlayDtos.LeaderboardDto;
import org.segue.plugin.server.http.internal.play.PlayDtos.Membership;
import org.segue.plugin.server.http.internal.play.PlayDtos.PseudonymRequest;
import org.segue.plugin.server.http.internal.play.PlayDtos.Row;
import org.segue.plugin.server.http.internal.web.Access;
import org.segue.plugin.server.http.internal.web.ApiException;
import org.segue.plugin.server.http.internal.web.Call;
import org.segue.plugin.server.http.internal.web.Reply;
import org.segue.plugin.server.http.internal.web.Router;

/**
 * Badges, challenges, leaderboards and analytics ({@code /api/me/badges}, {@code /api/challenges…},
 * {@code /api/leaderboards/…}, {@code /api/me/leaderboard}, {@code /api/me/analytics},
 * {@code /api/analytics/plugins}) over the play engine's {@link PlayStatistics} and {@link EventLog}.
 * Every event is recorded as the signed-in user and every per-user query asks for that user only,
 * so no request reads or writes another's standing; leaderboards and entries show pseudonyms only.
 * Without the play engine the routes answer 503 naming the missing service.
 */
public final class PlayRoutes {

    /** The play engine's services, {@code null} while absent. */
    public interface Services {
        EventLog events();

        PlayStatistics statistics();
    }

    /** A user's mix and the plan it was rendered from. */
    public record OwnMix(PlanDto plan, MixDto mix) {
    }

    /** The caller's mixes. */
    @FunctionalInterface
    public interface Mixes {
        /** The user's mix, or empty when they have none of that id. */
        Optional<OwnMix> find(String user, String mixId) throws IOException;
    }

    /** What the play engine accepts as a pseudonym (checked here too, to name the field with 400). */
    static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z0-9_-]{3,24}");
    static final int MAX_PAGE = 500;

    final Services services;
    final Mixes mixes;
    final Clock clock;

    public PlayRoutes(Services services, Mixes mixes, Clock clock) {
        this.services = services;
        this.mixes = mixes;
        this.clock = clock;
    }

    public void register(Router r) {
        r.add("GET", "/api/me/badges", Access.USER, c -> Reply.ok(statistics().badges(user(c)).stream()
                .map(BadgeDto::of).toList()));
        r.add("GET", "/api/me/challenges", Access.USER, this::challenges);
        r.add("GET", "/api/leaderboards/{board}", Access.USER, this::leaderboard);
        r.add("GET", "/api/me/leaderboard", Access.USER, c -> Reply.ok(membership(user(c))));
        r.add("PUT", "/api/me/leaderboard", Access.USER, this::joinLeaderboards);
        r.add("DELETE", "/api/me/leaderboard", Access.USER, c -> {
            if (membership(user(c)).joined()) {
                record(new UserEvent(user(c), UserEventTypes.LEADERBOARD_LEFT, clock.instant(), Map.of()), null);
            }
            return Reply.noContent();
        });
        r.add("GET", "/api/me/analytics", Access.USER, c -> Reply.ok(PlayDtos.UserAnalyticsDto.of(
                statistics().userAnalytics(user(c), c.queryInt("top", 10, 1, 100)))));
        r.add("GET", "/api/analytics/plugins", Access.ADMIN, c -> Reply.ok(statistics().pluginAnalytics().stream()
                .map(PlayDtos.PluginAnalyticsDto::of).toList()));
        new ChallengeRoutes(this).register(r);
    }

    private Reply challenges(Call c) {
        String user = user(c);
        List<ChallengeStanding> standings = statistics().challenges(user);
        Set<String> joined = new HashSet<>();
        Map<String, List<String>> entered = new HashMap<>();
        for (UserEvent e : events().history(user)) {
            String challenge = e.attributes().get(UserEventTypes.CHALLENGE);
            if (challenge == null) {
                continue;
            }
            if (e.type().equals(UserEventTypes.CHALLENGE_JOINED)) {
                joined.add(challenge);
            } else if (e.type().equals(UserEventTypes.CHALLENGE_ENTERED)) {
                List<String> list = entered.computeIfAbsent(challenge, k -> new ArrayList<>());
                String mix = e.attributes().get(UserEventTypes.MIX);
                if (mix != null && !list.contains(mix)) {
                    list.add(mix);
                }
            }
        }
        var now = clock.instant();
        return Reply.ok(standings.stream().map(s -> {
            String id = s.challenge().id();
            List<String> mine = entered.getOrDefault(id, List.of());
            return ChallengeDto.of(s, s.challenge().isOpenAt(now), joined.contains(id) || !mine.isEmpty(), mine);
        }).toList());
    }

    private Reply leaderboard(Call c) {
        int offset = c.queryInt("offset", 0, 0, 1_000_000);
        int limit = c.queryInt("limit", 50, 1, MAX_PAGE);
        String board = c.param("board");
        PlayStatistics stats = statistics();
        String id = PlayStatistics.GLOBAL_BOARD.equals(board) ? board : challenge(stats, c, board).id();
        LeaderboardPage page = stats.leaderboard(id, offset, limit);
        return Reply.ok(new LeaderboardDto(page.board(), page.total(), page.offset(), page.entries().stream()
                .map(e -> new Row(e.rank(), e.pseudonym(), e.score())).toList()));
    }

    private Reply joinLeaderboards(Call c) {
        PseudonymRequest req = c.body(PseudonymRequest.class);
        String name = req.pseudonym() == null ? "" : req.pseudonym().trim();
        if (!PSEUDONYM.matcher(name).matches()) {
            throw ApiException.badField("pseudonym", "a pseudonym is 3 to 24 letters, digits, _ or -: \"" + name + "\"");
        }
        Membership now = membership(user(c));
        if (!name.equals(now.pseudonym())) {
            record(new UserEvent(user(c), UserEventTypes.LEADERBOARD_JOINED, clock.instant(),
                    Map.of(UserEventTypes.PSEUDONYM, name)), "pseudonym");
        }
        return Reply.ok(new Membership(true, name));
    }

    Membership membership(String user) {
        String name = Entries.pseudonym(events().history(user));
        return new Membership(name != null, name);
    }

    /** The installed challenge a path names, or 404. */
    ChallengeDescriptor challenge(PlayStatistics stats, Call c, String segment) {
        List<ChallengeDescriptor> installed = stats.challenges(user(c)).stream().map(ChallengeStanding::challenge).toList();
        return ChallengePaths.find(segment, installed)
                .orElseThrow(() -> ApiException.notFound("challenge " + segment));
    }

    /**
     * Records an event; a refusal by the engine (a second vote, a taken pseudonym, a rate limit)
     * is a 409 with the engine's reason, naming {@code field} when one is at fault.
     */
    RecordResult record(UserEvent event, String field) {
        RecordResult r = events().record(event);
        if (r.status() == RecordResult.Status.REJECTED) {
            throw ApiException.conflict("the play engine refused it: " + r.reason(), field);
        }
        return r;
    }

    static String user(Call c) {
        return c.user().username();
    }

    PlayStatistics statistics() {
        PlayStatistics s = services.statistics();
        if (s == null) {
            throw unavailable("PlayStatistics");
        }
        return s;
    }

    EventLog events() {
        EventLog log = services.events();
        if (log == null) {
            throw unavailable("EventLog");
        }
        return log;
    }

    private static ApiException unavailable(String service) {
        return new ApiException(503, "Service unavailable", "badges, challenges and analytics need the "
                + service + " service of the play engine, which is not available; is the bundle "
                + "org.segue.plugin.play.engine active?");
    }
}
