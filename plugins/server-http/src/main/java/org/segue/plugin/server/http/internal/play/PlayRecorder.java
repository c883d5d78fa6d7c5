package org.segue.plugin.server.http.internal.play;

import java.time.Clock;
import java.util.function.BiConsumer;

import org.segue.api.play.EventLog;
import org.segue.api.play.RecordResult;
import org.segue.api.play.UserEvent;
import org.segue.plugin.server.http.internal.music.MixDtos.MixDto;
import org.segue.plugin.server.http.internal.music.MixDtos.PlanDto;
import org.segue.plugin.server.http.internal.music.TrackDtos.TrackDto;
import org.segue.plugin.server.http.internal.routes.MusicApi;

/**
 * Records what users do through the music routes (plays, likes, transition ratings, rendered mixes)
 * in the play engine's log as the signed-in user. Best effort: without the engine nothing is
 * recorded, and a refused event (the engine's rate limit) or a failing store is reported but never
 * fails the feedback or the mix, which have happened either way.
 */
public final class PlayRecorder implements MusicApi.Recorder {

    private final PlayRoutes.Services services;
    private final Clock clock;
    private final BiConsumer<String, Throwable> errors;

    public PlayRecorder(PlayRoutes.Services services, Clock clock, BiConsumer<String, Throwable> errors) {
        this.services = services;
        this.clock = clock;
        this.errors = errors;
    }

    @Override
    public void feedback(String user, TrackDto track, String kind) {
        record(PlayEvents.feedback(user, track, kind, clock.instant()));
    }

    @Override
    public void mixRendered(String user, PlanDto plan, MixDto mix) {
        record(PlayEvents.mixCreated(user, plan, mix, clock.instant()));
    }

    private void record(UserEvent event) {
        EventLog log = services.events();
        if (log == null || event == null) {
            return;
        }
        try {
            RecordResult r = log.record(event);
            if (r.status() == RecordResult.Status.REJECTED) {
                errors.accept("recording " + event.type() + " of " + event.userId(),
                        new IllegalStateException("refused by the play engine: " + r.reason()));
            }
        } catch (RuntimeException e) {
            errors.accept("recording " + event.type() + " of " + event.userId(), e);
        }
    }
}
