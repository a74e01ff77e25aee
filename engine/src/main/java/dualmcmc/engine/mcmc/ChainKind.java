package dualmcmc.engine.mcmc;

/** Which revision process a chain is: EBM-guided on x, or generator-guided on z. */
public enum ChainKind {
    X, Z;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
