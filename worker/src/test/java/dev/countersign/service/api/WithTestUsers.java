package dev.countersign.service.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo's users and groups (frank aside), plus sam (a second support agent); every password is
 * {@value TestUsers#PASSWORD}, stored as {@code {noop}} so that tests do not pay for bcrypt.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(
        properties = {
            "countersign.security.users.dave.password={noop}" + TestUsers.PASSWORD,
            "countersign.security.users.dave.groups=support-agents",
            "countersign.security.users.sam.password={noop}" + TestUsers.PASSWORD,
            "countersign.security.users.sam.groups=support-agents",
            "countersign.security.users.alice.password={noop}" + TestUsers.PASSWORD,
            "countersign.security.users.alice.groups=support-leads",
            "countersign.security.users.bob.password={noop}" + TestUsers.PASSWORD,
            "countersign.security.users.bob.groups=finance",
            "countersign.security.users.carol.password={noop}" + TestUsers.PASSWORD,
            "countersign.security.users.carol.groups=finance,support-leads",
            "countersign.security.users.olga.password={noop}" + TestUsers.PASSWORD,
            "countersign.security.users.olga.groups=operators",
            "countersign.security.users.ada.password={noop}" + TestUsers.PASSWORD,
            "countersign.security.users.ada.groups=admins",
        })
public @interface WithTestUsers {}
