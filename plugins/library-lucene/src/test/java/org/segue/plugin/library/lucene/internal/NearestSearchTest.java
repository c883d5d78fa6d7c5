package org.segue.plugin.library.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.apache.lucene.index.VectorSimilarityFunction;
import org.junit.jupiter.api.Test;

class NearestSearchTest {

    @Test
    void theScansCosineIsLucenesCosine() {
        Random random = new Random(5);
        for (int dimension : new int[] {1, 3, 4, 5, 48, 63, 64, 129}) {
            for (int i = 0; i < 200; i++) {
                float[] q = vector(random, dimension);
                float[] v = vector(random, dimension);
                float lucene = VectorSimilarityFunction.COSINE.compare(q, v);
                assertEquals(lucene, new NearestSearch.Scoring(VectorSimilarityFunction.COSINE, q).score(v), 2e-6,
                        "dimension " + dimension);
                assertEquals(VectorSimilarityFunction.EUCLIDEAN.compare(q, v),
                        new NearestSearch.Scoring(VectorSimilarityFunction.EUCLIDEAN, q).score(v), 0f);
            }
        }
        float[] q = {1, 0, 0, 0};
        NearestSearch.Scoring cosine = new NearestSearch.Scoring(VectorSimilarityFunction.COSINE, q);
        assertEquals(1f, cosine.score(new float[] {3, 0, 0, 0}), 1e-7, "same direction, any length");
        assertEquals(0.5f, cosine.score(new float[] {0, 2, 0, 0}), 1e-7, "orthogonal");
        assertEquals(0f, cosine.score(new float[] {-1, 0, 0, 0}), 1e-7, "opposite");
    }

    @Test
    void selectiveFiltersAreScannedPermissiveOnesUseTheGraph() {
        assertTrue(NearestSearch.exactIsCheaper(10, 10), "a tiny segment");
        assertTrue(NearestSearch.exactIsCheaper(44_000, 1_000_000), "the mixability filter at 1M, 4.4 %");
        assertFalse(NearestSearch.exactIsCheaper(1_000_000, 1_000_000), "no filter at 1M");
        assertFalse(NearestSearch.exactIsCheaper(20_000, 50_000), "40 % of a 50k segment");
        assertTrue(NearestSearch.exactIsCheaper(5_000, 50_000), "10 % of a 50k segment");
    }

    private static float[] vector(Random random, int dimension) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) (random.nextGaussian() * (1 + random.nextInt(3)));
        }
        return v;
    }
}
