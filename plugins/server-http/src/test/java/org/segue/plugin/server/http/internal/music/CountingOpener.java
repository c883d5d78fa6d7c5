package org.segue.plugin.server.http.internal.music;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.segue.api.audio.AudioOpener;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.TrackTags;

/** The real opener, counting how often a file is decoded (to see caches work). */
final class CountingOpener implements AudioOpener {
    final AudioOpener real;
    final AtomicInteger opened = new AtomicInteger();

    CountingOpener(AudioOpener real) {
        this.real = real;
    }

    @Override
    public PcmSource open(Path file) throws IOException {
        opened.incrementAndGet();
        return real.open(file);
    }

    @Override
    public TrackTags tags(Path file) {
        return real.tags(file);
    }
}
