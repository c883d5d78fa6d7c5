package org.segue.plugin.cli.analysis.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** The audio files named on a command line: files as given, folders searched for audio by extension. */
final class AudioFiles {

    /** Extensions searched for in folders; a file named explicitly is tried whatever its name. */
    static final Set<String> EXTENSIONS = Set.of("wav", "wave", "aif", "aiff", "aifc", "flac", "mp3", "ogg", "oga",
            "opus", "m4a", "aac", "mp4", "wma", "alac", "w64", "rf64");

    private AudioFiles() {
    }

    static List<Path> collect(List<String> arguments, Path workingDirectory) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String a : arguments) {
            Path p = workingDirectory.resolve(a).normalize();
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(AudioFiles::isAudio).sorted().forEach(files::add);
                }
            } else {
                files.add(p); // missing or odd files are reported per file by the analysis
            }
        }
        return files;
    }

    static boolean isAudio(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && !name.startsWith(".") && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
