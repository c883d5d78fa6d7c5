package org.segue.plugin.library.lucene.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.IOUtils;
import org.segue.plugin.library.lucene.internal.FacetCounter.LibrarySearcher;

/**
 * One Lucene index folder with its single writer and its searchers: the durability and
 * concurrency rules of the library, apart from what a track document holds.
 *
 * <p>Writes are serialised by one lock and each ends with a commit (fsync) before it returns, so a
 * write the caller was told about survives {@code kill -9}; a crash mid-write leaves the previous
 * commit, which never holds half a document. Readers go through a {@link SearcherManager} over the
 * committed index (not a near-real-time reader of the writer), refreshed after each commit: they
 * never block writers and see only committed data. A failed write rolls the writer back to the last
 * commit, so the index is as it was before the call.
 */
final class IndexStore implements Closeable {

    /** Work on the current commit. */
    @FunctionalInterface
    interface Read<T> {
        T apply(LibrarySearcher searcher) throws IOException;
    }

    /** Changes to the index, made with the writer while the searcher shows the latest commit. */
    @FunctionalInterface
    interface Write<T> {
        T apply(LibrarySearcher searcher, IndexWriter writer) throws IOException;
    }

    /**
     * Prepares a reader refreshed after a commit before searches see it (run by the writing
     * thread), so the first query after an import or a merge does not pay for per-segment caches.
     */
    @FunctionalInterface
    interface Warmer {
        void warm(IndexReader reader) throws IOException;
    }

    private final Path folder;
    private final Directory directory;
    private final Analyzer analyzer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final SearcherManager searchers;
    private IndexWriter writer; // guarded by writeLock; null after a rollback until the next write
    private volatile boolean closed;

    private IndexStore(Path folder, Directory directory, Analyzer analyzer, Warmer warmer) throws IOException {
        this.folder = folder;
        this.directory = directory;
        this.analyzer = analyzer;
        this.writer = newWriter();
        try {
            if (!DirectoryReader.indexExists(directory)) {
                writer.commit(); // an empty first commit, so readers can open
            }
            this.searchers = new SearcherManager(directory, new FacetCounter.Factory(warmer));
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(writer);
            throw e;
        }
    }

    /**
     * Opens the index in a folder, creating both when missing.
     *
     * @throws IOException when the folder cannot be used, another process holds the index, or the
     *         index was written by a newer, incompatible Segue
     */
    static IndexStore open(Path folder, Analyzer analyzer, Warmer warmer) throws IOException {
        Files.createDirectories(folder);
        Directory directory = directory(folder);
        try {
            if (DirectoryReader.indexExists(directory)) {
                String schema = SegmentInfos.readLatestCommit(directory).getUserData().get(Fields.SCHEMA_COMMIT_KEY);
                if (schema != null && Integer.parseInt(schema) > Fields.SCHEMA) {
                    throw new IOException("library " + folder + " has schema " + schema + "; this Segue reads up to "
                            + Fields.SCHEMA);
                }
            }
            return new IndexStore(folder, directory, analyzer, warmer);
        } catch (LockObtainFailedException e) {
            directory.close();
            // Lucene's lock is per folder and also refuses a second opener in this JVM: two user
            // libraries configured on one folder end here too.
            throw new IOException("library " + folder + " is in use by another Segue process, or by another "
                    + "library of this one configured on the same folder", e);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * Memory-mapped files where the JVM allows, else plain positional reads. MMapDirectory's class
     * initialisation fails with a LinkageError on Java 19+ when Lucene's multi-release classes are
     * not served (a framework without multi-release support); the library then still works.
     */
    private static Directory directory(Path folder) throws IOException {
        try {
            return new MMapDirectory(folder);
        } catch (LinkageError noMemorySegments) {
            return new NIOFSDirectory(folder);
        }
    }

    private IndexWriter newWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        IndexWriter w = new IndexWriter(directory, config);
        w.setLiveCommitData(Map.of(Fields.SCHEMA_COMMIT_KEY, Integer.toString(Fields.SCHEMA)).entrySet());
        return w;
    }

    Path folder() {
        return folder;
    }

    <T> T read(Read<T> work) {
        IndexSearcher s = acquire();
        try {
            return work.apply((LibrarySearcher) s);
        } catch (IOException e) {
            throw new UncheckedIOException("library " + folder + ": " + e.getMessage(), e);
        } finally {
            release(s);
        }
    }

    /** Runs changes under the write lock, commits, and refreshes the searchers; rolls back on failure. */
    <T> T write(Write<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            if (writer == null) {
                writer = reopenWriter();
            }
            T result;
            try {
                IndexWriter w = writer;
                result = read(s -> work.apply(s, w));
                w.commit();
            } catch (IOException | RuntimeException e) {
                rollback();
                if (e instanceof IOException io) {
                    throw new UncheckedIOException("library " + folder + ": " + e.getMessage(), io);
                }
                throw (RuntimeException) e;
            }
            try {
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException("library " + folder + ": committed, but cannot reopen: "
                        + e.getMessage(), e);
            }
            return result;
        } finally {
            writeLock.unlock();
        }
    }

    private IndexWriter reopenWriter() {
        try {
            return newWriter();
        } catch (IOException e) {
            throw new UncheckedIOException("library " + folder + ": cannot reopen for writing: " + e.getMessage(), e);
        }
    }

    /** Drops uncommitted changes; the writer is reopened at the next write. */
    private void rollback() {
        IndexWriter w = writer;
        writer = null;
        try {
            w.rollback();
        } catch (IOException | RuntimeException ignored) {
            // Rolling back closes the writer whatever happens; the last commit stays as it was.
        }
    }

    private IndexSearcher acquire() {
        ensureOpen();
        try {
            return searchers.acquire();
        } catch (AlreadyClosedException e) {
            throw new IllegalStateException("library " + folder + " is closed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher s) {
        try {
            searchers.release(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("library " + folder + " is closed");
        }
    }

    /** Closes; waits for background merges (every write is already committed). */
    @Override
    public void close() throws IOException {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try (Directory d = directory; SearcherManager m = searchers) {
                if (writer != null) {
                    writer.close();
                }
            }
        } finally {
            writeLock.unlock();
        }
    }
}
