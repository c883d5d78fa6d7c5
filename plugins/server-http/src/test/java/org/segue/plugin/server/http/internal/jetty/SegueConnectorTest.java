package org.segue.plugin.server.http.internal.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;

/** On a real embedded Jetty, doing what Felix HTTP's connector tracker does with the factory. */
class SegueConnectorTest {

    @Test
    void replacesFelixsPlainConnectorWithOneWithALongAcceptQueueAndKeepsTls() throws Exception {
        Server server = new Server();
        ServerConnector felixPlain = new ServerConnector(server);
        felixPlain.setHost("127.0.0.1");
        felixPlain.setPort(0);
        server.addConnector(felixPlain);
        server.start();
        try {
            // Felix's TLS connector: added but not started here (it would need a keystore).
            ServerConnector felixTls = new ServerConnector(server, new SslConnectionFactory(new SslContextFactory.Server(), "http/1.1"));
            server.addConnector(felixTls);

            SegueConnector factory = new SegueConnector("127.0.0.1", 0, 777);
            Connector ours = factory.createConnector(server);
            server.addConnector(ours);
            ours.start();

            assertEquals(List.of(felixTls, ours), List.of(server.getConnectors()));
            assertTrue(felixPlain.isStopped(), "Felix's loopback connector is closed");
            assertEquals(777, ((ServerConnector) ours).getAcceptQueueSize());
            int port = factory.awaitPort(5000);
            assertTrue(port > 0);
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/nothing")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode(), "Jetty answers on the new connector (no handler: 404)");
            assertTrue(r.headers().firstValue("Server").isEmpty(), "no Server header, as Felix is configured");
        } finally {
            server.stop();
        }
    }
}
