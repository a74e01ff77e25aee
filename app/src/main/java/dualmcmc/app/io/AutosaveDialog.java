package dualmcmc.app.io;

import atlantafx.base.theme.Styles;
import dualmcmc.app.MainModel;
import dualmcmc.app.widget.Dialogs;
import dualmcmc.app.files.FileActions;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;

/** File > Autosave: on or off, how often, how many files to keep, and where. */
public final class AutosaveDialog {
    public static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);
    private final Dialog<AutosaveSettings> dialog = new Dialog<>();

    /**
     * @param dataset the current data set, to show where the default folder puts its files
     */
    public AutosaveDialog(Window owner, Preferences prefs, AutosaveSettings current, String dataset) {
        Dialogs.prepare(dialog, owner, "autosave-dialog");
        dialog.setTitle("Autosave");
        Label title = new Label("Autosave while training");
        title.getStyleClass().add(Styles.TITLE_3);
        Label sub = new Label("Every N iterations the models are written to the folder as autosave-<iteration>.dmcx "
                + "(File \u203a Open reads them); only the newest are kept. A failed autosave is reported in the "
                + "status bar and training goes on.");
        sub.setWrapText(true);
        sub.getStyleClass().add(Styles.TEXT_MUTED);
        VBox header = new VBox(4, title, sub);
        header.setPadding(new Insets(18, 22, 6, 22));
        dialog.getDialogPane().setHeader(header);

        CheckBox enabled = new CheckBox("Autosave during training");
        enabled.setId("autosaveEnabled");
        enabled.setSelected(current.enabled());
        Spinner<Integer> every = new Spinner<>(1, 1_000_000, current.every(), 100);
        every.setId("autosaveEvery");
        every.setEditable(true);
        every.setPrefWidth(130);
        every.setTooltip(new Tooltip("Iterations between two autosaves"));
        Spinner<Integer> keep = new Spinner<>(1, 100, current.keep(), 1);
        keep.setId("autosaveKeep");
        keep.setEditable(true);
        keep.setPrefWidth(130);
        keep.setTooltip(new Tooltip("How many of the newest autosaves stay; older ones are deleted"));
        TextField folder = new TextField(current.folder() == null ? "" : current.folder().toString());
        folder.setId("autosaveFolder");
        folder.setPromptText(AutosaveSettings.defaultRoot().resolve("<data set>").toString());
        folder.setTooltip(new Tooltip("Empty: " + AutosaveSettings.defaultRoot() + File.separator
                + "<data set>, now " + AutosaveSettings.DEFAULT.folderFor(dataset)));
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button browse = new Button("Folder\u2026", new FontIcon(Feather.FOLDER));
        browse.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Autosave folder");
            File start = FileActions.lastDir(prefs);
            if (start != null) {
                dc.setInitialDirectory(start);
            }
            File f = dc.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (f != null) {
                folder.setText(f.getAbsolutePath());
            }
        });
        HBox where = new HBox(8, folder, browse);
        where.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("Leave the folder empty for one folder per data set under "
                + AutosaveSettings.defaultRoot() + ".");
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.add(new Label("Every"), 0, 0);
        grid.add(new HBox(8, every, muted("iterations")), 1, 0);
        grid.add(new Label("Keep"), 0, 1);
        grid.add(new HBox(8, keep, muted("newest files")), 1, 1);
        grid.add(new Label("Folder"), 0, 2);
        grid.add(where, 1, 2);
        GridPane.setHgrow(where, Priority.ALWAYS);
        grid.disableProperty().bind(enabled.selectedProperty().not());
        VBox content = new VBox(12, enabled, grid, hint);
        content.setPadding(new Insets(8, 22, 12, 22));
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(APPLY, ButtonType.CANCEL);
        ((Button) dialog.getDialogPane().lookupButton(APPLY)).getStyleClass().add(Styles.ACCENT);
        dialog.setResultConverter(b -> {
            if (b != APPLY) {
                return null;
            }
            Path dir = null;
            try {
                dir = folder.getText().isBlank() ? null : Path.of(folder.getText().trim());
            } catch (InvalidPathException ex) {
                // not a path: keep the previous folder rather than guess
                dir = current.folder();
            }
            return new AutosaveSettings(enabled.isSelected(), every.getValue(), keep.getValue(), dir);
        });
    }

    private static Label muted(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMaxHeight(Double.MAX_VALUE);
        return l;
    }

    /** File > Autosave: edits the settings, stores them and applies them to the running training. */
    public static void edit(Window owner, Preferences prefs, MainModel main) {
        String dataset = main.datasetNameProperty().get();
        new AutosaveDialog(owner, prefs, main.autosaveProperty().get(), dataset).showAndWait().ifPresent(s -> {
            s.store(prefs);
            main.autosaveProperty().set(s);
            main.messageProperty().set(s.enabled()
                    ? String.format("Autosave every %,d iterations to %s, keeping the newest %d.", s.every(),
                    s.folderFor(dataset), s.keep())
                    : "Autosave is off.");
        });
    }

    public Dialog<AutosaveSettings> dialog() {
        return dialog;
    }

    public Optional<AutosaveSettings> showAndWait() {
        return dialog.showAndWait();
    }
}
