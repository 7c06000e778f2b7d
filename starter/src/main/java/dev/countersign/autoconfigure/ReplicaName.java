package dev.countersign.autoconfigure;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** A name for this process, unique in the cluster: host, process id and a random part for restarts. */
final class ReplicaName {

    private ReplicaName() {}

    static String of() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String name = host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        return name.length() <= 200 ? name : name.substring(name.length() - 200);
    }
}
