package vn.hailong.aggregation;

import java.util.UUID;

/**
 * Dossiers handed over at one counter in a period ({@code handedOver}: each dossier once, at the
 * counter of its last handover in the period) and how many of them have a counted rating, by its
 * overall answer (2, 1, 0 points).
 */
public record CounterCoverage(
        UUID counterId, long handedOver, long rated, long verySatisfied, long satisfied, long dissatisfied) {}
