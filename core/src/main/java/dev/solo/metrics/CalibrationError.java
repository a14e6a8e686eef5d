package dev.solo.metrics;

/**
 * Expected calibration error: predictions grouped into equal-width confidence bins, then the
 * gap between each bin's mean confidence and its accuracy, weighted by the bin's share.
 * 0 means a confidence of 0.9 is right exactly 90% of the time.
 */
public final class CalibrationError {
    public static final int BINS = 10;

    private CalibrationError() {
    }

    /** {@code confidences[i]} is the model's confidence in a prediction; {@code correct[i]} whether it was right. */
    public static double expected(double[] confidences, boolean[] correct) {
        if (confidences.length == 0) {
            return 0;
        }
        double[] confidenceSum = new double[BINS];
        int[] rightCount = new int[BINS];
        int[] count = new int[BINS];
        for (int i = 0; i < confidences.length; i++) {
            int bin = Math.min((int) (confidences[i] * BINS), BINS - 1);
            confidenceSum[bin] += confidences[i];
            rightCount[bin] += correct[i] ? 1 : 0;
            count[bin]++;
        }
        double error = 0;
        for (int bin = 0; bin < BINS; bin++) {
            if (count[bin] > 0) {
                error += Math.abs(confidenceSum[bin] - rightCount[bin]) / confidences.length;
            }
        }
        return error;
    }
}
