package dualmcmc.engine.model;

import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.data.SampleShape;
import dualmcmc.engine.io.ClassifierFile;
import dualmcmc.engine.nn.GradientCheck;
import dualmcmc.engine.nn.Init;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.Parameter;
import dualmcmc.engine.train.ClassifierTraining;
import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassifierTest {
    @TempDir
    Path tmp;

    @Test
    void crossEntropyGradientsMatchFiniteDifferences() {
        Classifier c = Classifier.build(SampleShape.image(1, 8, 8), 10, new Init(Rng.of(1), DataType.DOUBLE));
        INDArray x = Rng.of(2).gaussian(5, 64).castTo(DataType.DOUBLE);
        int[] y = {0, 3, 9, 3, 5};
        double w = 0.7;
        for (Network n : c.networks()) {
            n.zeroGrad();
        }
        double loss = c.accumulateCrossEntropy(x, y, w);
        assertEquals(loss, c.crossEntropy(x, y), 1e-9);
        for (Network n : c.networks()) {
            for (Parameter p : n.parameters()) {
                GradientCheck.check("CE " + n.parameterName(p), p.value(), p.grad().dup(),
                        () -> w * c.crossEntropy(x, y), 15, 3);
            }
        }
    }

    @Test
    void learnsDigitsWellAndSurvivesAFileRoundTrip() throws IOException {
        ClassifierTraining.Result r = ClassifierTraining.train(Datasets.load("digits", null, 1), 4, 1);
        assertTrue(r.testAccuracy() > 0.85, "held-out accuracy " + r.testAccuracy());
        assertEquals(179, r.testSize());
        Path file = tmp.resolve("digits.dmcc");
        ClassifierFile.save(file, r.classifier(), "digits", Map.of("test_accuracy", r.testAccuracy()));
        ClassifierFile.Loaded back = ClassifierFile.load(file);
        INDArray x = Datasets.load("digits", null, 1).subset(50, 2).x();
        assertArrayEquals(r.classifier().predict(x), back.classifier().predict(x));
        assertEquals(r.testAccuracy(), back.testAccuracy());

        Files.write(tmp.resolve("bad.dmcc"), new byte[]{1, 2, 3});
        String m = assertThrows(IllegalArgumentException.class, () -> ClassifierFile.load(tmp.resolve("bad.dmcc")))
                .getMessage();
        assertTrue(m.contains("bad.dmcc") && m.contains("not a readable classifier"), m);
    }
}
