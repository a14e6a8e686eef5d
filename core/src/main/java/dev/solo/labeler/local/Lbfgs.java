package dev.solo.labeler.local;

/**
 * Limited-memory BFGS for smooth convex objectives (Commons Math has no quasi-Newton method;
 * its conjugate gradient took seconds where this takes a fraction of one). Two-loop recursion
 * over the last {@link #MEMORY} steps and a backtracking line search with the Armijo condition.
 */
final class Lbfgs {
    static final int MEMORY = 10;

    /** The objective's value at a point, with its gradient written into {@code gradient}. */
    @FunctionalInterface
    interface Objective {
        double valueAndGradient(double[] point, double[] gradient);
    }

    private Lbfgs() {
    }

    /** Minimizes from {@code start} until the gradient's largest component is below {@code tolerance}. */
    static double[] minimize(Objective objective, double[] start, double tolerance, int maxIterations) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double f = objective.valueAndGradient(x, g);
        double[][] s = new double[MEMORY][n];
        double[][] y = new double[MEMORY][n];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        int stored = 0;
        int newest = -1;
        double[] direction = new double[n];
        double[] xNext = new double[n];
        double[] gNext = new double[n];
        for (int iteration = 0; iteration < maxIterations && maxAbs(g) > tolerance; iteration++) {
            // direction = -H·g by the two-loop recursion
            System.arraycopy(g, 0, direction, 0, n);
            for (int k = 0; k < stored; k++) {
                int i = Math.floorMod(newest - k, MEMORY);
                alpha[i] = rho[i] * dot(s[i], direction);
                axpy(-alpha[i], y[i], direction);
            }
            if (stored > 0) {
                scale(direction, dot(s[newest], y[newest]) / dot(y[newest], y[newest]));
            }
            for (int k = stored - 1; k >= 0; k--) {
                int i = Math.floorMod(newest - k, MEMORY);
                double beta = rho[i] * dot(y[i], direction);
                axpy(alpha[i] - beta, s[i], direction);
            }
            scale(direction, -1);
            double slope = dot(g, direction);
            if (slope >= 0) {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                System.arraycopy(g, 0, direction, 0, n);
                scale(direction, -1);
                slope = dot(g, direction);
                stored = 0;
            }
            double step = stored == 0 ? Math.min(1, 1 / Math.max(maxAbs(g), 1e-12)) : 1;
            double fNext;
            while (true) {
                for (int j = 0; j < n; j++) {
                    xNext[j] = x[j] + step * direction[j];
                }
                fNext = objective.valueAndGradient(xNext, gNext);
                if (fNext <= f + 1e-4 * step * slope || step < 1e-12) {
                    break;
                }
                step /= 2;
            }
            newest = (newest + 1) % MEMORY;
            for (int j = 0; j < n; j++) {
                s[newest][j] = xNext[j] - x[j];
                y[newest][j] = gNext[j] - g[j];
            }
            double curvature = dot(s[newest], y[newest]);
            if (curvature > 1e-12) {
                rho[newest] = 1 / curvature;
                stored = Math.min(stored + 1, MEMORY);
            } else {
                newest = Math.floorMod(newest - 1, MEMORY);
            }
            boolean stalled = f - fNext < 1e-12 * Math.max(1, Math.abs(f));
            System.arraycopy(xNext, 0, x, 0, n);
            System.arraycopy(gNext, 0, g, 0, n);
            f = fNext;
            if (stalled) {
                break;
            }
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double factor, double[] x, double[] target) {
        for (int i = 0; i < x.length; i++) {
            target[i] += factor * x[i];
        }
    }

    private static void scale(double[] vector, double factor) {
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= factor;
        }
    }

    private static double maxAbs(double[] vector) {
        double max = 0;
        for (double value : vector) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }
}
