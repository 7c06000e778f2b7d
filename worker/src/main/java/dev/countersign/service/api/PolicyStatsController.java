package dev.countersign.service.api;

import dev.countersign.service.security.CountersignSecurityProperties;
import dev.countersign.stats.PolicyStats;
import dev.countersign.stats.PolicyStatsReader;
import dev.countersign.stats.Suggestion;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The record that earns autonomy, for operators and admins: decision statistics per tool and rule, and the
 * rules the record suggests relaxing or tightening, computed from the tasks themselves.
 */
@RestController
@RequestMapping(path = "/api/policy", produces = MediaType.APPLICATION_JSON_VALUE)
public class PolicyStatsController {

    private final PolicyStatsReader reader;
    private final CountersignSecurityProperties security;

    public PolicyStatsController(PolicyStatsReader reader, CountersignSecurityProperties security) {
        this.reader = reader;
        this.security = security;
    }

    @GetMapping("/stats")
    public PolicyStats stats(@RequestParam(required = false) String since, Authentication authentication) {
        requireOperator(authentication);
        return reader.stats(instant(since));
    }

    @GetMapping("/suggestions")
    public List<Suggestion> suggestions(
            @RequestParam(required = false) String since,
            @RequestParam(name = "relax-after", required = false) String relaxAfter,
            Authentication authentication) {
        requireOperator(authentication);
        return reader.suggestions(instant(since), streak(relaxAfter));
    }

    private void requireOperator(Authentication authentication) {
        RecordReaders.require(authentication, security, "the policy's decision record");
    }

    private static Instant instant(String since) {
        if (since == null) {
            return null;
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(
                    ApiProblem.INVALID_REQUEST,
                    "'since' must be an ISO-8601 instant such as 2026-11-01T00:00:00Z, was '" + since + "'");
        }
    }

    private static Integer streak(String relaxAfter) {
        if (relaxAfter == null) {
            return null;
        }
        try {
            int streak = Integer.parseInt(relaxAfter);
            if (streak >= 1) {
                return streak;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest(
                ApiProblem.INVALID_REQUEST,
                "'relax-after' must be a whole number of at least 1, was '" + relaxAfter + "'");
    }
}
