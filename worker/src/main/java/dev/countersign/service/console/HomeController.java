package dev.countersign.service.console;

import dev.countersign.service.security.ConfiguredUsers;
import dev.countersign.service.security.throttle.LoginThrottled;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's entry: the sign-in page (with the demo users named only while they still have the
 * demo password, and with status 429 and when to try again after too many failed sign-ins) and the
 * start page, which is the inbox.
 */
@Controller
public class HomeController {

    private final ObjectProvider<ConfiguredUsers> users;

    public HomeController(ObjectProvider<ConfiguredUsers> users) {
        this.users = users;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/inbox";
    }

    @GetMapping("/login")
    String login(Principal principal, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(LoginThrottled.REQUEST_ATTRIBUTE) instanceof LoginThrottled throttled) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("throttledFor", waitText(throttled.retryAfterSeconds()));
        } else if (principal != null) {
            return "redirect:/inbox";
        }
        ConfiguredUsers configured = users.getIfAvailable();
        model.addAttribute(
                "demoUsers",
                configured != null && !configured.usersWithDefaultPassword().isEmpty());
        return "login";
    }

    private static String waitText(long seconds) {
        if (seconds < 120) {
            return seconds + " seconds";
        }
        return (seconds + 59) / 60 + " minutes";
    }
}
