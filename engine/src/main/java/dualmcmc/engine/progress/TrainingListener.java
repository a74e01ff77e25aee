package dualmcmc.engine.progress;

/**
 * Receives a session's progress on the training thread; implementations hand off to their own
 * thread (the app coalesces to the screen's rate) and must return quickly.
 */
public interface TrainingListener {
    default void iterationDone(IterationStats stats) {
    }

    /** The session changed state; {@code reason} says why (e.g. the divergence that paused it), may be null. */
    default void stateChanged(TrainingState state, String reason) {
    }
}
