package dualmcmc.engine.tsne;

/**
 * A snapshot of a t-SNE run.
 *
 * @param embedding    the map, a fresh N x 2 copy owned by the caller
 * @param klDivergence KL(P || Q) with Q's normalisation estimated by the Barnes-Hut tree, as
 *                     scikit-learn reports {@code kl_divergence_}: evaluated inside the last
 *                     iteration's gradient, i.e. at the map just before that iteration's update
 *                     (always with the un-exaggerated P)
 * @param iteration    number of gradient-descent iterations performed so far
 */
public record TsneState(double[][] embedding, double klDivergence, int iteration) {
}
