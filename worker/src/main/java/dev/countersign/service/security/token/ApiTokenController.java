package dev.countersign.service.security.token;

import dev.countersign.service.security.ConfiguredUsers;
import dev.countersign.service.security.CountersignSecurityProperties;
import dev.countersign.service.security.CurrentUser;
import dev.countersign.service.security.LogSafe;
import dev.countersign.service.security.Reviewer;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Personal API tokens over REST: create one (its secret is in this answer and never again), list
 * yours (admins: everyone's), revoke one. Someone else's token answers 404, as an unknown id does,
 * so ids cannot be probed.
 */
@RestController
@RequestMapping(path = "/api/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
public class ApiTokenController {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenController.class);

    private final ApiTokens tokens;
    private final ConfiguredUsers users;
    private final CountersignSecurityProperties security;

    public ApiTokenController(ApiTokens tokens, ConfiguredUsers users, CountersignSecurityProperties security) {
        this.tokens = tokens;
        this.users = users;
        this.security = security;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IssuedToken> create(
            @RequestBody CreateTokenRequest body, Authentication authentication, HttpServletRequest request) {
        Reviewer caller = CurrentUser.of(authentication);
        if (authentication instanceof ApiTokenAuthentication) {
            throw refuse(
                    request,
                    caller,
                    TokenProblem.forbidden(
                            "TokenCannotCreateTokens",
                            "Token cannot create tokens",
                            "an API token cannot create tokens, so a leaked one cannot outlive its revocation;"
                                    + " log in with your password or identity provider to create one"));
        }
        if (!users.names().contains(caller.name())) {
            throw refuse(
                    request,
                    caller,
                    TokenProblem.forbidden(
                            "NotALocalUser",
                            "Not a local user",
                            "API tokens are for users of countersign.security.users; with OIDC, use a token"
                                    + " from your identity provider"));
        }
        IssuedToken issued;
        try {
            issued = tokens.issue(caller.name(), body.name(), lifetime(body.lifetime()));
        } catch (IllegalArgumentException invalid) {
            throw TokenProblem.badRequest(invalid.getMessage());
        }
        ApiTokenInfo info = issued.info();
        log.info(
                "API token {} '{}' issued to '{}', expires {}",
                info.id(),
                info.name(),
                info.owner(),
                info.expiresAt() == null ? "never" : info.expiresAt());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{tokenId}")
                .buildAndExpand(info.id())
                .toUri();
        return ResponseEntity.created(location).body(issued);
    }

    @GetMapping
    public List<ApiTokenInfo> list(
            @RequestParam(defaultValue = "false") boolean all,
            Authentication authentication,
            HttpServletRequest request) {
        Reviewer caller = CurrentUser.of(authentication);
        if (!all) {
            return tokens.list(caller.name());
        }
        if (!isAdmin(caller)) {
            throw refuse(
                    request,
                    caller,
                    TokenProblem.forbidden(
                            "NotAnAdmin",
                            "Not an admin",
                            "everyone's tokens are for members of " + security.adminGroups()
                                    + "; leave out all=true to list yours"));
        }
        return tokens.listAll();
    }

    @DeleteMapping("/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revoke(@PathVariable String tokenId, Authentication authentication, HttpServletRequest request) {
        Reviewer caller = CurrentUser.of(authentication);
        ApiTokenInfo token = tokens.find(tokenId).orElseThrow(() -> TokenProblem.notFound(tokenId));
        if (!token.owner().equals(caller.name()) && !isAdmin(caller)) {
            log.warn(
                    "refused {} {} for '{}' with 404: token {} belongs to '{}' and the caller is no admin",
                    request.getMethod(),
                    LogSafe.text(request.getRequestURI()),
                    LogSafe.text(caller.name()),
                    token.id(),
                    token.owner());
            throw TokenProblem.notFound(tokenId);
        }
        tokens.revoke(tokenId, caller.name());
        log.info("API token {} '{}' of '{}' revoked by '{}'", token.id(), token.name(), token.owner(), caller.name());
    }

    private boolean isAdmin(Reviewer caller) {
        return caller.inAnyOf(security.adminGroups());
    }

    private static Duration lifetime(String lifetime) {
        if (lifetime == null || lifetime.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(lifetime.strip());
        } catch (DateTimeParseException e) {
            throw TokenProblem.badRequest(
                    "lifetime must be an ISO-8601 duration such as P90D or PT12H, was '" + lifetime + "'");
        }
    }

    private static TokenProblem refuse(HttpServletRequest request, Reviewer caller, TokenProblem problem) {
        log.warn(
                "refused {} {} for '{}' with 403 {}: {}",
                request.getMethod(),
                LogSafe.text(request.getRequestURI()),
                LogSafe.text(caller.name()),
                problem.getBody().getProperties().get("code"),
                problem.getMessage());
        return problem;
    }
}
