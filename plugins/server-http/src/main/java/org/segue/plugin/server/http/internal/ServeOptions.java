package org.segue.plugin.server.http.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code segue serve}, over the configured defaults.
 *
 * @param tls HTTPS besides HTTP, or {@code null} for HTTP only
 */
record ServeOptions(String host, int port, Path data, Tls tls) {

    /** The environment variable that holds the keystore's password. */
    static final String KEYSTORE_PASSWORD = "SEGUE_KEYSTORE_PASSWORD";

    /**
     * HTTPS settings. The password never comes from the command line, where other users of the
     * machine could read it in the process list.
     */
    record Tls(int port, Path keystore, char[] password) {
    }

    /**
     * @param environment the process's environment, for {@value #KEYSTORE_PASSWORD}
     * @throws IllegalArgumentException naming the option at fault
     */
    static ServeOptions parse(List<String> args, ServerConfig config, Path workingDirectory,
            Map<String, String> environment) {
        String host = config.host();
        int port = config.port();
        String data = config.dataDirectory();
        int httpsPort = config.httpsPort();
        String keystore = config.keystore();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--port", "-p" -> port = port(value(args, ++i, a), a);
                case "--host" -> host = value(args, ++i, a);
                case "--data" -> data = value(args, ++i, a);
                case "--https-port" -> httpsPort = port(value(args, ++i, a), a);
                case "--keystore" -> keystore = value(args, ++i, a);
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("--host must not be empty");
        }
        Path dir = data == null || data.isBlank() ? ServeCommand.defaultData() : workingDirectory.resolve(data);
        Tls tls = null;
        if (httpsPort >= 0) {
            if (keystore == null || keystore.isBlank()) {
                throw new IllegalArgumentException("--https-port needs --keystore (a PKCS#12 file with the "
                        + "server's key and certificate)");
            }
            String password = environment.get(KEYSTORE_PASSWORD);
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("HTTPS needs the keystore's password in the environment "
                        + "variable " + KEYSTORE_PASSWORD);
            }
            tls = new Tls(httpsPort, workingDirectory.resolve(keystore).toAbsolutePath().normalize(),
                    password.toCharArray());
        } else if (keystore != null && !keystore.isBlank() && args.contains("--keystore")) {
            throw new IllegalArgumentException("--keystore is for HTTPS; give --https-port too");
        }
        return new ServeOptions(host, port, dir.toAbsolutePath().normalize(), tls);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int port(String v, String option) {
        try {
            int p = Integer.parseInt(v);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be 0..65535, not " + v);
        }
    }
}
