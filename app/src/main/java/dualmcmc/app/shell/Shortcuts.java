package dualmcmc.app.shell;

import dualmcmc.app.widget.PlaybackBar;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.function.Supplier;

/**
 * The window's keys: Space (train or play), arrows and Home/End (step the shown replay), Ctrl+1-9
 * (the pages in order), Ctrl+R (new models); ignored while typing in a field. The File menu's
 * accelerators (Ctrl+N, O, E, S, Shift+S, I, Q) are the menu bar's own.
 */
final class Shortcuts {
    /** What the keys act on. */
    interface Target {
        /** The replay of the page on screen, or null. */
        PlaybackBar playback();

        /** Shows the i-th page (0-based); false when there is none. */
        boolean selectPage(int index);

        void newModels();

        void togglePlay();
    }

    private Shortcuts() {
    }

    static void install(Scene scene, Supplier<Target> target) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl && !e.isShortcutDown()) {
                return;
            }
            Target t = target.get();
            if (e.isShortcutDown()) {
                if (e.getCode().isDigitKey() && e.getCode() != KeyCode.DIGIT0 && e.getCode() != KeyCode.NUMPAD0) {
                    String name = e.getCode().getName();
                    if (t.selectPage(name.charAt(name.length() - 1) - '1')) {
                        e.consume();
                    }
                } else if (e.getCode() == KeyCode.R) {
                    t.newModels();
                    e.consume();
                }
                return;
            }
            PlaybackBar pb = t.playback();
            if (e.getCode() == KeyCode.SPACE) {
                if (pb != null) {
                    pb.toggle();
                } else {
                    t.togglePlay();
                }
                e.consume();
            } else if (pb != null && (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.LEFT)) {
                pb.stepBy(e.getCode() == KeyCode.RIGHT ? 1 : -1);
                e.consume();
            } else if (pb != null && (e.getCode() == KeyCode.HOME || e.getCode() == KeyCode.END)) {
                pb.pause();
                pb.stepProperty().set(e.getCode() == KeyCode.HOME ? 0 : pb.maxStepProperty().get());
                e.consume();
            }
        });
    }
}
