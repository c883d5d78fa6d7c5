package org.segue.plugin.server.http.internal.share;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import org.segue.plugin.server.http.internal.music.MixDtos.MixDto;
import org.segue.plugin.server.http.internal.music.TrackDtos.TrackDto;
import org.segue.plugin.server.http.internal.routes.FileReplies;
import org.segue.plugin.server.http.internal.web.Access;
import org.segue.plugin.server.http.internal.web.ApiException;
import org.segue.plugin.server.http.internal.web.Call;
import org.segue.plugin.server.http.internal.web.Reply;
import org.segue.plugin.server.http.internal.web.Router;

/**
 * Share links (issue 9): the owner's api under {@code /api/mixes/{id}/shares}, {@code /api/shares}
 * and {@code /api/me/privacy}, and the public side without a token: the mix page
 * {@code /s/{token}} with its audio, timeline and tracklist, the public list {@code /shared} and
 * {@code /api/public/shares}. The public routes go through the same pipeline as the api, so they
 * are rate limited per client address like every call without a token.
 *
 * <p>A share lives only as long as its mix and its owner: a link whose mix was deleted (mix ids
 * are random and never reused) or whose owner is gone is revoked the first time anyone meets it,
 * in a lookup or a list, and answers 404 from then on; deleting an account also revokes its
 * shares at once ({@link ShareStore#forget}).
 */
public final class ShareRoutes {

    /** {@code Share} of API.md. {@code url} is a path on this server: the server does not know its public name. */
    public record ShareDto(String token, String url, String visibility, String mixId, String createdAt, long views) {
        static ShareDto of(ShareStore.Share s) {
            return new ShareDto(s.token(), ShareRoutes.url(s.token()), s.visibility(), s.mixId(), s.createdAt(), s.views());
        }
    }

    /** A public share as the public list shows it: nothing about the owner. */
    public record PublicShare(String token, String url, String title, double durationSeconds, int tracks,
            String createdAt, long views) {
    }

    record ShareRequest(String visibility) {
    }

    record PrivacyRequest(String defaultShareVisibility, Boolean allowPublic) {
    }

    /** Told when a user shares a mix (the event log's {@code mix.shared}). */
    @FunctionalInterface
    public interface Listener {
        void shared(String owner, String mixId, String token);
    }

    private final ShareStore store;
    private final SharedMixes mixes;
    private final Predicate<String> userExists;
    private final Listener listener;
    private final BiConsumer<String, Throwable> errors;

    /**
     * @param userExists whether an account still exists (a share of a deleted account is dead)
     * @param listener told of each new share; its failures are reported to {@code errors}, the share stands
     */
    public ShareRoutes(ShareStore store, SharedMixes mixes, Predicate<String> userExists, Listener listener,
            BiConsumer<String, Throwable> errors) {
        this.store = store;
        this.mixes = mixes;
        this.userExists = userExists;
        this.listener = listener;
        this.errors = errors;
    }

    static String url(String token) {
        return "/s/" + token;
    }

    public void register(Router r) {
        r.add("POST", "/api/mixes/{id}/shares", Access.USER, this::create);
        r.add("GET", "/api/mixes/{id}/shares", Access.USER, c -> {
            ownMix(c);
            return Reply.ok(live(store.ofMix(c.user().username(), c.param("id"))).stream().map(ShareDto::of).toList());
        });
        r.add("GET", "/api/shares", Access.USER,
                c -> Reply.ok(live(store.ofOwner(c.user().username())).stream().map(ShareDto::of).toList()));
        r.add("DELETE", "/api/shares/{token}", Access.USER, c -> {
            if (!store.revoke(c.user().username(), c.param("token"))) {
                throw ApiException.notFound("share " + c.param("token"));
            }
            return Reply.noContent();
        });
        r.add("GET", "/api/me/privacy", Access.USER, c -> Reply.ok(store.privacy(c.user().username())));
        r.add("PUT", "/api/me/privacy", Access.USER, c -> {
            PrivacyRequest p = c.body(PrivacyRequest.class);
            return Reply.ok(store.setPrivacy(c.user().username(), p.defaultShareVisibility(), p.allowPublic()));
        });
        r.add("GET", "/api/public/shares", Access.PUBLIC, c -> {
            int offset = c.queryInt("offset", 0, 0, Integer.MAX_VALUE);
            int limit = c.queryInt("limit", 50, 1, 500);
            List<PublicShare> all = publicShares();
            return Reply.ok(new Page(all.size(), offset, all.subList(Math.min(offset, all.size()),
                    Math.min(all.size(), offset + limit))));
        });
        r.add("GET", "/shared", Access.PUBLIC, c -> {
            int offset = c.queryInt("offset", 0, 0, Integer.MAX_VALUE);
            List<PublicShare> all = publicShares();
            int from = Math.min(offset, all.size());
            return SharePages.list(all.subList(from, Math.min(all.size(), from + 50)), from, all.size());
        });
        r.add("GET", "/s/{token}", Access.PUBLIC, this::page);
        r.add("GET", "/s/{token}/audio", Access.PUBLIC, c -> file(c, "audio", "audio/wav"));
        r.add("GET", "/s/{token}/timeline.svg", Access.PUBLIC, c -> file(c, "timeline", "image/svg+xml")
                // The picture is the server's own, but a file served from the share's origin gets no script either.
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"));
        r.add("GET", "/s/{token}/tracklist", Access.PUBLIC, c -> file(c, "tracklist", "application/json; charset=utf-8"));
    }

    /** {@code {"total","offset","items"}}, as every page of the api. */
    record Page(int total, int offset, List<PublicShare> items) {
    }

    private Reply create(Call c) throws IOException {
        MixDto mix = ownMix(c);
        String visibility = null;
        String type = c.request().header("Content-Type");
        if (type != null || c.request().contentLength() > 0) {
            visibility = c.body(ShareRequest.class).visibility();
        }
        ShareStore.Share s = store.create(c.user().username(), mix.id(), visibility);
        try {
            listener.shared(s.owner(), s.mixId(), s.token());
        } catch (RuntimeException e) {
            errors.accept("recording the share of mix " + s.mixId(), e);
        }
        return Reply.created(ShareDto.of(s), url(s.token()));
    }

    private MixDto ownMix(Call c) throws IOException {
        try {
            return mixes.mix(c.user().username(), c.param("id"));
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("mix " + c.param("id"));
        }
    }

    private Reply page(Call c) throws IOException {
        Optional<Live> found = lookup(c.param("token"));
        if (found.isEmpty()) {
            return SharePages.notFound();
        }
        Live l = found.get();
        store.view(l.share().token());
        List<TrackDto> planTracks;
        try {
            planTracks = mixes.plan(l.share().owner(), l.mix().planId()).tracks();
        } catch (NoSuchElementException e) {
            planTracks = List.of(); // the plan was deleted; the page lacks only the credits it held
        }
        return SharePages.mix(l.share().token(), l.share(), l.mix(), planTracks);
    }

    private Reply file(Call c, String which, String contentType) throws IOException {
        Live l = lookup(c.param("token")).orElseThrow(() -> ApiException.notFound("shared mix"));
        Path file;
        try {
            file = mixes.file(l.share().owner(), l.share().mixId(), which);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("shared mix");
        }
        Reply r = FileReplies.file(file, contentType, c.request().header("Range"));
        if (!l.share().visibility().equals(ShareStore.PUBLIC)) {
            r.header("X-Robots-Tag", "noindex");
        }
        return r;
    }

    private record Live(ShareStore.Share share, MixDto mix) {
    }

    /** A share whose owner and mix still exist; a dead one is revoked on the way. */
    private Optional<Live> lookup(String token) throws IOException {
        Optional<ShareStore.Share> s = store.find(token);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        MixDto mix = mixOf(s.get());
        if (mix == null) {
            store.revokeIf(x -> x.token().equals(token));
            return Optional.empty();
        }
        return Optional.of(new Live(s.get(), mix));
    }

    private MixDto mixOf(ShareStore.Share s) throws IOException {
        if (!userExists.test(s.owner())) {
            return null;
        }
        try {
            return mixes.mix(s.owner(), s.mixId());
        } catch (NoSuchElementException e) {
            return null;
        }
    }

    private List<ShareStore.Share> live(List<ShareStore.Share> shares) throws IOException {
        List<ShareStore.Share> out = new ArrayList<>();
        for (ShareStore.Share s : shares) {
            if (mixOf(s) != null) {
                out.add(s);
            } else {
                store.revokeIf(x -> x.token().equals(s.token()));
            }
        }
        return out;
    }

    private List<PublicShare> publicShares() throws IOException {
        List<PublicShare> out = new ArrayList<>();
        for (ShareStore.Share s : store.publicShares()) {
            MixDto mix = mixOf(s);
            if (mix == null) {
                store.revokeIf(x -> x.token().equals(s.token()));
                continue;
            }
            out.add(new PublicShare(s.token(), url(s.token()), SharePages.title(mix), mix.durationSeconds(),
                    mix.tracklist().size(), s.createdAt(), s.views()));
        }
        return out;
    }
}
