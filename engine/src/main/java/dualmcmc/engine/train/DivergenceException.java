package dualmcmc.engine.train;

/** Training left its stable regime (a NaN, or the energy gap exploded); the models were rolled back. */
public final class DivergenceException extends RuntimeException {
    private final long iteration;

    public DivergenceException(long iteration, String reason) {
        super("diverged at iteration " + iteration + ": " + reason
                + "; the models were rolled back to the last good state");
        this.iteration = iteration;
    }

    public long iteration() {
        return iteration;
    }
}
