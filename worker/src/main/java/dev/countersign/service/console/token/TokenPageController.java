package dev.countersign.service.console.token;

import dev.countersign.service.console.ConsoleErrors;
import dev.countersign.service.console.ConsoleUser;
import dev.countersign.service.security.token.ApiTokenInfo;
import dev.countersign.service.security.token.ApiTokens;
import dev.countersign.service.security.token.IssuedToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's personal API tokens: list, create (the secret is shown once, in the answer
 * to the POST itself, and kept nowhere: not in the session, not in a redirect) and revoke; admins
 * also see and revoke everyone's tokens. Without
 * an {@link ApiTokens} bean the page says tokens are not available, and the service still starts.
 */
@Controller
@RequestMapping("/tokens")
public class TokenPageController {

    private static final Logger log = LoggerFactory.getLogger(TokenPageController.class);

    static final int MAX_NAME = 100;
    static final Map<String, Duration> LIFETIMES = lifetimes();

    private final ObjectProvider<ApiTokens> tokens;

    public TokenPageController(ObjectProvider<ApiTokens> tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    ModelAndView page(@ModelAttribute(name = "user", binding = false) ConsoleUser user) {
        ApiTokens store = tokens.getIfAvailable();
        if (store == null) {
            return unavailable();
        }
        return page(store, user, null, null, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView create(
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String lifetime) {
        ApiTokens store = tokens.getIfAvailable();
        if (store == null) {
            return unavailable();
        }
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > MAX_NAME) {
            return page(
                    store,
                    user,
                    null,
                    "Give the token a name of 1 to " + MAX_NAME
                            + " characters, such as \"laptop CLI\", so you know what to revoke later.",
                    HttpStatus.BAD_REQUEST);
        }
        if (lifetime == null || !LIFETIMES.containsKey(lifetime)) {
            return page(store, user, null, "Choose how long the token lasts.", HttpStatus.BAD_REQUEST);
        }
        IssuedToken issued = store.issue(user.name(), label, LIFETIMES.get(lifetime));
        return page(store, user, issued, null, HttpStatus.OK);
    }

    @PostMapping("/{tokenId}/revoke")
    ModelAndView revoke(
            @PathVariable String tokenId,
            @ModelAttribute(name = "user", binding = false) ConsoleUser user,
            RedirectAttributes redirect) {
        ApiTokens store = tokens.getIfAvailable();
        if (store == null) {
            return unavailable();
        }
        ApiTokenInfo token = store.find(tokenId)
                .filter(found -> found.owner().equals(user.name()) || user.admin())
                .orElse(null);
        if (token == null) {
            log.warn(
                    "console refused revoking token {} for '{}': not theirs, or no such token",
                    safe(tokenId),
                    user.name());
            return ConsoleErrors.page(HttpStatus.NOT_FOUND, "You have no token with this id. Go back to your tokens.");
        }
        store.revoke(tokenId, user.name());
        redirect.addFlashAttribute(
                "notice", "Token \"" + token.name() + "\" of " + token.owner() + " is revoked; it no longer works.");
        return new ModelAndView("redirect:/tokens");
    }

    private static ModelAndView page(
            ApiTokens store, ConsoleUser user, IssuedToken issued, String error, HttpStatus status) {
        ModelAndView page = new ModelAndView("tokens", status);
        page.addObject("tokens", store.list(user.name()));
        page.addObject("everyonesTokens", user.admin() ? store.listAll() : null);
        page.addObject("issued", issued);
        page.addObject("error", error);
        page.addObject("lifetimes", LIFETIMES.keySet());
        page.addObject("now", Instant.now());
        return page;
    }

    private static String safe(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 100 ? clean : clean.substring(0, 100) + "...";
    }

    private static ModelAndView unavailable() {
        return ConsoleErrors.page(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Personal API tokens are not available on this server: no token store is configured. "
                        + "Ask an operator, or use the console.");
    }

    private static Map<String, Duration> lifetimes() {
        Map<String, Duration> lifetimes = new LinkedHashMap<>();
        lifetimes.put("30 days", Duration.ofDays(30));
        lifetimes.put("90 days", Duration.ofDays(90));
        lifetimes.put("1 year", Duration.ofDays(365));
        lifetimes.put("never expires", null);
        return Collections.unmodifiableMap(lifetimes);
    }
}
