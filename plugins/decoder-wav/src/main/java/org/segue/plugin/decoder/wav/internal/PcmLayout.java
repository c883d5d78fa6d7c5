package org.segue.plugin.decoder.wav.internal;

import org.segue.api.audio.AudioFormat;

/**
 * Where the samples of a WAV or AIFF file are and how they are stored, as its headers say.
 *
 * @param format sample rate and channels, validated
 * @param encoding the sample encoding
 * @param dataOffset the byte offset of the first frame
 * @param frames the number of frames the headers claim, or -1 when unknown (a WAV streamed with a
 *        placeholder size): then the data runs to the end of the file
 */
record PcmLayout(AudioFormat format, SampleEncoding encoding, long dataOffset, long frames) {

    int bytesPerFrame() {
        return encoding.bytes * format.channels();
    }
}
