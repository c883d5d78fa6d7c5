package org.segue.plugin.server.http.internal.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.analysis.StandardResults;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.testkit.Signals;
import org.segue.plugin.server.http.internal.music.TrackDtos.TrackDto;
import org.segue.plugin.server.http.internal.music.TrackImporter.FolderSummary;

class TrackImporterTest {

    @TempDir
    Path dir;
    MemoryLibrary library = new MemoryLibrary();
    TrackImporter importer;
    final List<Double> progress = new ArrayList<>();

    @BeforeEach
    void setUp() {
        RealPlugins plugins = RealPlugins.decoding(dir.resolve("cache"));
        importer = new TrackImporter(plugins.analysis, plugins.analysis);
    }

    @Test
    void aFileIsAnalysedAndAddedUnderItsPathId() throws IOException {
        Path file = Wavs.write(Signals.sine(44100, 3, 440, 0.5).stereo(), dir.resolve("music/Sunrise.wav"));
        TrackDto dto = importer.importFile(library, file, null, progress::add, () -> false);

        Track t = library.track(LocalTracks.id(file)).orElseThrow();
        assertEquals(dto.id(), t.id().value());
        assertTrue(t.id().value().matches("local-[0-9a-f]{24}"), t.id().value());
        assertEquals(file.toUri(), t.location());
        assertEquals(LocalTracks.contentHash(file), t.contentHash());
        assertEquals(3.0, t.durationSeconds(), 1e-3);
        assertEquals("Sunrise", dto.title(), "a file without tags is titled by its name");
        assertEquals("local", dto.source().kind());
        assertTrue(dto.source().mixable());
        var analysis = library.analysis(t.id()).orElseThrow();
        assertEquals(t.id().value(), analysis.trackId());
        // BS.1770: -0.691 + 10 log10(sum of the channels' mean squares) = -0.691 + 10 log10(2 * 0.125) = -6.71
        // (K-weighting is within 0.1 dB of flat at 440 Hz).
        double lufs = analysis.get(StandardResults.LOUDNESS).orElseThrow().integratedLufs();
        assertEquals(lufs, dto.loudnessLufs(), 1e-9);
        assertEquals(-6.71, lufs, 0.2);
        assertEquals(1.0, progress.get(progress.size() - 1));
        assertMonotonic(progress);

        int puts = library.puts;
        importer.importFile(library, file, null, p -> { }, () -> false);
        assertEquals(puts, library.puts, "unchanged content is not put again");
    }

    @Test
    void aFolderImportAddsNewUpdatesChangedAndReportsBrokenFilesByName() throws IOException {
        Path music = dir.resolve("music");
        Path a = Wavs.write(Signals.sine(22050, 1, 440, 0.5), music.resolve("a.wav"));
        Wavs.write(Signals.sine(22050, 1, 660, 0.5), music.resolve("sub/b.wav"));
        Files.writeString(music.resolve("notes.txt"), "not audio, not even looked at");
        Files.writeString(music.resolve("broken.wav"), "RIFF....WAVEjunk");

        FolderSummary first = importer.importFolder(library, music, progress::add, () -> false);
        assertEquals(2, first.added());
        assertEquals(1, first.failed());
        assertEquals("broken.wav", first.failures().get(0).file());
        assertTrue(first.failures().get(0).error().startsWith("broken.wav: not audio Segue can decode"),
                first.failures().get(0).error());
        assertFalse(first.failures().get(0).error().contains(dir.toString()), "the server's folders stay private");
        assertEquals(2, library.tracks.size());
        assertEquals(1.0, progress.get(progress.size() - 1));
        assertMonotonic(progress);

        FolderSummary second = importer.importFolder(library, music, p -> { }, () -> false);
        assertEquals(List.of(0, 0, 2, 1), List.of(second.added(), second.updated(), second.unchanged(), second.failed()));

        Wavs.write(Signals.sine(22050, 2, 440, 0.5), a);
        FolderSummary third = importer.importFolder(library, music, p -> { }, () -> false);
        assertEquals(List.of(0, 1, 1, 1), List.of(third.added(), third.updated(), third.unchanged(), third.failed()));
        assertEquals(2.0, library.track(LocalTracks.id(a)).orElseThrow().durationSeconds(), 1e-3);

        assertEquals("folder", assertThrows(BadInputException.class,
                () -> importer.importFolder(library, music.resolve("missing"), p -> { }, () -> false)).field());
    }

    @Test
    void aCancelledFolderImportKeepsWhatIsDoneAndResumes() throws IOException {
        Path music = dir.resolve("music");
        for (int i = 0; i < 3; i++) {
            Wavs.write(Signals.sine(22050, 0.5, 300 + 100 * i, 0.5), music.resolve("t" + i + ".wav"));
        }
        assertThrows(CancellationException.class,
                () -> importer.importFolder(library, music, p -> { }, () -> library.tracks.size() >= 1));
        assertEquals(1, library.tracks.size(), "the file done stays, the one cancelled is not half added");
        FolderSummary rest = importer.importFolder(library, music, p -> { }, () -> false);
        assertEquals(List.of(2, 1), List.of(rest.added(), rest.unchanged()));
    }

    @Test
    void anUploadIsStoredAtomicallyAndAddedUnderTheUsersName() throws IOException {
        Path user = dir.resolve("users/alice");
        byte[] wav = Files.readAllBytes(Wavs.write(Signals.sine(44100, 1, 440, 0.5), dir.resolve("x.wav")));
        Path stored = importer.receiveUpload(user, "My Song.wav", new ByteArrayInputStream(wav), 1 << 20);
        assertEquals(user.resolve(TrackImporter.UPLOADS), stored.getParent());
        assertTrue(stored.getFileName().toString().matches("[0-9a-f]{16}-My Song\\.wav"), stored.toString());
        assertEquals(List.of(stored), list(stored.getParent()), "no temporary file left");
        TrackDto dto = importer.importUpload(library, stored, "My Song.wav", p -> { }, () -> false);
        assertEquals("My Song", dto.title());
        assertNotNull(dto.loudnessLufs());

        Path again = importer.receiveUpload(user, "My Song.wav", new ByteArrayInputStream(wav), 1 << 20);
        assertEquals(stored, again, "the same content is one file and one track");
        importer.importUpload(library, again, "My Song.wav", p -> { }, () -> false);
        assertEquals(1, library.tracks.size());

        Path shared = Wavs.write(Signals.sine(44100, 1, 220, 0.5), dir.resolve("srv/shared.wav"));
        TrackDto fromFolder = importer.importFile(library, shared, null, p -> { }, () -> false);
        assertTrue(importer.remove(library, user, new TrackId(dto.id())));
        assertFalse(Files.exists(stored), "an upload's file goes with its track");
        assertTrue(importer.remove(library, user, new TrackId(fromFolder.id())));
        assertTrue(Files.exists(shared), "a server folder's file stays");
        assertFalse(importer.remove(library, user, new TrackId(dto.id())));
        assertTrue(library.tracks.isEmpty());
    }

    @Test
    void badUploadsAreRefusedWithTheFieldAndLeaveNothing() throws IOException {
        Path user = dir.resolve("users/bob");
        byte[] some = new byte[1000];
        assertEquals("filename", assertThrows(BadInputException.class,
                () -> importer.receiveUpload(user, "notes.txt", new ByteArrayInputStream(some), 1 << 20)).field());
        assertEquals("filename", assertThrows(BadInputException.class,
                () -> importer.receiveUpload(user, "../../etc/x.wav", new ByteArrayInputStream(some), 1 << 20)).field());
        assertEquals("filename", assertThrows(BadInputException.class,
                () -> importer.receiveUpload(user, "", new ByteArrayInputStream(some), 1 << 20)).field());
        assertThrows(TooLargeException.class,
                () -> importer.receiveUpload(user, "big.wav", new ByteArrayInputStream(some), 999));
        assertEquals("body", assertThrows(BadInputException.class,
                () -> importer.receiveUpload(user, "empty.wav", new ByteArrayInputStream(new byte[0]), 999)).field());
        assertEquals(List.of(), list(user.resolve(TrackImporter.UPLOADS)));

        Path stored = importer.receiveUpload(user, "song.flac", new ByteArrayInputStream("fLaC but broken".getBytes()), 999);
        BadInputException e = assertThrows(BadInputException.class,
                () -> importer.importUpload(library, stored, "song.flac", p -> { }, () -> false));
        assertEquals("file", e.field());
        assertTrue(e.getMessage().startsWith("song.flac: not audio Segue can decode"), e.getMessage());
        assertFalse(e.getMessage().contains(user.toString()), e.getMessage());
        assertEquals(List.of(), list(user.resolve(TrackImporter.UPLOADS)), "a bad upload is deleted");
        assertTrue(library.tracks.isEmpty());
    }

    @Test
    void anImportFolderMustLieUnderAnImportRoot() throws IOException {
        Path root = Files.createDirectories(dir.resolve("srv/music"));
        Path inside = Files.createDirectories(root.resolve("house"));
        Path outside = Files.createDirectories(dir.resolve("private"));
        assertEquals(inside.toRealPath(), TrackImporter.folderUnder(List.of(root), inside.toString()));
        assertEquals(inside.toRealPath(), TrackImporter.folderUnder(List.of(root), root + "/house/../house"));
        assertEquals("folder", assertThrows(BadInputException.class,
                () -> TrackImporter.folderUnder(List.of(root), root + "/../../private")).field());
        assertThrows(BadInputException.class, () -> TrackImporter.folderUnder(List.of(root), outside.toString()));
        assertThrows(BadInputException.class, () -> TrackImporter.folderUnder(List.of(root), "house"));
        assertThrows(BadInputException.class, () -> TrackImporter.folderUnder(List.of(root), root + "/missing"));
        Path link = root.resolve("escape");
        try {
            Files.createSymbolicLink(link, outside);
        } catch (UnsupportedOperationException | IOException noLinks) {
            return;
        }
        assertThrows(BadInputException.class, () -> TrackImporter.folderUnder(List.of(root), link.toString()),
                "a link out of the root does not count as inside");
    }

    static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }

    static void assertMonotonic(List<Double> values) {
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.get(i) >= values.get(i - 1) && values.get(i) <= 1, "progress " + values);
        }
    }
}
