package dualmcmc.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.lang.ref.WeakReference;

import static org.junit.jupiter.api.Assertions.assertNull;

/** A disposed MainModel is let go: nothing of the toolkit's keeps it (and its models) alive. */
@ExtendWith(ApplicationExtension.class)
class MainModelLifecycleTest {
    @Test
    void aDisposedModelIsCollected() throws Exception {
        WeakReference<MainModel> ref = FxTestSupport.fx(() -> {
            MainModel m = new MainModel(null);
            m.dispose();
            return new WeakReference<>(m);
        });
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            FxTestSupport.fx(() -> null);
            System.gc();
            Thread.sleep(20);
        }
        assertNull(ref.get(), "the disposed model is still reachable");
    }
}
