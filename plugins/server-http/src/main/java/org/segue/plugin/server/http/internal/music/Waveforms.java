package org.segue.plugin.server.http.internal.music;

import org.segue.support.io.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import org.segue.api.audio.AudioOpener;
import org.segue.api.audio.PcmSource;
import org.segue.api.library.Track;

/**
 * Waveform overviews of tracks: the peak amplitude of the whole signal and of three frequency
 * bands per time bucket, for the track view's band-coloured waveform.
 *
 * <p>A track is decoded once: the peaks at a fine resolution ({@value #HOP} frames, about 5 ms)
 * are kept in a small file in the cache folder, tagged with the track's content hash, and every
 * request for any number of points is cut from it. All four curves are scaled by one factor, the
 * loudest sample of the track, so the loudest moment reaches 1 and the bands keep their proportion
 * to the whole (a track with no highs shows an empty high band, not amplified noise).
 */
public final class Waveforms {

    /** Frames per fine bucket in the cache. */
    static final int HOP = 256;
    /** The most points a request may ask for. */
    public static final int MAX_POINTS = 20_000;

    private static final int MAGIC = 0x53475746; // "SGWF"
    private static final int FORMAT = 1;

    private final AudioOpener opener;
    private final Path cacheFolder;

    /**
     * @param cacheFolder where the per-track files go (created when needed); one per server or per
     *     user, as the caller likes: files are named by track id and checked against the content hash
     */
    public Waveforms(AudioOpener opener, Path cacheFolder) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.cacheFolder = Objects.requireNonNull(cacheFolder, "cacheFolder");
    }

    /** The {@code waveform} body of the REST API; arrays of {@code points} values in 0..1. */
    public record WaveformDto(double durationSeconds, int sampleRate, int points, float[] peak, float[] low,
            float[] mid, float[] high) {
    }

    /** The fine peaks of a track, each value a byte (0..255 of the track's loudest sample). */
    record Peaks(String contentHash, int sampleRate, long frames, byte[] peak, byte[] low, byte[] mid, byte[] high) {
    }

    /**
     * The waveform of a track in {@code points} buckets.
     *
     * @throws BadInputException (field {@code points}) when points is outside 1..{@value #MAX_POINTS},
     *     or (no field) when the track has no audio file on this server
     * @throws IOException when the audio cannot be read or decoded; the message names the file
     */
    public WaveformDto waveform(Track track, int points) throws IOException {
        if (points < 1 || points > MAX_POINTS) {
            throw new BadInputException("points", "points must be within 1.." + MAX_POINTS + ": " + points);
        }
        Peaks p = peaks(track);
        return new WaveformDto(p.frames() / (double) p.sampleRate(), p.sampleRate(), points, cut(p.peak(), points),
                cut(p.low(), points), cut(p.mid(), points), cut(p.high(), points));
    }

    /** Deletes the cached peaks of a track (removed from the library); nothing when there are none. */
    public void evict(String trackId) throws IOException {
        Files.deleteIfExists(cacheFolder.resolve(AudioExport.fileName(trackId) + ".wfm"));
    }

    /** The cached peaks, or new ones when absent or made from other content. */
    Peaks peaks(Track track) throws IOException {
        Path file = AudioExport.localFile(track);
        Path cached = cacheFolder.resolve(AudioExport.fileName(track.id().value()) + ".wfm");
        String hash = track.contentHash() == null ? "" : track.contentHash();
        try {
            Peaks p = read(cached);
            if (p.contentHash().equals(hash) && !hash.isEmpty()) {
                return p;
            }
        } catch (NoSuchFileException absent) {
            // computed below
        } catch (IOException unreadable) {
            // A damaged or older cache file is simply made again.
        }
        Peaks p = compute(file, hash);
        AtomicFiles.write(cached, tmp -> write(p, tmp));
        return p;
    }

    /** Decodes the file and measures the fine peaks. */
    Peaks compute(Path file, String contentHash) throws IOException {
        try (PcmSource source = opener.open(file)) {
            int rate = source.format().sampleRate();
            int channels = source.format().channels();
            BandSplit split = new BandSplit(rate);
            float[][] block = new float[channels][HOP * 16];
            Growing peak = new Growing();
            Growing low = new Growing();
            Growing mid = new Growing();
            Growing high = new Growing();
            float bp = 0;
            float bl = 0;
            float bm = 0;
            float bh = 0;
            int inBucket = 0;
            long frames = 0;
            for (int n; (n = source.read(block, 0, block[0].length)) >= 0; ) {
                for (int i = 0; i < n; i++) {
                    float sum = 0;
                    for (int c = 0; c < channels; c++) {
                        float x = block[c][i];
                        sum += x;
                        bp = Math.max(bp, Math.abs(x));
                    }
                    float mono = sum / channels;
                    bl = Math.max(bl, Math.abs(split.low(mono)));
                    bm = Math.max(bm, Math.abs(split.mid(mono)));
                    bh = Math.max(bh, Math.abs(split.high(mono)));
                    if (++inBucket == HOP) {
                        peak.add(bp);
                        low.add(bl);
                        mid.add(bm);
                        high.add(bh);
                        bp = bl = bm = bh = 0;
                        inBucket = 0;
                    }
                }
                frames += n;
            }
            if (inBucket > 0 || peak.size == 0) {
                peak.add(bp);
                low.add(bl);
                mid.add(bm);
                high.add(bh);
            }
            float max = 0;
            for (int i = 0; i < peak.size; i++) {
                max = Math.max(max, peak.values[i]);
            }
            float scale = max > 0 ? 1 / max : 0;
            return new Peaks(contentHash, rate, frames, peak.quantise(scale), low.quantise(scale), mid.quantise(scale),
                    high.quantise(scale));
        }
    }

    /** The maximum of the fine values falling in each of {@code points} equal buckets, as 0..1. */
    static float[] cut(byte[] fine, int points) {
        float[] out = new float[points];
        for (int j = 0; j < points; j++) {
            int from = (int) ((long) j * fine.length / points);
            int to = Math.max(from + 1, (int) ((long) (j + 1) * fine.length / points));
            int m = 0;
            for (int i = from; i < to && i < fine.length; i++) {
                m = Math.max(m, fine[i] & 0xff);
            }
            out[j] = m / 255f;
        }
        return out;
    }

    static void write(Peaks p, Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(p.contentHash());
            out.writeInt(p.sampleRate());
            out.writeLong(p.frames());
            out.writeInt(p.peak().length);
            out.write(p.peak());
            out.write(p.low());
            out.write(p.mid());
            out.write(p.high());
        }
    }

    static Peaks read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException(file + ": not a waveform cache file of format " + FORMAT);
            }
            String hash = in.readUTF();
            int rate = in.readInt();
            long frames = in.readLong();
            int count = in.readInt();
            if (count < 1 || count > 100_000_000 || rate < 1) {
                throw new IOException(file + ": damaged waveform cache file");
            }
            byte[][] arrays = new byte[4][count];
            for (byte[] a : arrays) {
                in.readFully(a);
            }
            return new Peaks(hash, rate, frames, arrays[0], arrays[1], arrays[2], arrays[3]);
        }
    }

    /** A growing float array; the track's length is often unknown until the end. */
    private static final class Growing {
        float[] values = new float[1024];
        int size;

        void add(float v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        /** Rounded up, so any sound at all stays visible above silence. */
        byte[] quantise(float scale) {
            byte[] b = new byte[size];
            for (int i = 0; i < size; i++) {
                b[i] = (byte) Math.min(255, (int) Math.ceil(values[i] * scale * 255 - 1e-3));
            }
            return b;
        }
    }
}
