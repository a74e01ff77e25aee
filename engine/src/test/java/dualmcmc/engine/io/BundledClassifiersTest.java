package dualmcmc.engine.io;

import dualmcmc.engine.data.Dataset;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.train.ClassifierTraining;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feature spaces of the Frechet distance: bundled, as accurate as their manifests say, on samples they never saw. */
class BundledClassifiersTest {
    @ParameterizedTest
    @CsvSource({"fashion-mnist, 1000, 0.83", "digits, 179, 0.95"})
    void theBundledClassifierIsAsGoodAsItsManifestSays(String dataset, int heldOut, double floor) throws IOException {
        ClassifierFile.Loaded c = ClassifierFile.bundled(dataset).orElseThrow();
        assertEquals(dataset, c.dataset());
        assertEquals(ClassifierFile.VERSION, c.manifest().path("version").asInt(), "the bundled file carries checksums");
        assertTrue(c.testAccuracy() >= floor, dataset + " accuracy " + c.testAccuracy());
        assertTrue(c.manifest().at("/recipe/command").asText().startsWith("dualmcmc classifier --dataset " + dataset));
        // the same seeded split the recipe (seed 1) held out
        Dataset data = Datasets.load(dataset, null, 1);
        Dataset test = data.split(heldOut, 1).get(1);
        assertEquals(c.testAccuracy(), ClassifierTraining.accuracy(c.classifier(), test), 1e-12);
    }
}
