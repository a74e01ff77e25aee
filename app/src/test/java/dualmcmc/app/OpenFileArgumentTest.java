package dualmcmc.app;

import dualmcmc.app.shell.MainWindow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A .dmcx double-clicked on the desktop reaches the app as its file argument and opens in the window. */
@ExtendWith(ApplicationExtension.class)
class OpenFileArgumentTest {
    @TempDir
    Path dir;
    private MainModel main;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        main = new MainModel(null);
        // nothing loads yet: the test starts the app's own opening, as start() does
        window = FxTestSupport.show(stage, main, m -> CompletableFuture.completedFuture(null));
        stage.titleProperty().bind(main.document().titleBinding());
    }

    @AfterEach
    void tearDown() {
        FxTestSupport.close(main);
    }

    private CompletableFuture<Void> startWith(String arg) {
        Path file = ExplorerApp.Options.parse(List.of(arg)).file();
        return ExplorerApp.openOrExample(window.fileActions(), main, file);
    }

    @Test
    void theCheckpointGivenAsArgumentIsWhatTheWindowShows(FxRobot robot) throws Exception {
        Path file = dir.resolve("my grid.dmcx");
        try (InputStream in = getClass().getResourceAsStream("/dualmcmc/assets/examples/grid25.dmcx")) {
            Files.copy(in, file);
        }
        assertNull(FxTestSupport.await(() -> startWith(file.toUri().toString())));
        FxTestSupport.waitLoaded(main, "grid25");
        assertEquals(file, FxTestSupport.fx(() -> main.document().file()));
        assertEquals(5000L, (long) FxTestSupport.fx(() -> main.iterationProperty().get()));
        assertTrue(FxTestSupport.fx(stage::getTitle).startsWith("my grid.dmcx"), FxTestSupport.fx(stage::getTitle));
        assertTrue(FxTestSupport.fx(() -> window.fileActions().recent().files().contains(file)));
    }

    @Test
    void aMissingFileIsNamedAndTheExampleOpensInstead(FxRobot robot) {
        Path gone = dir.resolve("gone.dmcx");
        assertNull(FxTestSupport.await(() -> startWith(gone.toString())));
        FxTestSupport.waitLoaded(main, "ring8");
        String alert = FxTestSupport.fx(() -> main.alertProperty().get());
        assertTrue(alert != null && alert.contains(gone.toString()), alert);
        assertNull(FxTestSupport.fx(() -> main.document().file()));
    }
}
