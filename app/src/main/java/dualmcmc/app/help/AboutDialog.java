package dualmcmc.app.help;

import dualmcmc.app.AppIcon;
import dualmcmc.app.Document;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;

/** Help > About: the icon, name and version, what the program is, and the licences of what it bundles. */
public final class AboutDialog {
    private AboutDialog() {
    }

    /** "0.1.0" from the jar's manifest; classes run outside a jar (tests, an IDE) say so instead. */
    public static String version() {
        String v = AboutDialog.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    public static Dialog<Void> create(Window owner) {
        List<Image> icons = AppIcon.images();
        ImageView icon = new ImageView(icons.isEmpty() ? null : icons.get(icons.size() - 1));
        icon.setFitWidth(96);
        icon.setFitHeight(96);
        Label name = new Label(Document.APP_NAME);
        name.getStyleClass().add("about-name");
        Label version = new Label("Version " + version() + " \u00b7 Java " + System.getProperty("java.version")
                + " \u00b7 JavaFX " + System.getProperty("javafx.version", "?"));
        version.setId("aboutVersion");
        version.getStyleClass().add("muted");
        Label what = new Label("Learns an energy-based model, a generator and an inference model together, as in "
                + "\u201cLearning Energy-based Model via Dual-MCMC Teaching\u201d (Cui & Han, NeurIPS 2023), and "
                + "shows the two MCMC revisions step by step.");
        what.setWrapText(true);
        what.setMaxWidth(620);
        HBox head = new HBox(16, icon, new VBox(4, name, version, what));

        TextArea licences = new TextArea(HelpDialogs.resource("licences.txt"));
        licences.setId("aboutLicences");
        licences.setEditable(false);
        licences.setWrapText(false);
        licences.setPrefRowCount(14);
        licences.getStyleClass().add("about-licences");
        VBox content = new VBox(14, head, new Label("Licences of the bundled data and libraries"), licences);
        content.setPrefWidth(780);
        return HelpDialogs.create(owner, "About " + Document.APP_NAME, "aboutDialog", content);
    }
}
