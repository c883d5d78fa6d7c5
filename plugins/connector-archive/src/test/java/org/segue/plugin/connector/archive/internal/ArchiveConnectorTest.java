package org.segue.plugin.connector.archive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.segue.api.connector.AudioRights;
import org.segue.api.connector.ConnectorCapability;
import org.segue.api.connector.Page;
import org.segue.api.connector.RemotePlaylist;
import org.segue.api.connector.RemoteTrack;
import org.segue.support.licence.CcLicences;

class ArchiveConnectorTest {
    private final ArchiveFake archive;
    private final List<Duration> sleeps = new ArrayList<>();

    ArchiveConnectorTest() throws IOException {
        archive = new ArchiveFake();
    }

    @AfterEach
    void stop() {
        archive.close();
    }

    private ArchiveConnector connector(String collection, int pageSize) {
        return new ArchiveConnector(new ArchiveClient(archive.base, "Segue/test", Duration.ofSeconds(5), sleeps::add),
                collection, pageSize);
    }

    private static List<RemoteTrack> searchAll(ArchiveConnector connector, String query) throws IOException {
        List<RemoteTrack> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<RemoteTrack> page = connector.search(query, cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    @Test
    void searchListsEachItemsTracksWithTheItemsLicence() throws IOException {
        List<RemoteTrack> found = searchAll(connector("netlabels", 1), "night");
        assertEquals(List.of("Night Drive", "Night Swim", "Night Bus", "side_a"),
                found.stream().map(RemoteTrack::title).toList(), "by downloads, tracks in order, private files left out");
        Map<String, RemoteTrack> byTitle = found.stream().collect(Collectors.toMap(RemoteTrack::title, t -> t));
        RemoteTrack drive = byTitle.get("Night Drive");
        assertEquals("lumen-field-afterglow/01 Night Drive.flac", drive.remoteId());
        assertEquals("Lumen Field", drive.artist());
        assertEquals("Afterglow", drive.album());
        assertEquals(214.35, drive.durationSeconds(), 1e-9);
        assertEquals("CC BY 4.0", drive.licence());
        assertEquals(AudioRights.MIXABLE, drive.rights());
        assertEquals(187.0, byTitle.get("Night Swim").durationSeconds(), 1e-9, "3:07");
        assertEquals("CC BY-NC-ND 3.0", byTitle.get("Night Bus").licence());
        assertEquals(AudioRights.STREAM_ONLY, byTitle.get("Night Bus").rights(), "ND: no shared adaptations");
        assertEquals(AudioRights.NONE, byTitle.get("side_a").rights(), "a lending-library item is not published audio");
    }

    @Test
    void withoutACollectionAllAudioIsSearchedAndUnlicensedItemsAreNotMixable() throws IOException {
        ArchiveConnector connector = connector("", 10);
        assertFalse(connector.capabilities().contains(ConnectorCapability.PLAYLISTS));
        List<RemoteTrack> found = searchAll(connector, "night radio");
        assertEquals(1, found.size());
        RemoteTrack radio = found.get(0);
        assertEquals("night_radio_1952", radio.title(), "no title: the file's name");
        assertEquals("WXYZ", radio.artist(), "the first of several creators");
        assertEquals(1798.0, radio.durationSeconds(), 1e-9, "29:58");
        assertNull(radio.licence());
        assertEquals(AudioRights.STREAM_ONLY, radio.rights());
        assertTrue(archive.requests.get(0).contains("(night radio) AND mediatype:(audio)"), archive.requests.get(0));
    }

    @Test
    void aCollectionsItemsAreItsPlaylists() throws IOException {
        ArchiveConnector connector = connector("netlabels", 3);
        List<RemotePlaylist> lists = new ArrayList<>();
        Page<RemotePlaylist> page = connector.playlists(null);
        lists.addAll(page.items());
        assertEquals("2", page.nextCursor());
        lists.addAll(connector.playlists(page.nextCursor()).items());
        assertEquals(List.of("Afterglow", "Routes", "Early", "Night Sessions (lending copy)"),
                lists.stream().map(RemotePlaylist::name).toList());
        List<RemoteTrack> early = connector.playlistTracks("sunroom-early", null).items();
        assertEquals(1, early.size());
        assertEquals("Sunroom feat. Guest Player", early.get(0).artist(), "the file's creator before the item's");
        assertEquals("Public Domain Dedication", early.get(0).licence());
        assertEquals(AudioRights.MIXABLE, early.get(0).rights());
        IOException e = assertThrows(IOException.class, () -> connector.playlistTracks("no-such-item", null));
        assertTrue(e.getMessage().contains("has no item no-such-item"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> connector.playlistTracks("../etc", null));
    }

    @Test
    void downloadsTheLosslessOriginalElseTheVbrMp3() throws IOException {
        ArchiveConnector connector = connector("netlabels", 10);
        RemoteTrack drive = connector.playlistTracks("lumen-field-afterglow", null).items().get(0);
        try (InputStream in = connector.openAudio(drive)) {
            assertEquals("audio of lumen-field-afterglow/01 Night Drive.flac", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        RemoteTrack morning = connector.playlistTracks("sunroom-early", null).items().get(0);
        try (InputStream in = connector.openAudio(morning)) {
            assertEquals("audio of sunroom-early/Morning Light_vbr.mp3", new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "the VBR MP3 derivative rather than the 128 kbps original");
        }
        assertEquals(List.of("lumen-field-afterglow/01 Night Drive.flac", "sunroom-early/Morning Light_vbr.mp3"),
                archive.downloads, "followed the redirect to the data node");
    }

    @Test
    void refusesAudioTheLicenceDoesNotAllowCheckingWithTheArchiveAgain() throws IOException {
        ArchiveConnector connector = connector("", 10);
        RemoteTrack bus = connector.playlistTracks("kestrel-routes", null).items().get(0);
        RemoteTrack forged = new RemoteTrack("archive", bus.remoteId(), bus.title(), null, null, 0, null, null, null,
                AudioRights.MIXABLE);
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> connector.openAudio(forged));
        assertTrue(e.getMessage().contains("CC BY-NC-ND 3.0 does not allow sharing a mix"), e.getMessage());
        RemoteTrack radio = connector.playlistTracks("night-radio-1952", null).items().get(0);
        e = assertThrows(AccessDeniedException.class, () -> connector.openAudio(radio));
        assertTrue(e.getMessage().contains("states no licence"), e.getMessage());
        RemoteTrack lent = connector.playlistTracks("night-lending", null).items().get(0);
        e = assertThrows(AccessDeniedException.class, () -> connector.openAudio(lent));
        assertTrue(e.getMessage().contains("lent"), e.getMessage());
        assertTrue(archive.downloads.isEmpty());
    }

    @Test
    void waitsOutRateLimits() throws IOException {
        ArchiveConnector connector = connector("netlabels", 10);
        archive.http429.set(2);
        assertEquals(2, connector.playlistTracks("lumen-field-afterglow", null).items().size());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), sleeps, "as Retry-After asked");
        archive.http429.set(100);
        IOException e = assertThrows(IOException.class, () -> connector.playlistTracks("sunroom-early", null));
        assertTrue(e.getMessage().contains("rate limiting (HTTP 429"), e.getMessage());
    }

    @Test
    void licencesFromTheirDeeds() {
        assertEquals("Public Domain Mark 1.0", CcLicences.name("https://creativecommons.org/publicdomain/mark/1.0/"));
        assertTrue(CcLicences.allowsMixing("https://creativecommons.org/publicdomain/mark/1.0/"));
        assertEquals("Public Domain Dedication", CcLicences.name("http://creativecommons.org/licenses/publicdomain/"));
        assertTrue(CcLicences.allowsMixing("http://creativecommons.org/licenses/publicdomain"));
        assertEquals("CC BY-NC-SA 2.5", CcLicences.name("http://creativecommons.org/licenses/by-nc-sa/2.5/"));
        assertTrue(CcLicences.allowsMixing("http://creativecommons.org/licenses/by-nc-sa/2.5/"));
        assertFalse(CcLicences.allowsMixing("http://creativecommons.org/licenses/by-nd/2.0/"));
        assertFalse(CcLicences.allowsMixing("http://creativecommons.org/licenses/by-nc-nd/3.0/us/"));
        assertFalse(CcLicences.allowsMixing("https://rightsstatements.org/vocab/InC/1.0/"));
        assertFalse(CcLicences.allowsMixing(null));
    }
}
