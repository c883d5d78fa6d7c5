package org.segue.plugin.mix.engine.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;

import static org.segue.api.style.Deck.INCOMING;
import static org.segue.api.style.Deck.MASTER;
import static org.segue.api.style.Deck.OUTGOING;

import org.segue.api.audio.AudioOpener;
import org.segue.api.effect.Effect;
import org.segue.api.effect.StandardEffects;
import org.segue.api.mix.TimeStretcher;
import org.segue.api.style.AutomationLane;
import org.segue.api.style.TransitionPlan;
import org.segue.support.audio.PlanarBuffer;
import org.segue.support.usage.PluginUsage;

/**
 * Renders a window of the {@link Timeline} block by block: opens each deck when its track becomes
 * audible, drives its position, effects and volume from the plan, sums the decks, normalises
 * loudness per track and limits the master to the true-peak ceiling. Streams to a {@link Sink};
 * memory does not grow with the length of the mix.
 */
final class MixRenderer {

    /** Where rendered audio goes. */
    interface Sink {
        void write(float[][] stereo, int frames) throws IOException;
    }

    /** A sink writing a file, complete once closed (headers patched). */
    interface FileSink extends Sink, java.io.Closeable {
    }

    /** Short enough that a deck entering or leaving mid-block is off by at most ~12 ms before its fade. */
    static final int BLOCK = 512;
    /** Gain limits of loudness normalisation: a silent or broken track is not boosted without bound. */
    static final double MAX_GAIN_DB = 24;
    /** The longest an effect may ring out after its transition (a long reverb's decay). */
    static final double MAX_TAIL_SECONDS = 6;

    private final Timeline timeline;
    private final AudioOpener opener;
    private final TimeStretcher stretcher;
    private final Map<String, Effect> effects;
    private final int rate;
    private final long maxTailFrames;
    private final double targetLufs;
    private final double ceilingDbtp;
    private final List<String> warnings = new ArrayList<>();
    /** Mean square of the master per half second: the mix's energy curve for the timeline picture. */
    private final List<Float> energy = new ArrayList<>();
    /** The plugins' work in this render, added as each deck closes (never per block). */
    private final PluginUsage usage = new PluginUsage();

    MixRenderer(Timeline timeline, AudioOpener opener, TimeStretcher stretcher, Map<String, Effect> effects, int rate,
            double targetLufs, double ceilingDbtp) {
        this.timeline = timeline;
        this.opener = opener;
        this.stretcher = stretcher;
        this.effects = effects;
        this.rate = rate;
        this.maxTailFrames = Math.round(MAX_TAIL_SECONDS * rate);
        this.targetLufs = targetLufs;
        this.ceilingDbtp = ceilingDbtp;
    }

    List<String> warnings() {
        return warnings;
    }

    List<Float> energy() {
        return energy;
    }

    /** What the stretcher, decoders and effects did in this render, complete once {@link #render} returned or threw. */
    PluginUsage usage() {
        return usage;
    }

    /** Renders master time {@code [from, to)} seconds into the sink. */
    void render(double from, double to, Sink sink, DoubleConsumer progress) throws IOException {
        Map<Integer, Deck> decks = new HashMap<>();
        PlanarBuffer master = new PlanarBuffer(2, BLOCK, rate);
        EffectSlot limiter = limiter();
        try {
            renderBlocks(from, to, sink, progress, decks, master, limiter);
        } finally {
            if (limiter != null && limiter.used()) {
                usage.add(limiter.pluginClass, limiter.id, limiter.nanos(), !limiter.bypassed());
            }
        }
        if (progress != null) {
            progress.accept(1);
        }
    }

    private void renderBlocks(double from, double to, Sink sink, DoubleConsumer progress, Map<Integer, Deck> decks,
            PlanarBuffer master, EffectSlot limiter) throws IOException {
        int latency = limiter == null ? 0 : limiter.latencyFrames();
        long total = Math.round((to - from) * rate);
        long done = 0;
        long skip = latency;
        double energySum = 0;
        int energyFrames = 0;
        int halfSecond = rate / 2;
        try {
            for (long pos = 0; pos < total + latency; pos += BLOCK) {
                int frames = BLOCK;
                master.clear(frames);
                double m0 = from + pos / (double) rate;
                double m1 = m0 + frames / (double) rate;
                if (pos < total) {
                    mixDecks(decks, master, frames, m0, m1);
                }
                master.set(frames, pos);
                if (limiter != null) {
                    limiter.process(master);
                } else {
                    clip(master, frames);
                }
                int offset = (int) Math.min(frames, skip);
                skip -= offset;
                int out = (int) Math.min(frames - offset, total - done);
                if (out > 0) {
                    if (offset > 0) {
                        for (float[] c : master.data) {
                            System.arraycopy(c, offset, c, 0, out);
                        }
                    }
                    sink.write(master.data, out);
                    for (int i = 0; i < out; i++) {
                        energySum += master.data[0][i] * master.data[0][i] + master.data[1][i] * master.data[1][i];
                        if (++energyFrames == halfSecond) {
                            energy.add((float) (energySum / (2 * energyFrames)));
                            energySum = 0;
                            energyFrames = 0;
                        }
                    }
                    done += out;
                }
                if (progress != null && (pos / BLOCK) % 64 == 0) {
                    progress.accept(Math.min(1, done / (double) Math.max(1, total)));
                }
            }
        } finally {
            for (Deck d : decks.values()) {
                close(d);
            }
        }
    }

    private void close(Deck deck) throws IOException {
        try {
            deck.close();
        } finally {
            deck.tally(usage, stretcher.getClass());
        }
    }

    private void mixDecks(Map<Integer, Deck> decks, PlanarBuffer master, int frames, double m0, double m1)
            throws IOException {
        Timeline.Placed transition = timeline.transitionAt(m0);
        double beat0 = transition == null ? 0 : transition.beatAt(m0);
        double beat1 = transition == null ? 0 : transition.beatAt(m1);
        for (int i = 0; i < timeline.tracks().size(); i++) {
            Timeline.Span span = timeline.spans().get(i);
            if (span.masterEnd() <= m0 || span.masterStart() >= m1) {
                Deck ended = decks.get(i);
                if (ended != null && span.masterEnd() <= m0 && ended.ringing()) {
                    ended.ringOut(master, frames);
                } else if (ended != null) {
                    close(decks.remove(i));
                }
                continue;
            }
            Deck deck = decks.get(i);
            boolean first = deck == null;
            if (first) {
                deck = open(i);
                decks.put(i, deck);
            }
            double t0 = timeline.trackTimeBefore(i, m0);
            double tEnd = span.masterEnd() - 1e-6;
            double t1 = m1 <= tEnd ? timeline.trackTime(i, m1) : timeline.trackTime(i, tEnd) + (m1 - tEnd);
            org.segue.api.style.Deck role = transition == null ? null
                    : transition.index == i ? OUTGOING : transition.index + 1 == i ? INCOMING : null;
            double volume = 1;
            if (role != null) {
                volume = automate(deck, transition, role, beat0, beat1);
            } else {
                for (EffectSlot e : deck.effects) {
                    e.release(maxTailFrames);
                }
            }
            boolean last = span.masterEnd() < m1 || (i == timeline.tracks().size() - 1 && span.masterEnd() <= m1);
            deck.render(master, frames, t0, t1, volume, first && span.masterStart() > 0, last);
        }
    }

    /** Applies a transition's lanes for a deck; returns its volume at the end of the block. */
    private double automate(Deck deck, Timeline.Placed transition, org.segue.api.style.Deck role, double beat0,
            double beat1) {
        double volume = 1;
        for (EffectSlot slot : deck.effects) {
            boolean used = false;
            for (AutomationLane lane : transition.plan.lanes()) {
                used |= lane.deck() == role && lane.effectId().equals(slot.id);
            }
            slot.active(used);
        }
        for (AutomationLane lane : transition.plan.lanes()) {
            if (lane.deck() != role) {
                continue;
            }
            if (lane.effectId().equals(AutomationLane.MIXER)) {
                if (lane.parameterId().equals(AutomationLane.VOLUME)) {
                    volume = lane.valueAt(beat1);
                }
                continue;
            }
            for (EffectSlot slot : deck.effects) {
                if (slot.id.equals(lane.effectId())) {
                    slot.set(lane.parameterId(), lane.valueAt(beat0));
                }
            }
        }
        for (EffectSlot slot : deck.effects) {
            if (slot.id.equals(StandardEffects.ECHO)) {
                slot.set(StandardEffects.ECHO_BPM, transition.plan.tempoRamp().bpmAt(beat0));
            }
        }
        return volume;
    }

    private Deck open(int i) throws IOException {
        MixTrack track = timeline.tracks().get(i);
        double gainDb = Double.isNaN(track.loudnessLufs()) ? 0
                : Math.max(-MAX_GAIN_DB, Math.min(MAX_GAIN_DB, targetLufs - track.loudnessLufs()));
        Deck deck = new Deck(i, track, opener.open(track.track().file()), stretcher.newProcessor(), rate, BLOCK,
                Math.pow(10, gainDb / 20));
        Set<String> needed = new HashSet<>();
        List<TransitionPlan> plans = new ArrayList<>();
        if (i > 0) {
            plans.add(timeline.transitions().get(i - 1).plan);
        }
        if (i < timeline.transitions().size()) {
            plans.add(timeline.transitions().get(i).plan);
        }
        for (TransitionPlan p : plans) {
            for (AutomationLane lane : p.lanes()) {
                if (!lane.effectId().equals(AutomationLane.MIXER) && lane.deck() != MASTER) {
                    needed.add(lane.effectId());
                }
            }
        }
        for (String id : needed.stream().sorted().toList()) {
            Effect effect = effects.get(id);
            if (effect == null) {
                warnings.add("effect " + id + " is not installed: its automation on track " + (i + 1) + " is skipped");
                continue;
            }
            deck.effects.add(new EffectSlot(effect, rate, 2, BLOCK));
        }
        return deck;
    }

    private EffectSlot limiter() {
        Effect effect = effects.get(StandardEffects.LIMITER);
        if (effect == null) {
            warnings.add("no true-peak limiter installed: the master is clipped at the ceiling instead");
            return null;
        }
        EffectSlot slot = new EffectSlot(effect, rate, 2, BLOCK);
        slot.set(StandardEffects.LIMITER_CEILING, ceilingDbtp);
        slot.active(true);
        return slot;
    }

    private void clip(PlanarBuffer block, int frames) {
        float c = (float) Math.pow(10, ceilingDbtp / 20);
        for (float[] ch : block.data) {
            for (int i = 0; i < frames; i++) {
                ch[i] = Math.max(-c, Math.min(c, ch[i]));
            }
        }
    }
}
