package dualmcmc.app.widget;

import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** What every dialog of the app shares: an owner (centred over the window, modal to it) and the app's style sheet. */
public final class Dialogs {
    public static final String STYLESHEET = "/dualmcmc/app/app.css";

    private Dialogs() {
    }

    public static <T> Dialog<T> prepare(Dialog<T> d, Window owner, String styleClass) {
        if (owner != null) {
            d.initOwner(owner);
        }
        d.getDialogPane().getStylesheets().add(Dialogs.class.getResource(STYLESHEET).toExternalForm());
        d.getDialogPane().getStyleClass().addAll("app-dialog", styleClass);
        return d;
    }
}
