package dev.countersign.activities.policy.yaml;

import dev.countersign.policy.ApprovalTier;

/**
 * One approval tier as the parser read it, with where it is in the file: its {@code line} and its
 * place ({@code where}, such as {@code rule 'refunds' (#2), tier #1}), for checks that look at tiers.
 */
public record TierSite(String where, int line, ApprovalTier tier) {}
