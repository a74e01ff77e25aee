package dualmcmc.engine.model;

/** The three models by role, in the order {@link ModelSet#networks()} lists their networks. */
public enum ModelKind {
    EBM("EBM"),
    GENERATOR("generator"),
    INFERENCE("inference model");

    private final String label;

    ModelKind(String label) {
        this.label = label;
    }

    /** The name a sentence uses. */
    public String label() {
        return label;
    }
}
