package dev.countersign.console;

import dev.countersign.security.ConfiguredUsers;
import java.security.Principal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's entry: the sign-in page (with the demo users named only while they still have the
 * demo password) and the start page, which is the inbox.
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
    String login(Principal principal, Model model) {
        if (principal != null) {
            return "redirect:/inbox";
        }
        ConfiguredUsers configured = users.getIfAvailable();
        model.addAttribute(
                "demoUsers",
                configured != null && !configured.usersWithDefaultPassword().isEmpty());
        return "login";
    }
}
