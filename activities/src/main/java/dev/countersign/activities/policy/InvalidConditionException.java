package dev.countersign.activities.policy;

/**
 * A {@code when} condition that does not compile: a syntax error, an unknown variable, a type error,
 * or a result that is not a boolean. {@code line} is the 1-based line within the expression.
 */
final class InvalidConditionException extends Exception {

    private final int line;

    InvalidConditionException(String message, int line) {
        super(message);
        this.line = line;
    }

    int line() {
        return line;
    }
}
