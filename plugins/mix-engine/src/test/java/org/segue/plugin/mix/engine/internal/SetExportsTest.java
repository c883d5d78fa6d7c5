package org.segue.plugin.mix.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.segue.api.audio.TrackTags;
import org.segue.api.mix.MixResult;
import org.segue.api.mix.SetTrack;
import org.segue.api.testkit.ResultMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SetExportsTest {
    private final SetTrack free = new SetTrack("a", Path.of("/music/night drive.mp3"), new ResultMap("a", 214.4),
            new TrackTags("Lumen Field", "Night Drive", "Afterglow", null, null, null,
                    Map.of("license", "CC BY 4.0", "source", "jamendo:1886257")));
    private final SetTrack own = new SetTrack("b", Path.of("/music/mine.flac"), new ResultMap("b", 180),
            new TrackTags("Me", "Mine & Yours <live>", null, null, null, null, Map.of()));
    private final List<MixResult.Section> sections = List.of(
            new MixResult.Section("a", "Lumen Field – Night Drive", 0, 0, 190, 214, null, 0),
            new MixResult.Section("b", "Me – Mine & Yours <live>", 190, 214, 370, 394, "segue.style.blend/1", 0));

    @Test
    void creditsEveryLicensedTrackWithItsSource() {
        assertEquals(List.of("\"Night Drive\" by Lumen Field, licensed under CC BY 4.0 (jamendo:1886257)"),
                SetExports.credits(List.of(free, own)));
    }

    @Test
    void m3u8ListsTheFilesInSetOrderWithDurationsAndLicences() {
        String m3u = SetExports.m3u8(sections, List.of(free, own));
        List<String> lines = m3u.lines().toList();
        assertEquals("#EXTM3U", lines.get(0));
        assertEquals("# licence: CC BY 4.0", lines.get(2));
        assertEquals("#EXTINF:214,Lumen Field – Night Drive", lines.get(3));
        assertEquals(Path.of("/music/night drive.mp3").toUri().toString(), lines.get(4));
        assertEquals("#EXTINF:180,Me – Mine & Yours <live>", lines.get(5));
    }

    @Test
    void xspfIsWellFormedWithOneTrackPerSectionAndTheLicenceNoted() throws Exception {
        String xspf = SetExports.xspf(sections, List.of(free, own));
        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xspf.getBytes(StandardCharsets.UTF_8)));
        assertEquals("http://xspf.org/ns/0/", doc.getDocumentElement().getNamespaceURI());
        var tracks = doc.getElementsByTagNameNS("http://xspf.org/ns/0/", "track");
        assertEquals(2, tracks.getLength());
        Element first = (Element) tracks.item(0);
        assertEquals("Night Drive", text(first, "title"));
        assertEquals("214400", text(first, "duration"));
        assertEquals("in the mix at 0:00:00; licence: CC BY 4.0", text(first, "annotation"));
        Element second = (Element) tracks.item(1);
        assertEquals("Mine & Yours <live>", text(second, "title"), "escaped and read back");
        assertTrue(text(second, "annotation").startsWith("in the mix at 0:03:10"), text(second, "annotation"));
    }

    private static String text(Element track, String name) {
        return track.getElementsByTagNameNS("http://xspf.org/ns/0/", name).item(0).getTextContent();
    }
}
