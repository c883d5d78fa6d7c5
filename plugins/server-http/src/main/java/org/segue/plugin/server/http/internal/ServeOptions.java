package org.segue.plugin.server.http.internal;

import java.nio.file.Path;
import java.util.List;

/** The command line of {@code segue serve}, over the configured defaults. */
record ServeOptions(String host, int port, Path data) {

    /**
     * @throws IllegalArgumentException naming the option at fault
     */
    static ServeOptions parse(List<String> args, ServerConfig config, Path workingDirectory) {
        String host = config.host();
        int port = config.port();
        String data = config.dataDirectory();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--port", "-p" -> port = port(value(args, ++i, a));
                case "--host" -> host = value(args, ++i, a);
                case "--data" -> data = value(args, ++i, a);
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("--host must not be empty");
        }
        Path dir = data == null || data.isBlank() ? ServeCommand.defaultData() : workingDirectory.resolve(data);
        return new ServeOptions(host, port, dir.toAbsolutePath().normalize());
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int port(String v) {
        try {
            int p = Integer.parseInt(v);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be 0..65535, not " + v);
        }
    }
}
