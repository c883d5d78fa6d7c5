package org.segue.plugin.decoder.ffmpeg.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.audio.AudioDecoder;
import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.SegueDecoder;
import org.segue.api.audio.TrackTags;

/**
 * Every format the native decoders do not read (AAC/M4A, Opus, WMA, ALAC, AC-3, compressed WAV…),
 * through an installed {@code ffmpeg}: {@code ffprobe -of json} for the format and tags, then
 * {@code ffmpeg -f f32le} streamed from its stdout. Ranked below the native decoders (service
 * ranking -100), so it only wins where they do not apply. Without ffmpeg, {@link #open} fails with a
 * message that says how to install it. Stateless apart from its configuration.
 */
@Component(configurationPid = FfmpegDecoder.PID, property = "service.ranking:Integer=-100")
@Designate(ocd = FfmpegDecoder.Config.class)
@SegueDecoder(extensions = {"m4a", "mp4", "aac", "m4b", "opus", "wma", "asf", "webm", "mka", "mkv", "ac3", "eac3",
    "alac", "caf", "wv", "ape", "amr", "dsf", "tta", "spx"},
        mimetypes = {"audio/mp4", "audio/aac", "audio/x-m4a", "audio/opus", "audio/x-ms-wma", "audio/webm",
            "audio/x-matroska", "audio/ac3"})
public class FfmpegDecoder implements AudioDecoder {
    static final String PID = "org.segue.plugin.decoder.ffmpeg";

    @ObjectClassDefinition(name = "Segue ffmpeg decoder",
            description = "Decodes formats without a native Segue decoder through an installed ffmpeg.")
    public @interface Config {
        @AttributeDefinition(name = "ffmpeg path",
                description = "The ffmpeg executable; empty to look for 'ffmpeg' on the PATH.")
        String ffmpeg_path() default "";

        @AttributeDefinition(name = "ffprobe path",
                description = "The ffprobe executable; empty for the one beside ffmpeg, else 'ffprobe' on the PATH.")
        String ffprobe_path() default "";

        @AttributeDefinition(name = "Probe timeout", description = "Seconds before a hung ffprobe is stopped.",
                min = "1")
        int probe_timeout() default 30;
    }

    private final Tools tools;

    @Activate
    public FfmpegDecoder(Config config) {
        this(new Tools(config.ffmpeg_path(), config.ffprobe_path(), Math.max(1, config.probe_timeout())));
    }

    FfmpegDecoder(Tools tools) {
        this.tools = tools;
    }

    @Override
    public boolean accepts(String fileName, byte[] h) {
        if (h == null || h.length < 12) {
            return false;
        }
        return is(h, 4, "ftyp") // MP4/M4A/M4B/3GP
                || (h[0] & 0xff) == 0xff && (h[1] & 0xf6) == 0xf0 // AAC in ADTS
                || is(h, 0, "OggS") && h.length >= 36 && is(h, 28, "Opus") // Ogg Opus
                || (h[0] & 0xff) == 0x30 && (h[1] & 0xff) == 0x26 && (h[2] & 0xff) == 0xb2 && (h[3] & 0xff) == 0x75 // ASF
                || (h[0] & 0xff) == 0x1a && (h[1] & 0xff) == 0x45 && (h[2] & 0xff) == 0xdf && (h[3] & 0xff) == 0xa3 // EBML
                || h[0] == 0x0b && (h[1] & 0xff) == 0x77 // AC-3
                || is(h, 0, "caff") || is(h, 0, "wvpk") || is(h, 0, "MAC ") || is(h, 0, "#!AM")
                || is(h, 0, "DSD ") || is(h, 0, "TTA1")
                || compressedWav(h);
    }

    /** A RIFF/WAVE whose format code is not PCM or float (ADPCM, mu-law, GSM…): not for the WAV decoder. */
    private static boolean compressedWav(byte[] h) {
        if (!is(h, 0, "RIFF") || !is(h, 8, "WAVE") || h.length < 22 || !is(h, 12, "fmt ")) {
            return false;
        }
        int tag = (h[20] & 0xff) | (h[21] & 0xff) << 8;
        return tag != 1 && tag != 3 && tag != 0xfffe;
    }

    private static boolean is(byte[] h, int at, String magic) {
        if (h.length < at + magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (h[at + i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public PcmSource open(Path file) throws IOException {
        return open(file, file.toString(), null);
    }

    private PcmSource open(Path file, String source, Path ownedTemp) throws IOException {
        Path ffmpeg = tools.ffmpegPath(source);
        if (!Files.exists(file)) {
            throw new NoSuchFileException(source);
        }
        if (Files.size(file) == 0) {
            throw new AudioDecodingException(source, "the file is empty");
        }
        FfmpegSource pcm = new FfmpegSource(source, ffmpeg, file, Probe.of(tools, file), ownedTemp);
        pcm.start(0);
        return pcm;
    }

    /**
     * A stream is first copied to a temporary file: ffprobe and ffmpeg then work as on any file
     * (containers like MP4 often keep their index at the end), and the source can seek. The copy
     * is deleted when the source closes.
     */
    @Override
    public PcmSource open(InputStream stream, String nameHint) throws IOException {
        String source = nameHint == null ? "stream" : nameHint;
        tools.ffmpegPath(source); // fail before copying anything
        Path temp = Files.createTempFile("segue-stream", ".bin");
        try {
            Files.copy(stream, temp, StandardCopyOption.REPLACE_EXISTING);
            PcmSource pcm = open(temp, source, temp);
            stream.close(); // the source owns the stream once open succeeds
            return pcm;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    @Override
    public TrackTags readTags(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        return Probe.of(tools, file).tags();
    }
}
