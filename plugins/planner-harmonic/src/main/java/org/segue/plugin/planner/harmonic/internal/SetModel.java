package org.segue.plugin.planner.harmonic.internal;

import java.util.List;

/**
 * One ordering problem with every score precomputed: the searches only add up table entries.
 *
 * <p>{@code pair[i][j]} is the position-independent part of track {@code i} followed by {@code j},
 * {@code place[i][k]} the energy part of track {@code i} at position {@code k}. The score of an
 * order {@code o} is
 * <pre>
 *   place[o0][0] + Σ_{k=1}^{n-1} (pair[o(k-1)][ok] + place[ok][k])
 * </pre>
 * exactly the sum {@link PairScorer} defines. {@code n²} entries each: 2 MB per table for 500
 * tracks.
 */
final class SetModel {

    final int size;
    final double[][] pair;
    final double[][] place;
    /** The index that must open the set, or -1 when any may. */
    final int first;

    SetModel(double[][] pair, double[][] place, int first) {
        this.size = place.length;
        this.pair = pair;
        this.place = place;
        this.first = first;
    }

    /** Precomputes the tables for these tracks. */
    static SetModel of(List<TrackFeatures> tracks, PairScorer scorer, int first) {
        int n = tracks.size();
        double[][] pair = new double[n][n];
        double[][] place = new double[n][n];
        for (int i = 0; i < n; i++) {
            TrackFeatures a = tracks.get(i);
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    pair[i][j] = scorer.pair(a, tracks.get(j));
                }
                place[i][j] = scorer.place(a, j);
            }
        }
        return new SetModel(pair, place, first);
    }

    /** The score of a complete order. */
    double score(int[] order) {
        if (order.length == 0) {
            return 0;
        }
        double sum = place[order[0]][0];
        for (int k = 1; k < order.length; k++) {
            sum += pair[order[k - 1]][order[k]] + place[order[k]][k];
        }
        return sum;
    }
}
