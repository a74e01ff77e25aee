package dualmcmc.engine.config;

/** What the three networks are built from; changing any of these means building new networks. */
public record Networks(String arch, int width, int nz, boolean spectralNorm) {
    /** Whether the networks model images (every architecture but the MLPs for 2-D points). */
    public boolean isImage() {
        return !"mlp".equals(arch);
    }
}
