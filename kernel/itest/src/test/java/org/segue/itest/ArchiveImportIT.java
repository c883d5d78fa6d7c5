package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.testkit.Signal;
import org.segue.api.testkit.Signals;

/**
 * {@code segue import --from archive} through the installed distribution, against a loopback
 * stand-in for the Internet Archive (only loopback is reachable here) that answers
 * {@code advancedsearch.php} and {@code metadata/<identifier>} in the Archive's shapes and serves
 * a synthesised WAV: the Creative Commons BY-SA item is downloaded, analysed (its click track's
 * tempo found) and stored; the NoDerivatives item is stored as metadata only and never downloaded.
 */
class ArchiveImportIT {
    private static final double BPM = 124;

    @TempDir
    Path work;

    private final List<String> downloads = new ArrayList<>();

    @Test
    void importsWhatTheLicenceAllowsAndOnlyListsTheRest() throws Exception {
        byte[] wav = wav(Signals.mix(Signals.clicks(44100, 20, BPM, 4, 0.25), Signals.sine(44100, 20, 220, 0.2)));
        HttpServer archive = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + archive.getAddress().getPort() + "/";
        archive.createContext("/advancedsearch.php", e -> send(e, "application/json", ("{\"responseHeader\":{\"status\":0},"
                + "\"response\":{\"numFound\":2,\"start\":0,\"docs\":[{\"identifier\":\"itest-pulse\",\"title\":\"Pulse EP\"},"
                + "{\"identifier\":\"itest-locked\",\"title\":\"Locked EP\"}]}}").getBytes(StandardCharsets.UTF_8)));
        archive.createContext("/metadata/", e -> {
            boolean pulse = e.getRequestURI().getPath().endsWith("itest-pulse");
            String id = pulse ? "itest-pulse" : "itest-locked";
            String licence = pulse ? "https://creativecommons.org/licenses/by-sa/4.0/"
                    : "https://creativecommons.org/licenses/by-nd/4.0/";
            String title = pulse ? "Pulse" : "Locked";
            send(e, "application/json", ("{\"metadata\":{\"identifier\":\"" + id + "\",\"mediatype\":\"audio\","
                    + "\"collection\":[\"netlabels\"],\"title\":\"" + title + " EP\",\"creator\":\"Click Ensemble\","
                    + "\"licenseurl\":\"" + licence + "\"},\"files\":[{\"name\":\"01 " + title + ".wav\",\"source\":"
                    + "\"original\",\"format\":\"WAVE\",\"title\":\"" + title + "\",\"length\":\"20.0\"},{\"name\":\""
                    + id + "_meta.xml\",\"source\":\"original\",\"format\":\"Metadata\"}]}").getBytes(StandardCharsets.UTF_8));
        });
        archive.createContext("/download/", e -> {
            synchronized (downloads) {
                downloads.add(e.getRequestURI().getPath());
            }
            send(e, "audio/wav", wav);
        });
        archive.start();
        try {
            Path home = Files.createDirectories(work.resolve("home"));
            Files.createSymbolicLink(home.resolve("bundles"), KernelFixture.DIST.resolve("bundles").toAbsolutePath());
            Files.createDirectories(home.resolve("plugins"));
            Files.createDirectories(home.resolve("conf"));
            Files.copy(KernelFixture.DIST.resolve("conf/org.apache.felix.fileinstall-user.cfg"),
                    home.resolve("conf/org.apache.felix.fileinstall-user.cfg"));

            SegueProcess.Result connect = segue(home, "connect", "archive", "--no-secret", "apiUrl=" + base,
                    "collection=netlabels");
            assertEquals(0, connect.code(), connect.out() + connect.err());

            SegueProcess.Result imported = segue(home, "import", "--from", "archive", "pulse");
            assertEquals(0, imported.code(), imported.out() + imported.err());
            assertTrue(imported.out().contains("2 added, 0 updated, 0 unchanged, 0 failed"), imported.out());
            assertTrue(imported.out().contains("1 of them metadata only"), imported.out());
            assertEquals(List.of("/download/itest-pulse/01 Pulse.wav"), downloads, "the ND item is never downloaded");

            SegueProcess.Result album = segue(home, "import", "--from", "archive", "--playlist", "itest-pulse");
            assertEquals(0, album.code(), album.out() + album.err());
            assertTrue(album.out().contains("0 added, 0 updated, 1 unchanged, 0 failed"), album.out());

            JsonNode tracks = new ObjectMapper().readTree(segue(home, "search", "--json").out()).get("tracks");
            assertEquals(2, tracks.size(), tracks.toString());
            for (JsonNode t : tracks) {
                if (t.get("title").asText().equals("Pulse")) {
                    assertEquals(BPM, t.get("bpm").asDouble(), 1.0, t.toString());
                    assertTrue(t.get("file").asText().contains("/remote/archive/"), t.toString());
                } else {
                    assertEquals("Locked", t.get("title").asText());
                    assertTrue(t.get("file").asText().startsWith("segue-remote:archive/"), t.toString());
                }
            }
        } finally {
            archive.stop(0);
        }
    }

    private SegueProcess.Result segue(Path home, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        return SegueProcess.run(KernelFixture.DIST, work, Map.of("XDG_DATA_HOME", work.resolve("data").toString(),
                "XDG_CACHE_HOME", work.resolve("cache").toString(), "XDG_CONFIG_HOME", work.resolve("config").toString()),
                all.toArray(String[]::new));
    }

    private static void send(HttpExchange e, String type, byte[] body) throws IOException {
        try (e) {
            e.getResponseHeaders().set("Content-Type", type);
            e.sendResponseHeaders(200, body.length);
            try (OutputStream out = e.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** 16-bit PCM WAV of the signal's first channel. */
    private static byte[] wav(Signal signal) {
        float[] mono = signal.audio()[0];
        ByteBuffer data = ByteBuffer.allocate(mono.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : mono) {
            data.putShort((short) Math.round(Math.max(-1, Math.min(1, s)) * 32767));
        }
        ByteBuffer head = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        head.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data.capacity())
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(signal.sampleRate()).putInt(signal.sampleRate() * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data.capacity());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.array());
        out.writeBytes(data.array());
        return out.toByteArray();
    }
}
