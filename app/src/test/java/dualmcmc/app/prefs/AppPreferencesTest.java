package dualmcmc.app.prefs;

import dualmcmc.app.xrevision.XRevisionPage;
import dualmcmc.app.latent.LatentPage;
import dualmcmc.app.io.AutosaveSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppPreferencesTest {
    private Preferences node;

    @BeforeEach
    void clean() throws BackingStoreException {
        node = Preferences.userRoot().node("/dualmcmc/explorer-test-prefs");
        node.clear();
    }

    @Test
    void whatIsStoredComesBack() {
        AppPreferences p = new AppPreferences(120, 80, 1200, 800, false, Theme.HIGH_CONTRAST, 1.3, LatentPage.ID);
        p.store(node);
        assertEquals(p, AppPreferences.load(node));
    }

    @Test
    void nothingStoredMeansTheDefaultsAndTheSystemPlacesTheWindow() {
        AppPreferences p = AppPreferences.load(node);
        assertEquals(AppPreferences.DEFAULT, p);
        assertTrue(Double.isNaN(p.x()));
    }

    @Test
    void handEditedValuesFallBackRatherThanBreakTheWindow() {
        node.putDouble("window.width", 20);
        node.putDouble("window.scale", 7);
        node.put("window.view", "nowhere");
        AppPreferences p = AppPreferences.load(node);
        assertEquals(AppPreferences.DEFAULT.width(), p.width());
        assertEquals(1.0, p.scale());
        assertEquals("nowhere", p.view(), "kept: the window shows its first page for an id no page has");
    }

    @Test
    void aDarkChoiceOfAnEarlierVersionIsKeptAndAnUnknownThemeIsLight() {
        node.putBoolean("window.dark", true);
        assertEquals(Theme.DARK, AppPreferences.load(node).theme());
        node.put("window.theme", "purple");
        assertEquals(Theme.LIGHT, AppPreferences.load(node).theme());
    }

    @Test
    void resetForgetsWindowLookViewAndAutosaveButKeepsRecentFiles() {
        new AppPreferences(10, 10, 900, 700, true, Theme.DARK, 1.5, XRevisionPage.ID).store(node);
        new AutosaveSettings(false, 50, 9, null).store(node);
        node.put("recent.0", "/tmp/a.dmcx");
        AppPreferences.reset(node);
        assertEquals(AppPreferences.DEFAULT, AppPreferences.load(node));
        assertEquals(AutosaveSettings.DEFAULT, AutosaveSettings.load(node));
        assertEquals("/tmp/a.dmcx", node.get("recent.0", null));
    }
}
