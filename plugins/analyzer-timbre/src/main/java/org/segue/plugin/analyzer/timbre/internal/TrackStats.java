package org.segue.plugin.analyzer.timbre.internal;

/**
 * Whole-track running statistics of the audible frames: means and spreads of MFCCs and spectral
 * shape, mean contrast and band shares; the onset count of all frames. Fixed size, updated per
 * frame.
 */
final class TrackStats {

    private static final int C = MelCepstrum.COEFFICIENTS;
    private static final int B = FrameAnalyzer.OCTAVES;

    final double[] mfccSum = new double[C];
    final double[] mfccSquares = new double[C];
    final double[] contrastSum = new double[B];
    final double[] shareSum = new double[B];
    double logCentroidSum;
    double logCentroidSquares;
    double logRolloffSum;
    double flatnessSum;
    double flatnessSquares;
    double fluxSum;
    double fluxSquares;
    long audibleFrames;
    long frames;
    final OnsetCounter onsets = new OnsetCounter();

    void add(FrameAnalyzer f) {
        // Every frame feeds the onset counter: the rise from silence into a hit is an onset.
        onsets.add(f.flux);
        frames++;
        if (f.silent) {
            return;
        }
        audibleFrames++;
        for (int i = 0; i < C; i++) {
            mfccSum[i] += f.mfcc[i];
            mfccSquares[i] += f.mfcc[i] * f.mfcc[i];
        }
        for (int b = 0; b < B; b++) {
            contrastSum[b] += f.contrast[b];
            shareSum[b] += f.shares[b];
        }
        double logCentroid = log2(Math.max(20, f.centroidHz));
        logCentroidSum += logCentroid;
        logCentroidSquares += logCentroid * logCentroid;
        logRolloffSum += log2(Math.max(20, f.rolloffHz));
        flatnessSum += f.flatness;
        flatnessSquares += f.flatness * f.flatness;
        fluxSum += f.flux;
        fluxSquares += f.flux * f.flux;
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    double mean(double sum) {
        return audibleFrames == 0 ? 0 : sum / audibleFrames;
    }

    double std(double sum, double squares) {
        if (audibleFrames < 2) {
            return 0;
        }
        double m = sum / audibleFrames;
        return Math.sqrt(Math.max(0, squares / audibleFrames - m * m));
    }
}
