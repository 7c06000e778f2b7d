package dev.countersign.service.console;

import dev.countersign.client.ApprovalNotFound;
import dev.countersign.client.PayloadTooLarge;
import dev.countersign.client.TaskNotFound;
import dev.countersign.service.limits.FieldTooLong;
import dev.countersign.service.security.CountersignSecurityProperties;
import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every console page shares: the signed-in user and the console's settings in the model, and
 * failures as the console's error page (never problem+json, a stack trace or the white-label page).
 * It is ordered before the API's advice and applies to the console's controllers only.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConsoleAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

    private final CountersignSecurityProperties security;
    private final ConsoleProperties properties;

    public ConsoleAdvice(CountersignSecurityProperties security, ConsoleProperties properties) {
        this.security = security;
        this.properties = properties;
    }

    @ModelAttribute("user")
    ConsoleUser user(Principal principal) {
        return principal instanceof Authentication authentication ? ConsoleUser.of(authentication, security) : null;
    }

    @ModelAttribute("console")
    ConsoleProperties console() {
        return properties;
    }

    @ExceptionHandler(TaskNotFound.class)
    ModelAndView taskNotFound(TaskNotFound notFound) {
        return ConsoleErrors.page(HttpStatus.NOT_FOUND, notFound.getMessage() + ". Go back to the task list.");
    }

    @ExceptionHandler(ApprovalNotFound.class)
    ModelAndView approvalNotFound(ApprovalNotFound notFound) {
        return ConsoleErrors.page(HttpStatus.NOT_FOUND, notFound.getMessage() + ". Go back to the inbox.");
    }

    @ExceptionHandler(FieldTooLong.class)
    ModelAndView fieldTooLong(FieldTooLong tooLong) {
        return ConsoleErrors.page(
                HttpStatus.BAD_REQUEST, tooLong.getMessage() + ". Go back, shorten it and send it again.");
    }

    @ExceptionHandler(PayloadTooLarge.class)
    ModelAndView payloadTooLarge(PayloadTooLarge tooLarge) {
        return ConsoleErrors.page(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage() + ". Shorten it and try again.");
    }

    /** Spring MVC's own errors (a missing parameter, a wrong method) keep their status. */
    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception failure) {
        if (failure instanceof ErrorResponse error && !error.getStatusCode().is5xxServerError()) {
            return ConsoleErrors.page(error.getStatusCode(), error.getBody().getDetail());
        }
        log.error("console page failed", failure);
        return ConsoleErrors.page(HttpStatus.INTERNAL_SERVER_ERROR, null);
    }
}
