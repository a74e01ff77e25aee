package dualmcmc.engine;
import dualmcmc.engine.config.*;
import dualmcmc.engine.data.*;
import dualmcmc.engine.model.*;
import dualmcmc.engine.nn.*;
import dualmcmc.engine.util.*;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import java.util.List;
public class ProfTmpTest {
  static void time(String name, Runnable r, int reps) {
    for (int i=0;i<8;i++) r.run();
    long t=System.nanoTime(); for (int i=0;i<reps;i++) r.run();
    System.out.printf("%s: %.1f us%n", name, (System.nanoTime()-t)/1e3/reps);
  }
  public static void main(String[] a) {
    Nd4jSetup.init();
    Init init = new Init(Rng.of(1), DataType.FLOAT);
    ModelSet m = Architectures.build(Presets.get("image28"), SampleShape.image(1,28,28), init);
    INDArray x = Rng.of(2).gaussian(64, 784);
    INDArray z = Rng.of(2).gaussian(64, 32);
    for (Network net : List.of(m.energy().network(), m.inference().network(), m.generator().network())) {
      INDArray in = net == m.generator().network() ? z : x;
      INDArray h = in;
      for (Layer l : net.layers()) {
        INDArray hin = h;
        time("fwd " + l.describe(), () -> l.forward(hin), 5);
        h = l.forward(hin);
        INDArray g = h.dup();
        time("bwd " + l.describe(), () -> { l.forward(hin); l.backward(g, true);}, 5);
      }
    }
  }
}
