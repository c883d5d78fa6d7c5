package org.segue.marketplace.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.segue.marketplace.server.internal.bench.Bench;

/**
 * {@code java -jar segue-marketplace-server.jar [options]}, or {@code marketplace/server/bin/segue-marketplace}.
 * Runs until SIGTERM or Ctrl-C, then stops cleanly.
 */
public final class Main {

    private static final String USAGE = """
            usage: segue-marketplace [options]
                   segue-marketplace bench [--plugins N]   (publish, search, index, restart costs)
              --data DIR         data folder: journal, blobs, marketplace key (default ./marketplace-data)
              --host ADDR        address to listen on (default 127.0.0.1)
              --port N           port, 0 for any free one (default 8090)
              --public-url URL   base URL clients reach this server at, used in feed links
              --api JAR          a segue-api jar to compute compatibility against (repeatable;
                                 default: the api this server was built with)
              --max-upload-mb N  largest bundle accepted (default 32)
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("bench")) {
            int plugins = args.length == 3 && args[1].equals("--plugins") ? number(args[2], "--plugins", 1, 1_000_000) : 1000;
            System.exit(new Bench(data -> {
                MarketplaceServer s = MarketplaceServer.start(MarketplaceConfig.local(data));
                return new Bench.Started(s.uri(), s);
            }).run(plugins, System.out));
        }
        MarketplaceConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("segue-marketplace: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.print(USAGE);
            return;
        }
        MarketplaceServer server = MarketplaceServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("segue-marketplace: stop failed: " + e);
            } finally {
                stopped.countDown();
            }
        }, "marketplace-shutdown"));
        PrintStream out = System.out;
        out.println("segue-marketplace listening on " + server.uri() + " (data " + config.dataDir().toAbsolutePath()
                + ", index key " + server.keyFingerprint() + ")");
        out.flush();
        stopped.await();
    }

    static MarketplaceConfig parse(String[] args) {
        Path data = Path.of("marketplace-data");
        String host = "127.0.0.1";
        int port = 8090;
        String publicUrl = null;
        List<Path> apis = new ArrayList<>();
        long maxUpload = 32L << 20;
        boolean pause = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--data" -> data = Path.of(value(args, ++i, a));
                case "--host" -> host = value(args, ++i, a);
                case "--port" -> port = number(value(args, ++i, a), a, 0, 65535);
                case "--public-url" -> publicUrl = value(args, ++i, a);
                case "--api" -> apis.add(Path.of(value(args, ++i, a)));
                case "--max-upload-mb" -> maxUpload = (long) number(value(args, ++i, a), a, 1, 4096) << 20;
                // Fault injection for the kill -9 test; deliberately not in the usage text.
                case "--test-pause-before-commit" -> pause = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new MarketplaceConfig(data, host, port, publicUrl, apis, maxUpload, Duration.ofSeconds(5), pause);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String v, String option, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number from " + min + " to " + max + ", was '" + v + "'");
        }
    }
}
