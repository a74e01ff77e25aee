package dualmcmc.engine.progress;

/** Where a training run stands; changes happen between iterations. */
public enum TrainingState { READY, RUNNING, PAUSED, FINISHED, STOPPED }
