package dualmcmc.engine.session;

/** Generator samples g(z) and their x-revisions, one row each, in model units. */
public record SamplePair(float[][] generated, float[][] revised) {
    /** The generator samples as points to plot. */
    public double[][] generatedPoints() {
        return widen(generated);
    }

    /** The revised samples as points to plot. */
    public double[][] revisedPoints() {
        return widen(revised);
    }

    private static double[][] widen(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                out[i][j] = rows[i][j];
            }
        }
        return out;
    }
}
