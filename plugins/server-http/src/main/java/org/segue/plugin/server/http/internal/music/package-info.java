/**
 * The server's music services: plain Java, no HTTP types, called by the routes with the caller's
 * {@link org.segue.api.library.TrackLibrary} and data folder, answering the DTO records that
 * Jackson writes as the JSON of {@code API.md}.
 *
 * <ul>
 * <li>{@link org.segue.plugin.server.http.internal.music.TrackDtos}: {@code Track}, {@code Analysis}.</li>
 * <li>{@link org.segue.plugin.server.http.internal.music.TrackImporter}: uploads, files, folders.</li>
 * <li>{@link org.segue.plugin.server.http.internal.music.Waveforms}: band waveforms, cached.</li>
 * <li>{@link org.segue.plugin.server.http.internal.music.AudioExport}: a track as a cached 16-bit WAV.</li>
 * <li>{@link org.segue.plugin.server.http.internal.music.Recommendations}: recommenders and feedback.</li>
 * <li>{@link org.segue.plugin.server.http.internal.music.Mixes},
 *     {@link org.segue.plugin.server.http.internal.music.Previews}: plans, renders, previews.</li>
 * </ul>
 *
 * <p>Failures, for the HTTP layer to map to problems:
 * {@link org.segue.plugin.server.http.internal.music.TooLargeException} → 413;
 * {@link org.segue.plugin.server.http.internal.music.BadInputException} → 400 with its
 * {@code field()}; {@link java.util.NoSuchElementException} → 404 (an id that is not the caller's
 * is not found either); {@link java.util.concurrent.CancellationException} → the job is cancelled;
 * {@link java.io.IOException} and other exceptions → 500 / a failed job. Long work takes a
 * progress {@link java.util.function.DoubleConsumer} (0..1) and a cancel
 * {@link java.util.function.BooleanSupplier}, to be fed from a job's control.
 */
package org.segue.plugin.server.http.internal.music;
