package org.segue.plugin.server.http.internal.music;

import org.segue.support.io.AtomicFiles;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.segue.api.audio.AudioOpener;
import org.segue.api.audio.PcmSource;
import org.segue.api.library.Track;

/**
 * A track's audio as a 16-bit PCM WAV file at the track's own rate, the one format every browser
 * plays: decoded once with the installed decoders and kept in the cache folder, so the HTTP layer
 * can answer range requests (seeking in the player) straight from a file.
 *
 * <p>The cached file is {@code <track id>/<content hash>.wav}, so a changed track gets a new file;
 * it is written to a temporary file and renamed, so a request never reads half of it.
 */
public final class AudioExport {

    private final AudioOpener opener;
    private final Path cacheFolder;

    public AudioExport(AudioOpener opener, Path cacheFolder) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.cacheFolder = Objects.requireNonNull(cacheFolder, "cacheFolder");
    }

    /**
     * The track's audio as a WAV file, decoded now if not cached.
     *
     * @throws BadInputException when the track has no audio file on this server
     * @throws IOException when decoding fails; the message names the file
     */
    public Path wav(Track track) throws IOException {
        Path source = localFile(track);
        String hash = track.contentHash() == null ? "unhashed" : track.contentHash().replace(':', '-');
        Path folder = cacheFolder.resolve(fileName(track.id().value()));
        Path cached = folder.resolve(fileName(hash) + ".wav");
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        AtomicFiles.write(cached, tmp -> decode(source, tmp));
        // Older versions of the track are of no use now; a reader still streaming one keeps its
        // open file (POSIX), so deleting is safe.
        try (var others = Files.list(folder)) {
            for (Path p : others.filter(p -> !p.equals(cached) && p.getFileName().toString().endsWith(".wav")).toList()) {
                Files.deleteIfExists(p);
            }
        }
        return cached;
    }

    /** Deletes the cached audio of a track (removed from the library); nothing when there is none. */
    public void evict(String trackId) throws IOException {
        AtomicFiles.deleteTree(cacheFolder.resolve(fileName(trackId)));
    }

    /** Decodes a file into a 16-bit WAV; the header's sizes are filled in once the length is known. */
    void decode(Path source, Path wav) throws IOException {
        try (PcmSource in = opener.open(source)) {
            int rate = in.format().sampleRate();
            int channels = in.format().channels();
            long frames = 0;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(wav), 1 << 16)) {
                out.write(header(rate, channels, 0));
                float[][] block = new float[channels][4096];
                byte[] bytes = new byte[4096 * channels * 2];
                for (int n; (n = in.read(block, 0, 4096)) >= 0; ) {
                    int b = 0;
                    for (int i = 0; i < n; i++) {
                        for (int c = 0; c < channels; c++) {
                            int s = pcm16(block[c][i]);
                            bytes[b++] = (byte) s;
                            bytes[b++] = (byte) (s >> 8);
                        }
                    }
                    out.write(bytes, 0, b);
                    frames += n;
                }
            }
            long dataBytes = frames * channels * 2;
            if (dataBytes > 0xFFFF_FFFFL - 36) {
                throw new IOException(source + ": too long for a WAV file (" + frames + " frames)");
            }
            try (RandomAccessFile raf = new RandomAccessFile(wav.toFile(), "rw")) {
                raf.write(header(rate, channels, dataBytes));
            }
        }
    }

    /** Rounds to 16 bits, clipping what lies outside [-1, 1]. */
    static int pcm16(float x) {
        long v = Math.round(x * 32768.0);
        return (int) Math.max(-32768, Math.min(32767, v));
    }

    static byte[] header(int rate, int channels, long dataBytes) {
        java.nio.ByteBuffer h = java.nio.ByteBuffer.allocate(44).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes));
        h.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        h.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) channels).putInt(rate).putInt(rate * channels * 2).putShort((short) (channels * 2))
                .putShort((short) 16);
        h.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return h.array();
    }

    /** The track's audio file; only local files have one. */
    static Path localFile(Track track) {
        if (!"file".equals(track.location().getScheme())) {
            throw new BadInputException(null, "track " + track.id().value() + " has no audio on this server ("
                    + track.location().getScheme() + " source)");
        }
        return Path.of(track.location());
    }

    /** An id as a file name: itself when safe, else a hash of it (never two ids on one name). */
    static String fileName(String id) {
        if (id.matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}")) {
            return id;
        }
        byte[] sha = LocalTracks.sha256().digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "h-" + java.util.HexFormat.of().formatHex(sha, 0, 16);
    }
}
