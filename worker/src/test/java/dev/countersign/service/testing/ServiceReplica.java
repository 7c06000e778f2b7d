package dev.countersign.service.testing;

import dev.countersign.service.CountersignApplication;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * One replica of the whole service, started in this JVM outside Spring's test context (so a test can
 * run two at once, and close one): the acceptance suite's profile, a free HTTP port, an embedded
 * Temporal server of its own on a free loopback port, and the given database.
 */
public final class ServiceReplica {

    private ServiceReplica() {}

    /** Starts a replica on the database; {@code arguments} add or override properties ({@code --name=value}). */
    public static ConfigurableApplicationContext start(
            String databaseUrl, String username, String password, String... arguments) {
        return start(new Class<?>[0], databaseUrl, username, password, arguments);
    }

    /** Starts a replica as {@link #start(String, String, String, String...)} does, with beans of the test's own. */
    public static ConfigurableApplicationContext start(
            Class<?>[] configurations, String databaseUrl, String username, String password, String... arguments) {
        // Arguments, since they win over application.yml (which names the embedded H2 database).
        String[] settings = Stream.concat(
                        Stream.of(
                                "--server.port=0",
                                "--countersign.embedded-temporal.port=" + freeLoopbackPort(),
                                "--TEMPORAL_ADDRESS=",
                                "--spring.datasource.url=" + databaseUrl,
                                "--spring.datasource.username=" + username,
                                "--spring.datasource.password=" + password),
                        Arrays.stream(arguments))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(CountersignApplication.class)
                .sources(configurations)
                .profiles("acceptance")
                .initializers(context ->
                        context.getBeanFactory().registerSingleton("testConfigurationsExcluded", new TestsExcluded()))
                .run(settings);
    }

    /** The replica's HTTP port. */
    public static int port(ConfigurableApplicationContext replica) {
        return Integer.parseInt(replica.getEnvironment().getProperty("local.server.port"));
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for an embedded Temporal server", e);
        }
    }

    /**
     * Keeps the configurations nested in test classes (a test slice's token store, its H2 database)
     * out of the application's component scan, as Spring's test context does for the tests it starts.
     */
    private static final class TestsExcluded extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            String enclosing = reader.getClassMetadata().getEnclosingClassName();
            return enclosing != null && (enclosing.endsWith("Test") || enclosing.endsWith("IT"));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestsExcluded;
        }

        @Override
        public int hashCode() {
            return TestsExcluded.class.hashCode();
        }
    }
}
