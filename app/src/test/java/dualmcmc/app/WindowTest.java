package dualmcmc.app;

import dualmcmc.app.shell.MainWindow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.concurrent.CompletableFuture;

/**
 * A UI test's window: fresh models in the main window on TestFX's stage before each test (fresh
 * ring8 models unless {@link #open} says otherwise), closed after it ({@link FxTestSupport#close}).
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {
    protected MainModel main;
    protected MainWindow window;

    /*
     * A @BeforeEach on TestFX's registered stage rather than a @Start method: ApplicationExtension
     * looks for @Start only among the test class's own methods, not its superclasses'.
     */
    @BeforeEach
    void startWindow() {
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        FxTestSupport.fx(() -> {
            main = new MainModel(null);
            window = FxTestSupport.show(stage, main, this::open);
            started(stage);
            return null;
        });
    }

    /** What the window opens first. */
    protected CompletableFuture<Void> open(MainModel m) {
        return m.load(MainModel.START_DATASET);
    }

    /** Runs on the FX thread once the window shows. */
    protected void started(Stage stage) {
    }

    @AfterEach
    void closeWindow() {
        FxTestSupport.close(main);
    }
}
