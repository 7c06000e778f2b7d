package dev.countersign.activities.tool.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What Countersign needs beside Spring AI's {@code @Tool} on a bean method: the tags the policy
 * reads and how a rollback undoes the call. Without it the method is still a Countersign tool, with
 * no tags and no compensation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Countersigned {

    /** Tags the policy may read, for example {@code financial} or {@code external}. */
    String[] tags() default {};

    /**
     * The name of the method on the same bean that undoes a call: it takes the original arguments by
     * name, a {@link dev.countersign.tool.CompensationRequest}, or a Spring AI {@code ToolContext},
     * in any mix, and returns what it did. Empty when the call cannot be rolled back.
     */
    String compensation() default "";

    /** Declares that the call cannot be undone; the tool is then tagged {@code irreversible}. */
    boolean irreversible() default false;
}
