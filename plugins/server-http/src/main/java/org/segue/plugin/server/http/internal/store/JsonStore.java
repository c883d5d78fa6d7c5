package org.segue.plugin.server.http.internal.store;

import org.segue.support.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One JSON document on disk, read whole at start and replaced atomically on every change. Enough
 * for accounts and tokens (a few thousand entries at most); a bad file stops the server with its
 * name rather than being silently replaced.
 */
public final class JsonStore<T> {

    private final Path file;
    private final ObjectMapper mapper;
    private final JavaType type;

    public JsonStore(Path file, ObjectMapper mapper, JavaType type) {
        this.file = file;
        this.mapper = mapper;
        this.type = type;
    }

    /** The stored value, or {@code empty} when the file does not exist yet. */
    public T read(T empty) {
        if (!Files.exists(file)) {
            return empty;
        }
        try {
            return mapper.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the file with {@code value}, atomically. */
    public void write(T value) {
        try {
            AtomicFiles.writeBytes(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(value), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }
}
