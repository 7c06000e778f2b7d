package dev.countersign.activities.policy.cel;

/**
 * A {@code when} condition that does not compile: a syntax error, an unknown variable, a type error,
 * or a result that is not a boolean. {@code line} is the 1-based line within the expression.
 */
public final class InvalidConditionException extends Exception {

    private final int line;

    InvalidConditionException(String message, int line) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
