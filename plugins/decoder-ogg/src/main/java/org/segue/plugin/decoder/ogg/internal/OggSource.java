package org.segue.plugin.decoder.ogg.internal;

import org.segue.support.audio.VorbisComments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.AudioFormat;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.TrackTags;

/**
 * Decodes the first logical Vorbis stream of an Ogg file with JOgg/JOrbis, packet by packet,
 * handing out the PCM JOrbis keeps (no copy of our own).
 *
 * <p>Length: the granule position of the file's last page (exact, end-trimmed). Truncation: a
 * stream that ends without its end-of-stream page delivers what it decoded, then raises
 * {@link AudioDecodingException}. Seek: see {@link #seek}.
 */
final class OggSource implements PcmSource {
    private static final int CHUNK = 8192;
    /** How far a file is searched for its first Ogg page; past that it is not Ogg. */
    private static final int SEARCH_BYTES = 64 * 1024;

    private final String source;
    private final FileChannel channel;
    private InputStream in;
    private SyncState oy;
    private StreamState os;
    private final Page og = new Page();
    private final Packet op = new Packet();
    private Info vi;
    private DspState vd;
    private Block vb;
    private final float[][][] pcm = new float[1][][];
    private int[] index;
    private int serial;
    private boolean eos;
    private boolean ended;
    private boolean closed;
    private long bytesRead;
    private AudioFormat format;
    private TrackTags tags = TrackTags.empty();
    private long length = -1;
    private long position;
    private long drop;

    OggSource(String source, FileChannel channel, InputStream in) {
        this.source = source;
        this.channel = channel;
        this.in = in;
    }

    /** Reads the three Vorbis headers from the start of the file or stream. */
    void start() throws IOException {
        if (channel != null) {
            channel.position(0);
            in = Channels.newInputStream(channel);
        }
        oy = new SyncState();
        os = new StreamState();
        vi = new Info();
        vi.init();
        Comment vc = new Comment();
        vc.init();
        eos = false;
        ended = false;
        bytesRead = 0;
        if (!nextPage(true)) {
            throw new AudioDecodingException(source, bytesRead == 0 ? "not an Ogg file: the file is empty"
                    : "not an Ogg file: no Ogg page in its first " + bytesRead + " bytes");
        }
        serial = og.serialno();
        os.init(serial);
        os.pagein(og);
        for (int header = 0; header < 3; header++) {
            if (!nextPacket(true)) {
                throw new AudioDecodingException(source, "the stream ends inside the Vorbis headers: truncated");
            }
            checkHeader(header);
            try {
                if (vi.synthesis_headerin(vc, op) < 0) {
                    throw new AudioDecodingException(source, "corrupt Vorbis header " + (header + 1));
                }
            } catch (RuntimeException | OutOfMemoryError e) {
                // JOrbis sizes codebook arrays from the setup header before reading them: a
                // corrupt one asks for an impossible array, which fails at once (nothing was
                // allocated), so this is recoverable.
                throw new AudioDecodingException(source, "corrupt Vorbis header " + (header + 1) + ": " + e, e);
            }
        }
        if (vi.channels < 1 || vi.channels > AudioFormat.MAX_CHANNELS || vi.rate < 1
                || vi.rate > AudioFormat.MAX_SAMPLE_RATE) {
            throw new AudioDecodingException(source, "Vorbis header claims " + vi.channels + " channels at "
                    + vi.rate + " Hz");
        }
        format = new AudioFormat(vi.rate, vi.channels);
        vd = new DspState();
        vd.synthesis_init(vi);
        vb = new Block(vd);
        index = new int[vi.channels];
        position = 0;
        drop = 0;
    }

    private void checkHeader(int header) throws AudioDecodingException {
        byte[] b = op.packet_base;
        int p = op.packet;
        boolean vorbis = op.bytes >= 7 && b[p] == header * 2 + 1 && b[p + 1] == 'v' && b[p + 2] == 'o'
                && b[p + 3] == 'r' && b[p + 4] == 'b' && b[p + 5] == 'i' && b[p + 6] == 's';
        if (!vorbis) {
            if (header == 0 && op.bytes >= 8 && new String(b, p, 8, java.nio.charset.StandardCharsets.ISO_8859_1)
                    .equals("OpusHead")) {
                throw new AudioDecodingException(source, "Ogg Opus, not Vorbis: the ffmpeg decoder reads it");
            }
            throw new AudioDecodingException(source, header == 0 ? "not an Ogg Vorbis stream (another codec)"
                    : "Vorbis header " + (header + 1) + " is missing");
        }
        if (header == 1) {
            if (!VorbisComments.wellFormed(b, p + 7, p + op.bytes)) {
                throw new AudioDecodingException(source, "corrupt Vorbis comment header");
            }
            tags = VorbisComments.parse(b, p + 7, p + op.bytes);
        }
    }

    /** The next page of our stream; false at the end of the data. */
    private boolean nextPage(boolean searching) throws IOException {
        while (true) {
            int r = oy.pageout(og);
            if (r == 1) {
                if (searching || og.serialno() == serial) {
                    return true;
                }
                continue; // a page of another logical stream (multiplexed video, say)
            }
            if (r < 0 && !searching) {
                throw new AudioDecodingException(source, "corrupt Ogg page (bad checksum or lost sync) after sample "
                        + position);
            }
            if (searching && bytesRead > SEARCH_BYTES) {
                return false;
            }
            int at = oy.buffer(CHUNK);
            int n = in.read(oy.data, at, CHUNK);
            if (n <= 0) {
                return false;
            }
            bytesRead += n;
            oy.wrote(n);
        }
    }

    /** The next packet of our stream; false at its end. */
    private boolean nextPacket(boolean tolerateHoles) throws IOException {
        while (true) {
            int r = os.packetout(op);
            if (r == 1) {
                return true;
            }
            if (r < 0) {
                if (!tolerateHoles) {
                    throw new AudioDecodingException(source, "data missing from the Ogg stream after sample "
                            + position);
                }
                continue;
            }
            if (eos || !nextPage(false)) {
                if (!eos && format != null) {
                    throw new AudioDecodingException(source, "data ends at sample " + position
                            + " without the end-of-stream page: the file is truncated");
                }
                return false;
            }
            os.pagein(og);
            eos = og.eos() != 0;
        }
    }

    void setLength(long length) {
        this.length = length;
    }

    int serial() {
        return serial;
    }

    TrackTags tags() {
        return tags;
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public long frameLength() {
        return length;
    }

    @Override
    public int read(float[][] destination, int offset, int maxFrames) throws IOException {
        if (closed) {
            throw new IOException(source + ": source is closed");
        }
        if (maxFrames <= 0) {
            return 0;
        }
        while (!ended) {
            int available = vd.synthesis_pcmout(pcm, index);
            if (available > 0) {
                if (drop > 0) {
                    int d = (int) Math.min(drop, available);
                    vd.synthesis_read(d);
                    drop -= d;
                    position += d;
                    continue;
                }
                int n = Math.min(available, maxFrames);
                if (length >= 0) {
                    n = (int) Math.min(n, length - position);
                    if (n <= 0) {
                        ended = true;
                        return -1;
                    }
                }
                float[][] channels = pcm[0];
                for (int c = 0; c < destination.length; c++) {
                    System.arraycopy(channels[c], index[c], destination[c], offset, n);
                }
                vd.synthesis_read(n);
                position += n;
                return n;
            }
            if (!nextPacket(false)) {
                ended = true;
                break;
            }
            decodePacket();
        }
        return -1;
    }

    private void decodePacket() throws AudioDecodingException {
        try {
            if (vb.synthesis(op) == 0) {
                vd.synthesis_blockin(vb);
            }
        } catch (RuntimeException e) {
            throw new AudioDecodingException(source, "corrupt Vorbis packet after sample " + position + ": " + e, e);
        }
    }

    @Override
    public boolean seekable() {
        return channel != null;
    }

    /**
     * Restarts, skims pages without decoding up to the last one whose granule position (the sample
     * count at its end) is at or before {@code frame}, decodes from that page (its position is then
     * exact), and drops samples up to {@code frame}. Costs a read of the file up to the target, but
     * no decoding of it.
     */
    @Override
    public void seek(long frame) throws IOException {
        if (channel == null) {
            throw new UnsupportedOperationException(source + ": a stream cannot seek");
        }
        if (frame < 0) {
            throw new IllegalArgumentException("frame < 0: " + frame);
        }
        start();
        Page anchor = null;
        boolean more;
        while (more = nextPage(false)) {
            long granule = og.granulepos();
            if (og.eos() != 0 || granule > frame) {
                break;
            }
            if (granule >= 0) {
                anchor = og.copy();
            }
        }
        if (anchor == null) {
            // The target lies in the first audio page: decode from the start.
            start();
            drop = frame;
            return;
        }
        // Decode from the anchor: its first packet may be cut (a hole, skipped), the next one only
        // primes the fresh DSP state, and after its last packet the position is its granule.
        os.reset();
        os.pagein(anchor);
        vd = new DspState();
        vd.synthesis_init(vi);
        vb = new Block(vd);
        while (nextPacketFromAnchor()) {
            decodePacket();
            while (vd.synthesis_pcmout(pcm, index) > 0) {
                vd.synthesis_read(vd.synthesis_pcmout(pcm, index));
            }
        }
        position = anchor.granulepos();
        drop = frame - position;
        eos = false;
        ended = false;
        if (more) {
            os.pagein(og); // the page that ended the scan
            eos = og.eos() != 0;
        }
    }

    private boolean nextPacketFromAnchor() {
        while (true) {
            int r = os.packetout(op);
            if (r == 1) {
                return true;
            }
            if (r == 0) {
                return false;
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            if (channel != null) {
                channel.close();
            } else {
                in.close();
            }
        }
    }
}
