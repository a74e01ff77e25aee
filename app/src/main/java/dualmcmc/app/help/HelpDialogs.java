package dualmcmc.app.help;

import dualmcmc.app.AppIcon;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What the Help dialogs share: a non-modal window with the app's icon and style, and bundled texts. */
final class HelpDialogs {
    private HelpDialogs() {
    }

    /** A dialog with one Close button; non-modal, so the cheat sheet can stay open beside the app. */
    static Dialog<Void> create(Window owner, String title, String id, Node content) {
        Dialog<Void> d = new Dialog<>();
        d.setTitle(title);
        d.initModality(Modality.NONE);
        if (owner != null) {
            d.initOwner(owner);
            d.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        d.getDialogPane().setId(id);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.setResizable(true);
        if (d.getDialogPane().getScene().getWindow() instanceof Stage s) {
            AppIcon.apply(s);
        }
        return d;
    }

    /** A text bundled under /dualmcmc/app/help/. */
    static String resource(String name) {
        try (InputStream in = HelpDialogs.class.getResourceAsStream("/dualmcmc/app/help/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the build did not bundle " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
