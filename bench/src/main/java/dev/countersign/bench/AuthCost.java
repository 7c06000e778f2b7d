package dev.countersign.bench;

import org.HdrHistogram.Histogram;

/**
 * HTTP Basic (a bcrypt check of the password on every request) against a personal API token (a SHA-256
 * and an indexed read) on a cheap authenticated GET, one request at a time, alternating.
 */
final class AuthCost {

    static final String PATH = "/api/tokens";

    void run(ServiceApi api, String user, String password, String token, int requests, Report report) {
        Histogram basic = OpenLoop.histogram();
        Histogram bearer = OpenLoop.histogram();
        String basicHeader = ServiceApi.basic(user, password);
        String bearerHeader = ServiceApi.bearer(token);
        for (int i = 0; i < 20; i++) {
            call(api, basicHeader);
            call(api, bearerHeader);
        }
        for (int i = 0; i < requests; i++) {
            if (i % 2 == 0) {
                basic.recordValue(call(api, basicHeader));
                bearer.recordValue(call(api, bearerHeader));
            } else {
                bearer.recordValue(call(api, bearerHeader));
                basic.recordValue(call(api, basicHeader));
            }
        }
        StringBuilder text = new StringBuilder("## HTTP Basic versus a token per request\n\n");
        text.append("""
                `GET %s` (the caller's own tokens: one indexed read), one request at a time over a kept-alive
                connection, Basic and bearer alternating, %d each after 20 warm-up requests each. The user's
                password is configured in plain text, so the service keeps it as a bcrypt hash (cost 10) and
                checks it on every Basic request; the token is checked with one SHA-256 and an indexed read.

                | authentication | p50 | p90 | p99 | max | count |
                | --- | --- | --- | --- | --- | --- |
                """.formatted(PATH, requests));
        text.append(Report.percentileRow("HTTP Basic (bcrypt)", basic)).append('\n');
        text.append(Report.percentileRow("Bearer API token", bearer)).append('\n');
        text.append("\nRaw: [Basic](")
                .append(report.hgrm("auth-basic", basic))
                .append("), [token](")
                .append(report.hgrm("auth-token", bearer))
                .append(").\n");
        report.section(text.toString());
    }

    private static long call(ServiceApi api, String authorization) {
        long start = System.nanoTime();
        api.get(PATH, authorization).expect(200);
        return (System.nanoTime() - start) / 1_000;
    }
}
