package dualmcmc.engine.metrics;

/**
 * How closely 2-D samples follow data that has no modes to count (moons, pinwheel, spiral, ...):
 * {@code toData}, the mean distance from each sample to its nearest data point (are the samples on
 * the data?), and {@code fromData}, the mean distance from each data point to its nearest sample
 * (is all of the data reached, or did the samples collapse onto a part?). Their sum is the
 * symmetric Chamfer distance. In data units; two halves of the data give the floor that finite
 * samples allow.
 */
public record CloudDistance(double toData, double fromData) {

    /** Exhaustive nearest neighbours: a few thousand points each way is a few million distances. */
    public static CloudDistance between(float[][] samples, float[][] data) {
        if (samples.length == 0 || data.length == 0) {
            throw new IllegalArgumentException("need samples and data, got " + samples.length + " and " + data.length);
        }
        return new CloudDistance(meanNearest(samples, data), meanNearest(data, samples));
    }

    private static double meanNearest(float[][] from, float[][] to) {
        double sum = 0;
        for (float[] p : from) {
            double best = Double.POSITIVE_INFINITY;
            for (float[] q : to) {
                double d = 0;
                for (int k = 0; k < p.length; k++) {
                    double diff = p[k] - q[k];
                    d += diff * diff;
                }
                best = Math.min(best, d);
            }
            sum += Math.sqrt(best);
        }
        return sum / from.length;
    }
}
