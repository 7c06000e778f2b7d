package dev.countersign.service.console;

import dev.countersign.task.ActionCounts;
import dev.countersign.task.ActionState;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the console's templates show values ({@code ${@consoleFormat.timeLeft(approval.escalatesAt)}}):
 * times in the configured zone, time left before escalation, confidence as a percentage, and
 * argument values as text a reviewer reads (objects and lists as JSON).
 */
public class ConsoleFormat {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final Clock clock;
    private final ZoneId zone;

    public ConsoleFormat(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** "10:02" today, "3 Mar 10:02" on another day; empty for null. */
    public String time(Instant at) {
        if (at == null) {
            return "";
        }
        ZonedDateTime local = at.atZone(zone);
        return local.toLocalDate().equals(LocalDate.now(clock.withZone(zone)))
                ? CLOCK.format(local)
                : DAY_AND_CLOCK.format(local);
    }

    /** "2026-03-01 10:02:00 UTC"; empty for null. */
    public String fullTime(Instant at) {
        return at == null ? "" : FULL.format(at.atZone(zone)) + " " + zone.getId();
    }

    /** The ISO-8601 instant, for a {@code <time datetime>} attribute. */
    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** "3 h 59 min left", "escalation due now", or "no deadline" when there is none. */
    public String timeLeft(Instant deadline) {
        if (deadline == null) {
            return "no deadline";
        }
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            return "escalation due now";
        }
        return duration(left) + " left";
    }

    /** True when less than a tenth of an hour is left before the deadline, or it has passed. */
    public boolean urgent(Instant deadline) {
        return deadline != null && Duration.between(clock.instant(), deadline).compareTo(Duration.ofMinutes(6)) < 0;
    }

    /** "2 d 3 h", "3 h 59 min", "12 min", "40 s". */
    public static String duration(Duration duration) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        if (minutes > 0) {
            return minutes + " min";
        }
        return Math.max(1, duration.toSecondsPart()) + " s";
    }

    /** "90 %" for 0.9; "unknown" when the agent gave none. */
    public String confidence(Double confidence) {
        if (confidence == null) {
            return "unknown";
        }
        return Math.round(confidence * 100) + " %";
    }

    /** An argument value as text: numbers without a needless ".0", objects and lists as JSON. */
    public String value(Object value) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return JSON.writeValueAsString(value);
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            BigDecimal decimal = new BigDecimal(value.toString());
            return decimal.scale() > 0 && decimal.stripTrailingZeros().scale() <= 0
                    ? decimal.setScale(0).toPlainString()
                    : decimal.toPlainString();
        }
        return value.toString();
    }

    /** "12 actions in all: 11 executed, 1 pending", the states in their order. */
    public String counts(ActionCounts counts) {
        String all = counts.total() + (counts.total() == 1 ? " action" : " actions") + " in all";
        String byState = Arrays.stream(ActionState.values())
                .filter(state -> counts.byState().containsKey(state))
                .map(state -> counts.byState().get(state) + " "
                        + state.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
        return byState.isEmpty() ? all : all + ": " + byState;
    }
}
