package dev.countersign.service.demo;

import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The questions the support agent asks of a transcript. It relies on {@code kind} for every
 * entry, on {@code call} (tool and args) for entries about a tool call, on {@code result} for a
 * lookup's output and on {@code text} for reasons, feedback and guidance.
 */
final class SupportTranscript {

    private static final Set<TranscriptKind> ABOUT_A_CALL = EnumSet.of(
            TranscriptKind.TOOL_RESULT,
            TranscriptKind.TOOL_FAILED,
            TranscriptKind.REJECTED,
            TranscriptKind.CHANGES_REQUESTED,
            TranscriptKind.DENIED,
            TranscriptKind.TIMED_OUT);

    private final List<TranscriptEntry> entries;

    SupportTranscript(List<TranscriptEntry> entries) {
        this.entries = entries;
    }

    /** What became of the agent's latest tool call, if it made one. */
    Optional<TranscriptEntry> latestCallOutcome() {
        return latestMatching(null, null);
    }

    Optional<TranscriptEntry> latest(String tool) {
        return latestMatching(tool, null);
    }

    Optional<TranscriptEntry> latest(String tool, TranscriptKind kind) {
        return latestMatching(tool, kind);
    }

    /** The latest guidance that names an amount, with the amount it names. */
    Optional<Guided> latestGuidedAmount() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            TranscriptEntry entry = entries.get(i);
            if (entry.kind() == TranscriptKind.GUIDANCE) {
                Optional<BigDecimal> amount = AmountInText.firstAboutMoney(entry.text());
                if (amount.isPresent()) {
                    return Optional.of(new Guided(amount.get(), entry.text()));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<TranscriptEntry> latestMatching(String tool, TranscriptKind kind) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            TranscriptEntry entry = entries.get(i);
            if (ABOUT_A_CALL.contains(entry.kind())
                    && entry.call() != null
                    && (tool == null || tool.equals(entry.call().tool()))
                    && (kind == null || kind == entry.kind())) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** An amount a person gave as guidance, and the words they used. */
    record Guided(BigDecimal amount, String text) {}
}
