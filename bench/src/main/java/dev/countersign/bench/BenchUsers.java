package dev.countersign.bench;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The bench's users, given to the service as configuration ({@code countersign.security.users}): a
 * requester, a reviewer in {@code bench-reviewers}, an operator for the metrics. Their passwords are
 * random and plain, so the service keeps them as bcrypt hashes, as it does for real users.
 */
record BenchUsers(String password) {

    static final String REQUESTER = "benchreq";
    static final String REVIEWER = "benchrev";
    static final String OPERATOR = "benchops";
    static final String REVIEWERS = "bench-reviewers";

    static BenchUsers random() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return new BenchUsers(HexFormat.of().formatHex(bytes));
    }

    List<String> serviceArguments() {
        return List.of(
                user(REQUESTER, "password", password),
                user(REQUESTER, "groups", "support-agents"),
                user(REVIEWER, "password", password),
                user(REVIEWER, "groups", REVIEWERS),
                user(OPERATOR, "password", password),
                user(OPERATOR, "groups", "operators"));
    }

    private static String user(String name, String key, String value) {
        return "--countersign.security.users." + name + "." + key + "=" + value;
    }
}
