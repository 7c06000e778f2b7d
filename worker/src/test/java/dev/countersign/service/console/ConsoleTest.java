package dev.countersign.service.console;

import dev.countersign.service.api.WithTestUsers;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;

/** A MockMvc test of the console with its real security chain, templates and the {@link WithTestUsers}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@ContextConfiguration(classes = {ConsoleTestApplication.class, TestTokenStore.class})
@WithTestUsers
public @interface ConsoleTest {}
