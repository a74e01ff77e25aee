package dualmcmc.engine.session;

import java.util.List;

/**
 * Latent codes of data points as the latent map shows them: the inference model's means mu(x),
 * the latents z after {@code kz} z-revision steps from them, class labels (-1 without labels), the
 * points x and, for images, the reconstructions g(mu(x)); of the models of one iteration.
 */
public record LatentSample(double[][] mu, double[][] revised, int[] labels, List<String> classNames, float[][] x,
                           float[][] reconstruction, boolean image, int channels, int height, int width,
                           long iteration, int kz) {
    public int size() {
        return mu.length;
    }
}
