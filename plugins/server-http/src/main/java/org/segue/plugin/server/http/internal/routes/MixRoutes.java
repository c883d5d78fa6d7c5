package org.segue.plugin.server.http.internal.routes;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.segue.api.effect.EffectDescriptor;
import org.segue.plugin.server.http.internal.jobs.JobRoutes;
import org.segue.plugin.server.http.internal.music.MixDtos.MixDto;
import org.segue.plugin.server.http.internal.music.MixDtos.MixJobResult;
import org.segue.plugin.server.http.internal.music.MixDtos.PlanDto;
import org.segue.plugin.server.http.internal.music.MixDtos.PlanRequest;
import org.segue.plugin.server.http.internal.music.Mixes;
import org.segue.plugin.server.http.internal.web.Access;
import org.segue.plugin.server.http.internal.web.ApiException;
import org.segue.plugin.server.http.internal.web.Call;
import org.segue.plugin.server.http.internal.web.Reply;
import org.segue.plugin.server.http.internal.web.Router;

/** {@code /api/styles}, {@code /api/effects}, {@code /api/mixes…} and {@code /api/previews…}. */
final class MixRoutes {

    record MixRequest(String planId) {
    }

    record EffectInfo(String id, String name, String category, List<?> parameters) {
    }

    private static final Map<String, String> FILE_TYPES = Map.of("audio", "audio/wav", "cue",
            "text/plain; charset=utf-8", "tracklist", "application/json; charset=utf-8", "timeline.svg", "image/svg+xml");

    private final MusicApi m;

    MixRoutes(MusicApi m) {
        this.m = m;
    }

    void register(Router r) {
        r.add("GET", "/api/styles", Access.USER, c -> Reply.ok(m.services.styles()));
        r.add("GET", "/api/effects", Access.USER, c -> Reply.ok(m.services.effects().stream()
                .map(MixRoutes::effect).toList()));
        r.add("POST", "/api/mixes/plans", Access.USER, MusicApi.guarded(c -> {
            PlanDto plan = m.services.mixes().plan(m.library(c), m.folder(c), c.body(PlanRequest.class));
            return Reply.created(plan, "/api/mixes/plans/" + plan.id());
        }));
        r.add("GET", "/api/mixes/plans/{id}", Access.USER,
                MusicApi.guarded(c -> Reply.ok(m.services.mixes().plan(m.folder(c), c.param("id")))));
        r.add("POST", "/api/mixes/plans/{id}/transitions/{n}/preview", Access.USER, MusicApi.guarded(this::preview));
        r.add("GET", "/api/previews/{pid}/audio", Access.USER, MusicApi.guarded(c -> FileReplies.file(
                m.services.mixes().previews().audio(m.folder(c), c.param("pid")), "audio/wav",
                c.request().header("Range"))));
        r.add("POST", "/api/mixes", Access.USER, MusicApi.guarded(this::render));
        r.add("GET", "/api/mixes", Access.USER, MusicApi.guarded(c -> Reply.ok(m.services.mixes().mixes(m.folder(c)))));
        r.add("GET", "/api/mixes/{id}", Access.USER,
                MusicApi.guarded(c -> Reply.ok(m.services.mixes().mix(m.folder(c), c.param("id")))));
        r.add("DELETE", "/api/mixes/{id}", Access.USER, MusicApi.guarded(c -> {
            if (!m.services.mixes().delete(m.folder(c), c.param("id"))) {
                throw ApiException.notFound("mix " + c.param("id"));
            }
            return Reply.noContent();
        }));
        for (Map.Entry<String, String> f : FILE_TYPES.entrySet()) {
            String which = f.getKey().equals("timeline.svg") ? "timeline" : f.getKey();
            r.add("GET", "/api/mixes/{id}/" + f.getKey(), Access.USER, MusicApi.guarded(c -> {
                Path file = m.services.mixes().mixFile(m.folder(c), c.param("id"), which);
                return FileReplies.file(file, f.getValue(), c.request().header("Range"));
            }));
        }
    }

    private static EffectInfo effect(EffectDescriptor d) {
        return new EffectInfo(d.id(), d.name(), d.category(), d.parameters());
    }

    private Reply preview(Call c) throws Exception {
        String planId = c.param("id");
        int n;
        try {
            n = Integer.parseInt(c.param("n"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("transition " + c.param("n"));
        }
        Path folder = m.folder(c);
        Mixes mixes = m.services.mixes();
        PlanDto plan = mixes.plan(folder, planId);
        if (n < 0 || n >= plan.transitions().size()) {
            throw ApiException.notFound("transition " + n + " of plan " + planId + " (it has "
                    + plan.transitions().size() + ", numbered from 0)");
        }
        var job = m.jobs.submit(c.user().username(), "preview", MusicApi.guardedWork(control -> {
            control.progress(0, "rendering transition " + n);
            return mixes.previews().preview(folder, planId, n, control::cancelled);
        }));
        return JobRoutes.accepted(job);
    }

    private Reply render(Call c) throws Exception {
        MixRequest req = c.body(MixRequest.class);
        if (req.planId() == null || req.planId().isBlank()) {
            throw ApiException.badField("planId", "planId is required");
        }
        Path folder = m.folder(c);
        Mixes mixes = m.services.mixes();
        mixes.plan(folder, req.planId()); // 404 now rather than a failed job later
        var job = m.jobs.submit(c.user().username(), "mix", MusicApi.guardedWork(control -> {
            MixDto mix = mixes.render(folder, req.planId(), p -> control.progress(p, "rendering"), control::cancelled);
            m.recorder.mixRendered(c.user().username(), mixes.plan(folder, req.planId()), mix);
            return new MixJobResult(mix.id());
        }));
        return JobRoutes.accepted(job);
    }
}
