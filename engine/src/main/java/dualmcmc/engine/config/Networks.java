package dualmcmc.engine.config;

/** What the three networks are built from; changing any of these means building new networks. */
public record Networks(String arch, int width, int nz, boolean spectralNorm) {
}
