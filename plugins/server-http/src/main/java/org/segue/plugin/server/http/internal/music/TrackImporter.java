package org.segue.plugin.server.http.internal.music;

import org.segue.support.io.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;

import org.segue.api.analysis.AnalysisService;
import org.segue.api.analysis.TrackReport;
import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.AudioOpener;
import org.segue.api.audio.TrackTags;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackSource;
import org.segue.plugin.server.http.internal.music.TrackDtos.TrackDto;

/**
 * Adds audio files to a user's library: one uploaded file, one server file, or a server folder
 * (new and changed files only, by content hash). Each track is put, and so committed, as soon as
 * its analysis is done, so an interrupted folder import resumes where it stopped when run again.
 *
 * <p>Runs on a job thread. Progress goes to a {@link DoubleConsumer} (0..1); cancellation is polled
 * from a {@link BooleanSupplier} between files and between the steps of one file (an analysis
 * already running is not interrupted) and ends the work with a {@link CancellationException}; a
 * cancelled file is never half added.
 */
public final class TrackImporter {

    /** Folder, under a user's data folder, that holds the user's uploaded files. */
    public static final String UPLOADS = "tracks";

    private final AnalysisService analysis;
    private final AudioOpener opener;

    public TrackImporter(AnalysisService analysis, AudioOpener opener) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /** What happened to one file of a folder import. */
    public record FileOutcome(String file, String status, String trackId, String error) {
        public static final String ADDED = "added";
        public static final String UPDATED = "updated";
        public static final String UNCHANGED = "unchanged";
        public static final String FAILED = "failed";
    }

    /** The result of a folder import: counts, and each failure with its reason. */
    public record FolderSummary(int added, int updated, int unchanged, int failed, List<FileOutcome> failures) {
    }

    /**
     * Stores an upload's body in the user's {@value #UPLOADS} folder: streamed into a temporary
     * file, then renamed to {@code <hash prefix>-<name>} so the same content uploaded twice is one
     * file (and one track).
     *
     * @param filename the name the client gave; its extension must be an audio one
     * @throws BadInputException (field {@code filename}) for a missing, path-like or non-audio name
     * @throws TooLargeException when the body passes {@code maxBytes}; nothing is kept
     */
    public Path receiveUpload(Path userFolder, String filename, InputStream body, long maxBytes) throws IOException {
        String name = uploadName(filename);
        Path folder = userFolder.resolve(UPLOADS);
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, ".upload-", ".part");
        try {
            MessageDigest sha = LocalTracks.sha256();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha)) {
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                for (int n; (n = body.read(buffer)) > 0; ) {
                    total += n;
                    if (total > maxBytes) {
                        throw new TooLargeException("body", maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
                if (total == 0) {
                    throw new BadInputException("body", filename + ": the upload is empty");
                }
            }
            Path stored = folder.resolve(HexFormat.of().formatHex(sha.digest(), 0, 8) + "-" + name);
            AtomicFiles.move(temporary, stored);
            return stored;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The stored name of an upload, or a {@link BadInputException} naming the problem. */
    static String uploadName(String filename) {
        if (filename == null || filename.isBlank()) {
            throw new BadInputException("filename", "a file name is needed, e.g. ?filename=track.flac");
        }
        if (filename.contains("/") || filename.contains("\\") || filename.equals("..") || filename.indexOf('\0') >= 0) {
            throw new BadInputException("filename", filename + ": a file name, not a path, is needed");
        }
        if (!LocalTracks.isAudio(filename)) {
            throw new BadInputException("filename", filename + ": not an audio file name; accepted extensions: "
                    + String.join(", ", LocalTracks.EXTENSIONS.stream().sorted().toList()));
        }
        return LocalTracks.safeName(filename);
    }

    /**
     * Analyses an uploaded file (from {@link #receiveUpload}) and adds it; a file that cannot be
     * decoded is deleted again, so a bad upload leaves nothing behind.
     *
     * @param filename the client's name of the file, for messages and as the title when it has no tag
     */
    public TrackDto importUpload(TrackLibrary library, Path stored, String filename, DoubleConsumer progress,
            BooleanSupplier cancelled) throws IOException {
        boolean keep = false;
        try {
            TrackDto dto = importFile(library, stored, filename, progress, cancelled);
            keep = true;
            return dto;
        } finally {
            if (!keep && library.track(LocalTracks.id(stored)).isEmpty()) {
                Files.deleteIfExists(stored);
            }
        }
    }

    /**
     * Analyses one file and adds (or updates) it; a file already in the library with the same
     * content is left as it is.
     *
     * @param displayName how to name the file in messages (the user's name of an upload)
     * @throws BadInputException (field {@code file}) naming the file when it is not audio or cannot be decoded
     * @throws CancellationException when cancelled; the library is then unchanged
     */
    public TrackDto importFile(TrackLibrary library, Path file, String displayName, DoubleConsumer progress,
            BooleanSupplier cancelled) throws IOException {
        String shown = displayName == null ? file.toString() : displayName;
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("file", shown + ": no such file");
        }
        if (!LocalTracks.isAudio(file.getFileName().toString())) {
            throw new BadInputException("file", shown + ": not an audio file name");
        }
        checkCancelled(cancelled);
        TrackId id = LocalTracks.id(file);
        String hash = LocalTracks.contentHash(file);
        progress.accept(0.1);
        Optional<Track> known = library.track(id);
        if (known.isPresent() && hash.equals(known.get().contentHash()) && library.analysis(id).isPresent()) {
            progress.accept(1);
            return TrackDtos.track(known.get(), library.analysis(id));
        }
        checkCancelled(cancelled);
        TrackReport report;
        try {
            report = analysis.analyze(file);
        } catch (AudioDecodingException e) {
            throw new BadInputException("file", shown + ": not audio Segue can decode: " + reason(e, file), e);
        } catch (IOException e) {
            throw new IOException(shown + ": " + reason(e, file), e);
        }
        progress.accept(0.9);
        // Checked again before the put: a cancelled import must not add the track after all.
        checkCancelled(cancelled);
        Track track = new Track(id, file.toUri(), "sha256:" + report.contentHash(), tags(file, shown),
                report.results().durationSeconds(), TrackSource.local());
        TrackAnalysis results = new TrackAnalysis(id.value(), report.results());
        library.put(track, results);
        progress.accept(1);
        return TrackDtos.track(track, Optional.of(results));
    }

    /**
     * Imports the audio files under a folder (recursively): new and changed ones are analysed,
     * unchanged ones skipped, and a file that fails is recorded with its reason while the rest goes on.
     *
     * @throws BadInputException (field {@code folder}) when the folder does not exist
     * @throws CancellationException when cancelled; files done so far stay imported
     */
    public FolderSummary importFolder(TrackLibrary library, Path folder, DoubleConsumer progress,
            BooleanSupplier cancelled) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException("folder", folder + ": no such folder");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> LocalTracks.isAudio(p.getFileName().toString()))
                    .sorted().toList();
        }
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        List<FileOutcome> failures = new ArrayList<>();
        progress.accept(0);
        for (int i = 0; i < files.size(); i++) {
            checkCancelled(cancelled);
            Path file = files.get(i);
            TrackId id = LocalTracks.id(file);
            Optional<Track> before = library.track(id);
            String shown = folder.relativize(file).toString();
            int done = i;
            try {
                importFile(library, file, shown, share -> progress.accept((done + share) / files.size()), cancelled);
                Track after = library.track(id).orElseThrow();
                if (before.isEmpty()) {
                    added++;
                } else if (before.get().equals(after)) {
                    unchanged++;
                } else {
                    updated++;
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof CancellationException c) {
                    throw c;
                }
                failures.add(new FileOutcome(shown, FileOutcome.FAILED, id.value(), e.getMessage()));
            }
            progress.accept((i + 1.0) / files.size());
        }
        progress.accept(1);
        return new FolderSummary(added, updated, unchanged, failures.size(), failures);
    }

    /**
     * Removes a track from the library and, when it was uploaded to this user's folder, its file
     * (files of an imported server folder are the admin's and stay).
     *
     * @return false when the library had no such track
     */
    public boolean remove(TrackLibrary library, Path userFolder, TrackId id) throws IOException {
        Optional<Track> t = library.track(id);
        if (t.isEmpty()) {
            return false;
        }
        boolean removed = library.remove(id);
        if ("file".equals(t.get().location().getScheme())) {
            Path file = Path.of(t.get().location()).toAbsolutePath().normalize();
            if (file.startsWith(userFolder.resolve(UPLOADS).toAbsolutePath().normalize())) {
                Files.deleteIfExists(file);
            }
        }
        return removed;
    }

    /**
     * The folder a request asks to import, which must lie under one of the configured import roots
     * once {@code ..} and symbolic links are resolved (a link inside a root pointing elsewhere does
     * not open the rest of the disk).
     *
     * @throws BadInputException (field {@code folder}) when it is not an existing folder under a root
     */
    public static Path folderUnder(List<Path> roots, String requested) throws IOException {
        if (requested == null || requested.isBlank() || requested.indexOf('\0') >= 0) {
            throw new BadInputException("folder", "a folder is needed");
        }
        Path asked = Path.of(requested);
        if (!asked.isAbsolute() || !Files.isDirectory(asked)) {
            throw new BadInputException("folder", requested + ": not an absolute path of an existing folder");
        }
        Path real = asked.toRealPath();
        for (Path root : roots) {
            if (Files.isDirectory(root) && real.startsWith(root.toRealPath())) {
                return real;
            }
        }
        throw new BadInputException("folder", requested + ": not under an import root of this server");
    }

    /** The file's tags, titled by its name when it has no title tag (as DJ software shows such files). */
    private TrackTags tags(Path file, String shown) {
        TrackTags t = opener.tags(file);
        if (t.title() != null && !t.title().isBlank()) {
            return t;
        }
        String name = Path.of(shown).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return new TrackTags(t.artist(), dot > 0 ? name.substring(0, dot) : name, t.album(), t.genre(), t.bpm(), t.key(),
                t.other());
    }

    /** The decoder's reason without the server path, which the user need not see. */
    private static String reason(IOException e, Path file) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String prefix = file.toString() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m.replace(file.toString(), file.getFileName().toString());
    }

    static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled");
        }
    }
}
