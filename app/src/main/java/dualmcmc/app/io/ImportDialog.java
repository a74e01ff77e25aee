package dualmcmc.app.io;

import atlantafx.base.theme.Styles;
import dualmcmc.app.widget.Dialogs;
import dualmcmc.app.files.FileActions;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * File > Import data: the format (IDX folder of MNIST / Fashion-MNIST, CIFAR-10 binary folder or
 * file, a folder of pictures as colour or grey) and where it lies. It only asks: the caller loads
 * the data, and the engine's message names a bad file.
 */
public final class ImportDialog {
    public static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);

    /** What the user chose. */
    public record Request(ImportFormat format, Path path) {
    }

    private final Dialog<Request> dialog = new Dialog<>();
    private final ObjectProperty<ImportFormat> format = new SimpleObjectProperty<>();
    private final TextField path = new TextField();
    private final Preferences prefs;
    private final Optional<Path> detectedFashion;

    /**
     * @param detectedFashion the full Fashion-MNIST found on this machine (offered, never used unasked)
     */
    public ImportDialog(Window owner, Preferences prefs, ImportFormat initial, Optional<Path> detectedFashion) {
        this.prefs = prefs;
        this.detectedFashion = detectedFashion;
        Dialogs.prepare(dialog, owner, "import-dialog");
        dialog.setTitle("Import data");
        Label title = new Label("Import data");
        title.getStyleClass().add(Styles.TITLE_3);
        Label sub = new Label("The data set becomes current with fresh models of its default preset. A file or folder "
                + "that cannot be read is named in a message and the current models stay.");
        sub.setWrapText(true);
        sub.getStyleClass().add(Styles.TEXT_MUTED);
        VBox header = new VBox(4, title, sub);
        header.setPadding(new Insets(18, 22, 6, 22));
        dialog.getDialogPane().setHeader(header);

        ToggleGroup group = new ToggleGroup();
        VBox formats = new VBox(10);
        for (ImportFormat f : ImportFormat.values()) {
            RadioButton r = new RadioButton(f.title());
            r.setId("import-" + f.dataset());
            r.setToggleGroup(group);
            r.setUserData(f);
            r.getStyleClass().add("import-format");
            Label d = new Label(f.description());
            d.setWrapText(true);
            d.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            d.setPadding(new Insets(0, 0, 0, 26));
            formats.getChildren().add(new VBox(2, r, d));
            if (f == initial) {
                r.setSelected(true);
            }
        }
        group.selectedToggleProperty().addListener((o, a, b) -> format.set(b == null ? null : (ImportFormat) b.getUserData()));
        format.set(initial);

        path.setId("importPath");
        path.setPromptText("folder (or file) to read");
        HBox.setHgrow(path, Priority.ALWAYS);
        Button folder = new Button("Folder\u2026", new FontIcon(Feather.FOLDER));
        folder.setId("importBrowseFolder");
        folder.setOnAction(e -> browse(false));
        Button file = new Button("File\u2026", new FontIcon(Feather.FILE));
        file.setId("importBrowseFile");
        file.setTooltip(new Tooltip("One CIFAR-10 .bin batch file"));
        file.setOnAction(e -> browse(true));
        file.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> format.get() != null && format.get().fileAllowed(), format));
        file.managedProperty().bind(file.visibleProperty());
        HBox where = new HBox(8, path, folder, file);
        where.setAlignment(Pos.CENTER_LEFT);

        Node found = detected();
        Label whereLabel = new Label("Location");
        whereLabel.getStyleClass().add(Styles.TEXT_BOLD);
        Label formatLabel = new Label("Format");
        formatLabel.getStyleClass().add(Styles.TEXT_BOLD);
        VBox content = new VBox(10, formatLabel, formats, whereLabel, where, found);
        content.setPadding(new Insets(8, 22, 12, 22));
        content.setPrefWidth(600);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(IMPORT, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(IMPORT);
        ok.setId("importOk");
        ok.getStyleClass().add(Styles.ACCENT);
        ok.disableProperty().bind(format.isNull().or(Bindings.createBooleanBinding(() -> chosen() == null,
                path.textProperty())));
        dialog.setResultConverter(b -> b == IMPORT ? new Request(format.get(), chosen()) : null);
    }

    /** The typed location, or null while it is empty or no path at all. */
    private Path chosen() {
        String t = path.getText() == null ? "" : path.getText().trim();
        try {
            return t.isEmpty() ? null : Path.of(t);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** A note with a one-click "Use it" when the full Fashion-MNIST is installed and that format is chosen. */
    private Node detected() {
        if (detectedFashion.isEmpty()) {
            return new VBox();
        }
        Path p = detectedFashion.get();
        Label note = new Label("The full Fashion-MNIST is installed at " + p + ".", new FontIcon(Feather.INFO));
        note.setWrapText(true);
        Hyperlink use = new Hyperlink("Use it");
        use.setId("importUseDetected");
        use.setOnAction(e -> path.setText(p.toString()));
        HBox box = new HBox(6, note, use);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("import-detected");
        box.visibleProperty().bind(format.isEqualTo(ImportFormat.FASHION_MNIST));
        box.managedProperty().bind(box.visibleProperty());
        format.addListener((o, a, b) -> {
            if (b == ImportFormat.FASHION_MNIST && path.getText().isBlank()) {
                path.setText(p.toString());
            }
        });
        if (format.get() == ImportFormat.FASHION_MNIST) {
            path.setText(p.toString());
        }
        return box;
    }

    private void browse(boolean file) {
        Window w = dialog.getDialogPane().getScene().getWindow();
        File start = FileActions.lastDir(prefs);
        File chosen;
        if (file) {
            FileChooser fc = new FileChooser();
            fc.setTitle("Choose a CIFAR-10 batch file");
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CIFAR-10 batches (*.bin)", "*.bin"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            if (start != null) {
                fc.setInitialDirectory(start);
            }
            chosen = fc.showOpenDialog(w);
        } else {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Choose the data folder");
            if (start != null) {
                dc.setInitialDirectory(start);
            }
            chosen = dc.showDialog(w);
        }
        if (chosen != null) {
            path.setText(chosen.getAbsolutePath());
            FileActions.rememberDir(prefs, chosen.toPath());
        }
    }

    public Dialog<Request> dialog() {
        return dialog;
    }

    public Optional<Request> showAndWait() {
        return dialog.showAndWait();
    }
}
