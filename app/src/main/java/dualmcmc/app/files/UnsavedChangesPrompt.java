package dualmcmc.app.files;

import dualmcmc.app.widget.Dialogs;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Button;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Save / Don't save / Cancel question asked before unsaved models would be replaced or the app closed. */
public final class UnsavedChangesPrompt {
    public enum Choice { SAVE, DISCARD, CANCEL }

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    public static final ButtonType DISCARD = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
    public static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);

    private UnsavedChangesPrompt() {
    }

    /**
     * Asks and waits for the answer (a nested event loop: the window keeps painting).
     *
     * @param name   the models' name, e.g. "ring8.dmcx" or "Untitled"
     * @param before what is about to happen, e.g. "opening another file"
     * @param detail what would be lost, e.g. "They have trained 120 iterations since they were saved."
     */
    public static Choice ask(Window owner, String name, String before, String detail) {
        Alert a = new Alert(Alert.AlertType.NONE, "", SAVE, DISCARD, CANCEL);
        Dialogs.prepare(a, owner, "unsaved-dialog");
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save the changes to " + name + " before " + before + "?");
        a.setContentText(detail + " If you don't save, they are lost.");
        FontIcon icon = new FontIcon(Feather.SAVE);
        icon.getStyleClass().add("dialog-icon");
        a.setGraphic(icon);
        Button save = (Button) a.getDialogPane().lookupButton(SAVE);
        save.setId("unsavedSave");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        ((Button) a.getDialogPane().lookupButton(DISCARD)).setId("unsavedDiscard");
        Button cancel = (Button) a.getDialogPane().lookupButton(CANCEL);
        cancel.setId("unsavedCancel");
        ButtonType answer = a.showAndWait().orElse(CANCEL);
        return answer == SAVE ? Choice.SAVE : answer == DISCARD ? Choice.DISCARD : Choice.CANCEL;
    }
}
