package dev.countersign.service.api;

import dev.countersign.activities.policy.Policy;
import dev.countersign.activities.policy.PolicyException;
import dev.countersign.activities.policy.PolicyRule;
import dev.countersign.activities.policy.PolicySource;
import dev.countersign.service.security.CurrentUser;
import dev.countersign.service.security.LogSafe;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The policy in force, for everyone signed in, and its reload for admins (the security chain keeps
 * every non-GET call under /api/policy for them): a reload reads the file again and swaps it in
 * only if it loads, so a broken edit changes nothing and says what is wrong. Verdicts name the hash
 * of the policy that produced them.
 */
@RestController
@RequestMapping(path = "/api/policy", produces = MediaType.APPLICATION_JSON_VALUE)
public class PolicyController {

    private static final Logger log = LoggerFactory.getLogger(PolicyController.class);

    private final PolicySource policies;

    public PolicyController(PolicySource policies) {
        this.policies = policies;
    }

    @GetMapping
    public PolicySummary current() {
        return PolicySummary.of(policies.current());
    }

    // JSON only (the body, {} or none, is not read): a cross-site form can send no such request, so
    // a browser holding an admin's Basic credentials cannot be made to reload the policy.
    @PostMapping(path = "/reload", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Reloaded reload(Authentication authentication) {
        String admin = CurrentUser.of(authentication).name();
        Policy before = policies.current();
        Policy after = policies.reload();
        boolean changed = !before.hash().equals(after.hash());
        log.info(
                "policy {} reloaded by {}: hash {} -> {}{}",
                after.source(),
                LogSafe.text(admin),
                before.hash(),
                after.hash(),
                changed ? "" : " (unchanged)");
        after.warnings().forEach(warning -> log.warn("policy {}: {}", after.source(), warning));
        return new Reloaded(before.hash(), changed, PolicySummary.of(after));
    }

    @ExceptionHandler(PolicyException.class)
    ResponseEntity<ProblemDetail> invalid(PolicyException invalid, HttpServletRequest request) {
        log.warn(
                "policy reload by '{}' refused, the policy in force stays {}: {}",
                LogSafe.text(request.getRemoteUser()),
                policies.current().hash(),
                invalid.getMessage());
        ProblemDetail problem = Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "InvalidPolicy",
                "the policy file does not load, so the policy in force ("
                        + policies.current().hash() + ") stays: " + invalid.getMessage());
        problem.setProperty("problems", invalid.problems());
        Problems.typeDefault(problem);
        problem.setInstance(Problems.instance(request));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .contentType(Problems.MEDIA_TYPE)
                .body(problem);
    }

    /** What a reload did: the hash before, whether the text changed, and the policy now in force. */
    public record Reloaded(String previousHash, boolean changed, PolicySummary policy) {}

    /** The policy in force: where it was read from, its hash, its rules and its load warnings. */
    public record PolicySummary(
            String source,
            String hash,
            String defaultOutcome,
            List<String> guards,
            List<RuleSummary> rules,
            List<String> warnings) {

        static PolicySummary of(Policy policy) {
            return new PolicySummary(
                    policy.source(),
                    policy.hash(),
                    policy.defaultOutcome().name().toLowerCase(Locale.ROOT),
                    policy.guards().stream().map(guard -> guard.name()).toList(),
                    policy.rules().stream().map(RuleSummary::of).toList(),
                    policy.warnings());
        }
    }

    /** One rule as the file says: name, tools, outcome, whether it only shadows, and its line. */
    public record RuleSummary(String name, List<String> tools, String outcome, boolean shadow, int line) {

        static RuleSummary of(PolicyRule rule) {
            return new RuleSummary(
                    rule.name(),
                    rule.tools(),
                    rule.outcome().name().toLowerCase(Locale.ROOT),
                    rule.shadow(),
                    rule.line());
        }
    }
}
