package dev.countersign.task;

/**
 * The shape of an action id, {@code a<n>}: its number orders a task's actions ({@code a2} before
 * {@code a10}) over every run, and is never given out twice.
 */
public final class ActionIds {

    private ActionIds() {}

    public static String id(long number) {
        return "a" + number;
    }

    /** The number in an action id, or -1 for an id of another shape. */
    public static long number(String actionId) {
        if (actionId == null || actionId.length() < 2 || actionId.length() > 19 || actionId.charAt(0) != 'a') {
            return -1;
        }
        for (int i = 1; i < actionId.length(); i++) {
            if (actionId.charAt(i) < '0' || actionId.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(actionId, 1, actionId.length(), 10);
    }

    public static boolean isActionId(String actionId) {
        return number(actionId) >= 0;
    }
}
