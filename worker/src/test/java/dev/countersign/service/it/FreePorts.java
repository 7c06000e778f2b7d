package dev.countersign.service.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/** Free loopback ports, never the same one twice in this JVM. */
final class FreePorts {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {}

    /**
     * The first of {@code count} consecutive free loopback ports, for a server that derives its
     * ports from one: below the ephemeral range, so no outgoing connection takes one meanwhile.
     */
    static synchronized int block(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = 20_000 + ThreadLocalRandom.current().nextInt(10_000 / count) * count;
            List<Integer> ports = IntStream.range(first, first + count).boxed().toList();
            if (ports.stream().noneMatch(HANDED_OUT::contains) && ports.stream().allMatch(FreePorts::free)) {
                HANDED_OUT.addAll(ports);
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free loopback ports in 50 attempts");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static synchronized int next() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free loopback port", e);
            }
        }
        throw new IllegalStateException("no new free loopback port in 20 attempts");
    }
}
