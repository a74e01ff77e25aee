package dualmcmc.app;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A .dmcx double-clicked on the desktop reaches the app as its file argument and opens in the window. */
class OpenFileArgumentTest extends WindowTest {
    @TempDir
    Path dir;
    private Stage stage;

    @Override
    protected CompletableFuture<Void> open(MainModel m) {
        // nothing loads yet: the test starts the app's own opening, as start() does
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected void started(Stage stage) {
        this.stage = stage;
        stage.titleProperty().bind(main.document().titleBinding());
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
        assertEquals(10000L, (long) FxTestSupport.fx(() -> main.iterationProperty().get()));
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
