package dev.countersign.task;

/**
 * Which part of a task's actions a view holds, oldest first: those after {@code after} (null for
 * the first page), at most {@code limit}, and the id to ask for the next page with ({@code next},
 * null on the last page).
 */
public record ActionPage(String after, int limit, String next) {}
